"""The documents dialog through real widgets: the kinds that apply, issuing a decision's
copy, the list, the preview's pages and zoom, Save as PDF (the issued bytes), printing to
a PDF file through an injected print dialog, reissue and revoke with a reason, and an
organizer's read-only view (pytest-qt, offscreen, synchronous task pool, no sleeps)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from fairdesk.documents import kinds as K
from fairdesk.domain.enums import Role
from fairdesk.services.casework.case_detail import case_detail
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.pdf_preview import pdf_info
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.paper.document_dialog import DocumentDialog
from fairdesk.ui.paper.document_list import (
    COL_COPY,
    COL_ISSUED,
    COL_STATUS,
    DocumentEntry,
    DocumentTableModel,
    NumberRole,
    ValidRole,
)
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.unit.test_documents import PATHS

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def synchronous_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def make_case(team: Team, clock: FakeClock, state: str, **complaint: Any) -> str:
    """A fresh respondent case driven through the real steps into `state`."""
    reg = register_complaint(team.desk, FAIR, complaint_input(**complaint))
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params, role in PATHS[state]:
        if action == "mark_defence_overdue":
            clock.advance(hours=25)
        if params.get("served_at") == "now":
            params = params | {"served_at": clock.current}
        needs_reason = action.startswith("decide_") or action in ("self_remedy", "withdraw")
        act_on_case(
            team.by_role(role),
            number,
            action,
            reason="经审查双方材料" if needs_reason else "",
            **params,
        )
    return number


@pytest.fixture
def case_in(team: Team, clock: FakeClock, fair: str) -> Callable[..., str]:
    return lambda state, **complaint: make_case(team, clock, state, **complaint)


class FakePrintDialog:
    """Stands in for QPrintDialog: the 'chosen printer' is a PDF file; never shown."""

    def __init__(self, path: Path, accept: bool = True, pages: tuple[int, int] = (0, 0)) -> None:
        self.path = path
        self.accept = accept
        self.pages = pages
        self.calls = 0

    def __call__(self, printer: QPrinter, _parent: Any) -> FakePrintDialog:
        self.calls += 1
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.path))
        printer.setResolution(72)  # quick: the pages are pictures either way
        if self.pages != (0, 0):
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*self.pages)
        return self

    def exec(self) -> int:
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


def pages_of(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def open_dialog(  # type: ignore[no-untyped-def]
    qtbot, team: Team, number: str, role: Role = Role.DESK, **kw: Any
) -> DocumentDialog:
    dialog = DocumentDialog(team.by_role(role), number, **kw)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def choose(qtbot, combo, code: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a combo entry from the keyboard (arrow keys), as a desk would."""
    combo.setFocus()
    target = combo.findData(code)
    assert target >= 0, code
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    assert combo.currentData() == code


# -- issuing ----------------------------------------------------------------------------------


def test_issue_a_decision_copy_and_see_it_listed(
    qtbot, team: Team, case_in: Callable[..., str]
) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    dialog = open_dialog(qtbot, team, number)
    assert dialog.model.rowCount() == 0 and dialog.no_documents_label.isVisible()
    assert dialog.kind_combo.currentData() == "decision"  # the document of this state
    assert dialog.copy_combo.isVisible() and not dialog.served_combo.isVisible()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()

    # A decision is served on both parties: without a copy nothing is issued.
    qtbot.mouseClick(dialog.issue_button, LEFT)
    assert "say which copy to print" in dialog.message()
    assert docs.list_documents(team.organizer, number) == []

    choose(qtbot, dialog.copy_combo, "respondent")
    with qtbot.waitSignal(dialog.issued) as issued:
        qtbot.mouseClick(dialog.issue_button, LEFT)
    info: docs.IssuedInfo = issued.args[0]
    assert info.kind == "decision" and info.case_number == number
    assert info.number in dialog.message() and "Issued" in dialog.message()

    rows = docs.list_documents(team.organizer, number)
    assert [r.number for r in rows] == [info.number]
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data(NumberRole) == info.number
    assert dialog.model.index(0, COL_COPY).data() == "被投诉人联"
    tip = dialog.model.index(0, COL_COPY).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Respondent's copy · 被投诉人联"
    assert dialog.model.index(0, COL_STATUS).data() == "Valid · 有效"
    assert dialog.model.index(0, COL_STATUS).data(ValidRole) is True
    assert dialog.current_number == info.number
    assert dialog.preview.page_count() == pdf_info(info.pdf).pages >= 1
    assert info.number in dialog.preview_title.text()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()

    # The complainant's copy is a document of its own; the newest is on top.
    choose(qtbot, dialog.copy_combo, "complainant")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.model.index(0, COL_COPY).data() == "投诉人联"
    assert dialog.model.index(1, 0).data(NumberRole) == info.number


def test_only_kinds_that_apply_are_offered(qtbot, team: Team, case_in: Callable[..., str]) -> None:
    number = case_in("NOTIFIED")
    dialog = open_dialog(qtbot, team, number)
    d = case_detail(team.desk, number)
    expected = [k.code for k in K.applicable_kinds(K.COMPLAINT, d.complaint.state)] + [
        k.code for k in K.applicable_kinds(K.CASE, d.state)
    ]
    assert dialog.offered_kinds() == expected
    assert "decision" not in dialog.offered_kinds()
    assert "remedial-order" not in dialog.offered_kinds()
    assert dialog.kind_combo.currentData() == "complaint-notice"
    assert not dialog.copy_combo.isVisible()
    missing = len(K.KINDS) - len(expected)
    assert dialog.unavailable_label.text().startswith(f"{missing} other kinds")
    tip = dialog.unavailable_label.toolTip()
    assert "Opinion on the complaint · 处理意见书: once the case is decided" in tip

    # A proof of service asks which served document it is for.
    choose(qtbot, dialog.kind_combo, "complaint-notice")
    qtbot.mouseClick(dialog.issue_button, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    notice = dialog.current_number
    choose(qtbot, dialog.kind_combo, "proof-of-service")
    assert dialog.served_combo.isVisible()
    assert dialog.served_combo.findData(notice) > 0

    # Another desk decides the case meanwhile: the dialog offers what applies now.
    for action, params in (
        ("record_defence", {"summary": "答辩"}),
        ("begin_review", {}),
        ("decide_infringing", {"trigger": "merits", "legal_basis": "第十四条"}),
    ):
        act_on_case(team.desk2, number, action, reason="经审查", **params)
    choose(qtbot, dialog.kind_combo, "complaint-notice")
    qtbot.mouseClick(dialog.issue_button, LEFT)
    assert "cannot be printed for case" in dialog.message()
    assert "decision" in dialog.offered_kinds()
    assert "complaint-notice" not in dialog.offered_kinds()
    # ... and says again which kinds do not apply: the decision does now.
    decided = len(K.KINDS) - len(dialog.offered_kinds())
    assert dialog.unavailable_label.text().startswith(f"{decided} other kind")
    assert "Opinion on the complaint" not in dialog.unavailable_label.toolTip()
    assert "Notice of complaint" in dialog.unavailable_label.toolTip()
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert dialog.message() == ""


def test_preview_shows_every_page_and_zooms(qtbot, team: Team, clock: FakeClock, fair: str) -> None:
    data = complaint_input()
    data.respondents[0].exhibits = [
        ExhibitInput(f"展品{i:02d} Exhibit with a long model name {i:02d}", f"M{i}", i)
        for i in range(1, 61)
    ]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify")
    info = docs.issue_document(team.desk, "complaint-notice", number)
    pages = pdf_info(info.pdf).pages
    assert pages >= 3

    dialog = open_dialog(qtbot, team, number)
    qtbot.waitUntil(lambda: dialog.preview.page_count() == pages)  # rendered via run_task
    assert dialog.current_number == info.number
    assert dialog.preview.pages_label.text() == f"{pages} page(s) · 共{pages}页"
    assert [label.objectName() for label in dialog.preview.page_labels] == [
        f"preview_page_{n}" for n in range(1, pages + 1)
    ]

    dialog.preview.set_zoom(1.0)
    width = dialog.preview.page_labels[0].width()
    assert abs(width - round(595.3 * 96 / 72)) <= 3  # A4 as large as on paper
    qtbot.mouseClick(dialog.preview.zoom_in_button, LEFT)
    assert dialog.preview.zoom() == pytest.approx(1.1)
    assert dialog.preview.page_labels[0].width() > width
    assert dialog.preview.page_count() == pages
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.preview.zoom() == pytest.approx(0.9)
    assert dialog.preview.zoom_label.text() == "90 %"
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit width
    assert dialog.preview.fit_button.isChecked()
    viewport = dialog.preview.scroll_area.viewport().width()
    assert dialog.preview.page_labels[0].width() <= viewport


def test_preview_renders_in_a_worker_thread(qtbot, team: Team, case_in: Callable[..., str]) -> None:
    use_synchronous_pool(False)
    number = case_in("UNDER_REVIEW")
    info = docs.issue_document(team.desk, "dossier", number)
    dialog = DocumentDialog(team.desk, number)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20_000) as ready:
        dialog.show()
    assert ready.args == [info.number]
    assert dialog.preview.page_count() == pdf_info(info.pdf).pages
    assert not dialog.preview.busy


# -- save and print --------------------------------------------------------------------------


def test_save_as_pdf_writes_the_issued_bytes(
    qtbot, team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("REMEDY_ORDERED")
    asked: list[str] = []

    def save_as(_parent: Any, _caption: str, suggested: str, _filter: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "order")  # no suffix typed: .pdf is added

    dialog = open_dialog(qtbot, team, number, save_file_name=save_as)
    choose(qtbot, dialog.kind_combo, "remedial-order")
    qtbot.mouseClick(dialog.issue_button, LEFT)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].endswith(f"{dialog.current_number}-remedial-order.pdf")
    # Offered in the data folder's documents/, made for it (never the working directory).
    from fairdesk.config import data_dir

    assert Path(asked[0]).parent == data_dir() / "documents" and Path(asked[0]).parent.is_dir()
    saved = tmp_path / "order.pdf"
    assert saved.read_bytes() == docs.render_document(team.organizer, dialog.current_number)
    assert f"Saved {dialog.current_number}" in dialog.message()

    # A reprint selected in the list saves the same bytes again.
    again = open_dialog(qtbot, team, number, Role.ORGANIZER)
    assert again.current_number == dialog.current_number
    target = again.save_pdf(tmp_path / "reprint.pdf")
    assert target is not None and target.read_bytes() == saved.read_bytes()

    # A folder that cannot be written is a message, not a crash.
    assert again.save_pdf(tmp_path / "missing" / "x.pdf") is None
    assert "could not be saved" in again.message()


def test_print_through_the_print_dialog_to_a_pdf_file(
    qtbot, team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("UNDER_REVIEW")
    info = docs.issue_document(team.desk, "dossier", number)
    pages = pdf_info(info.pdf).pages
    out = tmp_path / "printed.pdf"
    printer = FakePrintDialog(out)
    dialog = open_dialog(qtbot, team, number, print_dialog=printer)
    qtbot.waitUntil(lambda: dialog.preview.page_count() == pages)
    with qtbot.waitSignal(dialog.printed) as printed:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printer.calls == 1 and printed.args == [pages]
    assert pages_of(out) == pages
    assert "Sent" in dialog.message() and dialog.progress_dialog is None

    # A page range chosen in the print dialog is honoured.
    ranged = FakePrintDialog(tmp_path / "page2.pdf", pages=(2, 2))
    dialog._print_dialog = ranged
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert pages_of(tmp_path / "page2.pdf") == 1

    # Cancel in the print dialog: nothing is printed.
    cancelled = FakePrintDialog(tmp_path / "never.pdf", accept=False)
    dialog._print_dialog = cancelled
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert cancelled.calls == 1 and not (tmp_path / "never.pdf").exists()


def test_cancel_while_printing(
    qtbot, team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("UNDER_REVIEW")
    docs.issue_document(team.desk, "dossier", number)
    dialog = open_dialog(qtbot, team, number, print_dialog=FakePrintDialog(tmp_path / "c.pdf"))
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 1)

    def press_cancel(done: int, total: int) -> None:
        if done == 1 and dialog.progress_dialog is not None:
            dialog.progress_dialog.canceled.emit()  # what the Cancel button sends

    dialog._print_run.on_report = press_cancel  # heard after the bar moved
    qtbot.mouseClick(dialog.print_button, LEFT)
    assert "Printing cancelled" in dialog.message()
    assert dialog.progress_dialog is None and dialog.print_button.isEnabled()
    assert pages_of(tmp_path / "c.pdf") == 2  # the page in hand is finished


# -- reissue and revoke ---------------------------------------------------------------------


def test_reissue_and_revoke_need_a_reason(qtbot, team: Team, case_in: Callable[..., str]) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    first = docs.issue_document(team.desk, "decision", number, copy="complainant")
    dialog = open_dialog(qtbot, team, number)
    assert dialog.current_number == first.number
    assert dialog.reissue_button.isEnabled() and dialog.revoke_button.isEnabled()

    qtbot.mouseClick(dialog.reissue_button, LEFT)
    step = dialog.reason_dialog
    assert step is not None
    qtbot.waitUntil(step.isVisible)
    qtbot.mouseClick(step.ok_button, LEFT)
    assert step.error_text() == "'Reissue the document' needs a reason."
    assert len(docs.list_documents(team.desk, number)) == 1
    qtbot.keyClicks(step.fields["reason"], "complainant's name corrected")
    with qtbot.waitSignal(dialog.issued) as issued:
        qtbot.mouseClick(step.ok_button, LEFT)
    second: docs.IssuedInfo = issued.args[0]
    qtbot.waitUntil(lambda: dialog.reason_dialog is None)
    assert second.supersedes == first.number
    assert dialog.current_number == second.number
    assert dialog.model.index(0, COL_COPY).data() == "投诉人联"
    old = dialog.model.row_of(first.number)
    assert old is not None
    assert dialog.model.index(old, COL_STATUS).data() == "Superseded · 已被取代"
    assert dialog.model.index(old, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Superseded by {second.number} · 已被取代"
    )
    assert docs.verify(team.desk, first.payload).status == "revoked"

    # The superseded one previews as a sentence, and cannot be printed or changed.
    dialog.select_document(first.number)
    assert dialog.preview.page_count() == 0
    assert f"Print {second.number} instead" in dialog.preview.message_label.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert not dialog.reissue_button.isEnabled() and not dialog.revoke_button.isEnabled()

    dialog.select_document(second.number)
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0)
    with qtbot.waitSignal(dialog.changed):
        step = dialog.ask_revoke()
        assert step is not None
        qtbot.mouseClick(step.ok_button, LEFT)
        assert step.error_text() == "'Revoke the document' needs a reason."
        qtbot.keyClicks(step.fields["reason"], "issued in error")
        qtbot.mouseClick(step.ok_button, LEFT)
    qtbot.waitUntil(lambda: dialog.reason_dialog is None)
    row = dialog.model.row_of(second.number)
    assert row is not None
    assert dialog.model.index(row, COL_STATUS).data() == "Revoked · 已撤销"
    tip = dialog.model.index(row, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Revoked · 已撤销: issued in error"
    assert dialog.current_number == second.number
    assert "was revoked (issued in error)" in dialog.preview.message_label.text()
    assert not dialog.print_button.isEnabled()
    result = docs.verify(team.desk, second.payload)
    assert result.status == "revoked" and "issued in error" in result.message


# -- roles and the case view ----------------------------------------------------------------


def test_organizer_sees_it_read_only(
    qtbot, team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    info = docs.issue_document(team.desk, "decision", number, copy="respondent")
    dialog = open_dialog(qtbot, team, number, Role.ORGANIZER)
    assert dialog.read_only_label.isVisible()
    assert "only desk staff issue" in dialog.read_only_label.text()
    for widget in (
        dialog.kind_combo,
        dialog.copy_combo,
        dialog.issue_button,
        dialog.reissue_button,
        dialog.revoke_button,
    ):
        assert not widget.isEnabled(), widget.objectName()
    assert dialog.issue() is None
    assert dialog.ask_reissue() is None and dialog.ask_revoke() is None
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [r.number for r in docs.list_documents(team.desk, number)] == [info.number]

    # It can still preview, save and check.
    assert dialog.current_number == info.number
    assert dialog.preview.page_count() == pdf_info(info.pdf).pages
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    qtbot.mouseClick(dialog.verify_button, LEFT)
    verify = dialog.verify_dialog
    assert verify is not None
    qtbot.waitExposed(verify)
    qtbot.keyClicks(verify.payload_edit, info.payload)
    qtbot.keyClick(verify.payload_edit, Qt.Key.Key_Return)
    assert verify.status == "genuine"


def test_case_view_opens_the_documents(qtbot, team: Team, case_in: Callable[..., str]) -> None:
    from fairdesk.ui.casework.case_view import CaseView

    number = case_in("INFRINGEMENT_FOUND")
    view = CaseView(team.desk, number)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.documents_button.shortcut().toString() == "Ctrl+P"
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.findChild(DocumentDialog) is not None)  # an animated click
    dialog = view.findChild(DocumentDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.case_number == number
    choose(qtbot, dialog.copy_combo, "respondent")
    with qtbot.waitSignal(view.changed):  # the case view reloads: its timeline has the issue
        qtbot.mouseClick(dialog.issue_button, LEFT)
    assert view.timeline_model.entry(view.timeline_model.rowCount() - 1).action == (
        "document.issue"
    )


def test_document_model(qtmodeltester, team: Team, case_in: Callable[..., str]) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    first = docs.issue_document(team.desk, "decision", number, copy="respondent")
    docs.reissue(team.desk, first.number, "typo")
    docs.issue_document(team.desk, "dossier", number)
    rows = docs.list_documents(team.desk, number)
    model = DocumentTableModel()
    model.set_entries(
        [DocumentEntry(r, "respondent" if r.kind == "decision" else "") for r in rows],
        "Asia/Shanghai",
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, COL_ISSUED).data() == "05/11 09:30"  # fair time, not UTC
    tip = model.index(0, COL_ISSUED).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "05/11/2026 09:30:00 by desk1"


def test_a_message_moves_no_field_of_the_form(
    qtbot, team: Team, case_in: Callable[..., str]
) -> None:
    """The message bar (an error, what was just issued) appears where it pushes nothing
    the desk may be about to click."""
    dialog = open_dialog(qtbot, team, case_in("INFRINGEMENT_FOUND"))
    aimed = [dialog.kind_combo, dialog.copy_combo, dialog.issue_button, dialog.save_button]

    def places() -> list[tuple[int, int]]:
        QApplication.processEvents()
        return [w.mapTo(dialog, w.rect().topLeft()).toTuple() for w in aimed]

    before = places()
    dialog.show_error("A long message " * 12)
    assert dialog.message_bar.isVisible()
    assert places() == before
    dialog.clear_message()
    assert places() == before


def test_a_chinese_desk_names_kinds_and_copies_in_chinese_alone(
    qtbot, team: Team, clock: FakeClock, fair: str, qapp
) -> None:  # type: ignore[no-untyped-def]
    from fairdesk.i18n import install_translations

    number = make_case(team, clock, "REMEDY_ORDERED")
    install_translations(qapp, "zh_CN")
    try:
        dialog = DocumentDialog(team.desk, number)
        qtbot.addWidget(dialog)
        combos = [dialog.kind_combo, dialog.copy_combo]
        shown = [c.itemText(i) for c in combos for i in range(c.count())]
    finally:
        install_translations(qapp, "en")
    assert "整改通知书及承诺书" in shown and "被投诉人联" in shown
    english = [t for t in shown if any("a" <= ch.lower() <= "z" for ch in t)]
    assert english == []
