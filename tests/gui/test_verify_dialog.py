"""The "check a document" dialog: a USB scanner typing a code fast and pressing Enter, a
one-character forgery, an unknown number, a revoked document, a pasted code, a PNG photo
and the issued PDF opened as files, an unreadable file (pytest-qt, no sleeps)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from fairdesk.domain.enums import Role
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.paper.verify_dialog import VerifyDialog
from tests.conftest import FakeClock, Team
from tests.gui.test_document_dialog import make_case
from tests.helpers import make_fair


@pytest.fixture(autouse=True)
def synchronous_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def decision(team: Team, clock: FakeClock) -> docs.IssuedInfo:
    make_fair(team.admin)
    number = make_case(team, clock, "INFRINGEMENT_FOUND")
    return docs.issue_document(team.desk, "decision", number, copy="respondent")


def open_verify(qtbot, team: Team, role: Role = Role.INSPECTOR, **kw: Any) -> VerifyDialog:  # type: ignore[no-untyped-def]
    dialog = VerifyDialog(team.by_role(role), **kw)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def scan(qtbot, dialog: VerifyDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """What a USB QR scanner does: type every character at once, then Enter."""
    with qtbot.waitSignal(dialog.checked):
        qtbot.keyClicks(dialog.payload_edit, text)
        qtbot.keyClick(dialog.payload_edit, Qt.Key.Key_Return)


def flip(text: str, index: int) -> str:
    return text[:index] + ("B" if text[index] != "B" else "C") + text[index + 1 :]


def test_scanner_genuine_then_forged_then_unknown(
    qtbot, team: Team, decision: docs.IssuedInfo
) -> None:
    dialog = open_verify(qtbot, team)
    assert dialog.payload_edit.hasFocus()  # ready for the scanner as soon as it opens
    assert not dialog.payload_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)

    scan(qtbot, dialog, decision.payload)
    assert dialog.status == "genuine"
    assert dialog.status_label.text() == "GENUINE · 真实有效"
    assert not dialog.icon_label.pixmap().isNull()
    assert dialog.icon_label.accessibleName() == "Genuine · 真实有效"
    assert decision.number in dialog.message_label.text()
    summary = dialog.summary_text()
    assert summary["number"] == decision.number
    assert summary["says"].startswith("初步认定侵权")
    assert summary["respondent"] == "测试展商1有限公司"
    assert summary["copy"].startswith("被投诉人联")
    assert summary["case"] == decision.case_number
    assert dialog.summary_box.isVisible()
    # The code stays selected, so the next scan replaces it.
    assert dialog.payload_edit.hasFocus()
    assert dialog.payload_edit.selectedText() == decision.payload

    scan(qtbot, dialog, flip(decision.payload, len(decision.payload) - 10))
    assert dialog.status == "forged"
    assert dialog.status_label.text() == "FORGED · 伪造"
    assert "FORGED" in dialog.message_label.text()
    assert dialog.summary_text() == {} and not dialog.summary_box.isVisible()

    scan(qtbot, dialog, decision.payload.replace("D000001", "D009999"))
    assert dialog.status == "unknown"
    assert dialog.status_label.text() == "UNKNOWN · 未登记"
    assert "No document numbered" in dialog.message_label.text()

    scan(qtbot, dialog, "hello")
    assert dialog.status == "malformed"
    assert "NOT A DOCUMENT CODE" in dialog.status_label.text()
    assert "should start with 'FD1.'" in dialog.message_label.text()


def test_revoked_and_superseded(
    qtbot, team: Team, decision: docs.IssuedInfo, clock: FakeClock
) -> None:
    clock.advance(minutes=3)
    newer = docs.reissue(team.desk, decision.number, "typo in the name")
    dialog = open_verify(qtbot, team, Role.ORGANIZER)
    scan(qtbot, dialog, decision.payload)
    assert dialog.status == "revoked"
    assert dialog.status_label.text() == "REVOKED · 已撤销"
    assert f"Ask for {newer.number}" in dialog.message_label.text()
    assert dialog.summary_text()["superseded by"] == newer.number
    assert dialog.summary_values["superseded by"].font().bold()

    docs.revoke(team.desk, newer.number, "issued in error")
    scan(qtbot, dialog, newer.payload)
    assert dialog.status == "revoked" and "issued in error" in dialog.message_label.text()


def test_pasted_code_with_spaces_and_the_check_button(
    qtbot, team: Team, decision: docs.IssuedInfo
) -> None:
    dialog = open_verify(qtbot, team, Role.DESK)
    QGuiApplication.clipboard().setText(f"  {decision.payload[:50]} {decision.payload[50:]}\n")
    dialog.payload_edit.paste()
    with qtbot.waitSignal(dialog.checked):
        qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.status == "genuine"
    # Enter on an empty field does nothing.
    dialog.payload_edit.clear()
    with qtbot.assertNotEmitted(dialog.checked):
        qtbot.keyClick(dialog.payload_edit, Qt.Key.Key_Return)


def page_png(pdf: bytes, path: Path, dpi: int = 150) -> Path:
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        bitmap = page.render(scale=dpi / 72)
        bitmap.to_pil().save(path)
        bitmap.close()
        page.close()
    finally:
        doc.close()
    return path


def test_png_and_pdf_files(qtbot, team: Team, decision: docs.IssuedInfo, tmp_path: Path) -> None:
    png = page_png(decision.pdf, tmp_path / "photo.png")
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(decision.pdf)
    chosen: list[str] = [str(png)]
    asked: list[str] = []

    def open_file(_parent: Any, _caption: str, folder: str, filters: str) -> str:
        asked.append(filters)
        return chosen.pop(0) if chosen else ""

    dialog = open_verify(qtbot, team, open_file_name=open_file)
    with qtbot.waitSignal(dialog.checked):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "*.png" in asked[0] and "*.pdf" in asked[0]
    assert dialog.status == "genuine"
    assert dialog.message_label.text().startswith("photo.png: GENUINE")
    assert dialog.summary_text()["number"] == decision.number
    assert not dialog.busy

    dialog.check_file(pdf)
    assert dialog.status == "genuine"
    assert "byte-identical" in dialog.message_label.text()

    # Cancelling the file dialog changes nothing.
    with qtbot.assertNotEmitted(dialog.checked):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.status == "genuine"


def test_unreadable_or_missing_file(qtbot, team: Team, tmp_path: Path, fair_code: str) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a picture", encoding="utf-8")
    dialog = open_verify(qtbot, team)
    dialog.check_file(junk)
    assert dialog.status == "error"
    assert dialog.status_label.text() == "Could not check · 无法核验"
    assert "neither a PDF nor a picture" in dialog.message_label.text()
    assert not dialog.icon_label.pixmap().isNull()
    dialog.check_file(tmp_path / "gone.png")
    assert dialog.status == "error" and "gone.png cannot be read" in dialog.message_label.text()


def test_a_dropped_file(qtbot, team: Team, decision: docs.IssuedInfo, tmp_path: Path) -> None:
    png = page_png(decision.pdf, tmp_path / "drop.png")
    dialog = open_verify(qtbot, team)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(dialog.checked):
        dialog.dropEvent(event)
    assert dialog.status == "genuine"


@pytest.fixture
def fair_code(team: Team) -> str:
    return make_fair(team.admin)


def test_every_status_has_words_and_an_icon(qtbot, team: Team, fair_code: str) -> None:
    dialog = open_verify(qtbot, team)
    seen: dict[str, Callable[[], Any]] = {}
    for status in ("genuine", "forged", "altered", "revoked", "unknown", "malformed"):
        dialog.show_result(docs.Verification(status == "genuine", status, f"{status} message"))
        seen[status] = dialog.icon_label.pixmap().toImage
        assert dialog.status == status
        assert dialog.status_label.text().split(" · ")[1]  # Chinese words too
        assert dialog.message_label.text() == f"{status} message"
    images = {status: make() for status, make in seen.items()}
    # Different statuses look different (shape, not colour alone: compare in grey).
    grey = {s: img.convertToFormat(img.Format.Format_Grayscale8) for s, img in images.items()}
    assert grey["genuine"] != grey["forged"] != grey["altered"] != grey["revoked"]


def test_a_chinese_desk_reads_the_verdict_in_chinese(  # type: ignore[no-untyped-def]
    qtbot, qapp, team: Team, decision: docs.IssuedInfo
) -> None:
    from fairdesk.i18n import install_translations

    install_translations(qapp, "zh_CN")
    try:
        dialog = open_verify(qtbot, team)
        scan(qtbot, dialog, decision.payload)
        status, message = dialog.status_label.text(), dialog.message_label.text()
        labels = [
            dialog.summary_form.itemAt(row, dialog.summary_form.ItemRole.LabelRole).widget().text()
            for row in range(dialog.summary_form.rowCount())
        ]
        scan(qtbot, dialog, "hello there")
        malformed = dialog.message_label.text()
    finally:
        install_translations(qapp, "en")
    assert status == "真实有效" and message.startswith("真实有效：" + decision.number), message
    latin = re.compile(r"\b[A-Za-z]{3,}\b")
    assert not latin.search(message.replace(decision.number, "")), message
    assert labels and not any(latin.search(label) for label in labels), labels
    assert not latin.search(malformed.replace("FairDesk", "")), malformed
