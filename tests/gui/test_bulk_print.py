"""Bulk printing: one kind of document for several cases, issued where it applies and
skipped (with the reason) where not, printed as one job to a PDF file through an injected
print dialog or saved one file a document; cancel; one complaint document a complaint;
an organizer cannot start it (pytest-qt, synchronous task pool, no sleeps)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from fairdesk.domain.enums import Role
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.ui.common.pdf_preview import pdf_info
from fairdesk.ui.common.tasks import use_synchronous_pool
from fairdesk.ui.paper.bulk_print import BulkPrintDialog, BulkReport, run_bulk
from tests.conftest import FakeClock, Team
from tests.gui.test_document_dialog import FakePrintDialog, make_case, pages_of
from tests.helpers import FAIR, complaint_input, make_fair

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def synchronous_pool() -> Iterator[None]:
    use_synchronous_pool()
    yield
    use_synchronous_pool(False)


@pytest.fixture
def three(team: Team, clock: FakeClock) -> list[str]:
    """Two decided cases and one where a decision does not apply yet."""
    make_fair(team.admin)
    return [
        make_case(team, clock, "INFRINGEMENT_FOUND"),
        make_case(team, clock, "NOTIFIED"),
        make_case(team, clock, "NOT_INFRINGING"),
    ]


def open_bulk(qtbot, team: Team, numbers: list[str], role: Role = Role.DESK, **kw: Any):  # type: ignore[no-untyped-def]
    dialog = BulkPrintDialog(team.by_role(role), numbers, **kw)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def issued_pages(team: Team, report: BulkReport) -> int:
    return sum(
        pdf_info(docs.render_document(team.organizer, i.document_number)).pages
        for i in report.issued
    )


def test_print_three_cases_where_one_does_not_apply(
    qtbot, team: Team, three: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "bulk.pdf"
    printer = FakePrintDialog(out)
    dialog = open_bulk(qtbot, team, three, print_dialog=printer)
    assert dialog.cases_label.text() == ", ".join(three)
    dialog.set_kind("decision")
    assert dialog.copy_combo.isVisible()
    dialog.copy_combo.setCurrentIndex(dialog.copy_combo.findData("respondent"))
    assert dialog.start_button.text() == "&Issue and print"
    with qtbot.waitSignal(dialog.finished_run) as finished:
        qtbot.mouseClick(dialog.start_button, LEFT)
    report: BulkReport = finished.args[0]
    assert printer.calls == 1
    assert [i.case_number for i in report.issued] == [three[0], three[2]]
    assert all(i.copy == "respondent" for i in report.issued)
    assert [s.case_number for s in report.skipped] == [three[1]]
    assert report.skipped[0].reason == (
        f"The opinion on the complaint (处理意见书) cannot be printed for case {three[1]} now: "
        "it is notified, "
        "defence period running (已通知，答辩期内), and this document applies once the case is "
        "decided."
    )
    assert not report.cancelled and not report.error and report.done == 3
    assert pages_of(out) == report.pages == issued_pages(team, report)

    status = dialog.status_label.text()
    assert status.startswith("2 document(s) issued and printed") and "1 case(s) skipped" in status
    rows = dialog.report_rows()
    assert [r[0] for r in rows] == three  # in the order chosen
    assert [r[1] for r in rows] == ["issued", "skipped", "issued"]
    assert rows[0][2].startswith(report.issued[0].document_number)
    assert "cannot be printed" in rows[1][2]
    for number in (three[0], three[2]):
        assert [r.kind for r in docs.list_documents(team.organizer, number)] == ["decision"]
    assert docs.list_documents(team.organizer, three[1]) == []


def test_save_both_copies_into_a_folder(
    qtbot, team: Team, three: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out" / "decisions"
    dialog = open_bulk(qtbot, team, three, choose_folder=lambda _p, _c, _start: str(folder))
    dialog.set_kind("decision")
    assert dialog.copy_combo.currentData() == "both"
    qtbot.mouseClick(dialog.save_radio, LEFT, pos=QPoint(8, dialog.save_radio.height() // 2))
    assert dialog.start_button.text() == "&Issue and save"
    qtbot.mouseClick(dialog.browse_button, LEFT)
    assert dialog.folder_edit.text() == str(folder)
    with qtbot.waitSignal(dialog.finished_run) as finished:
        qtbot.mouseClick(dialog.start_button, LEFT)
    report: BulkReport = finished.args[0]
    assert [(i.case_number, i.copy) for i in report.issued] == [
        (three[0], "complainant"),
        (three[0], "respondent"),
        (three[2], "complainant"),
        (three[2], "respondent"),
    ]
    files = sorted(folder.iterdir())
    assert len(files) == 4
    for item in report.issued:
        assert item.file is not None and item.file.parent == folder
        assert item.file.read_bytes() == docs.render_document(team.desk, item.document_number)
        assert item.file.name.startswith(item.document_number)
    assert "issued and saved" in dialog.status_label.text()


def test_cancel_between_cases(qtbot, team: Team, three: list[str], tmp_path: Path) -> None:
    dialog = open_bulk(qtbot, team, three, print_dialog=FakePrintDialog(tmp_path / "c.pdf"))
    dialog.set_kind("dossier")

    def press_cancel(done: int, total: int) -> None:
        if done == 1 and dialog.progress_dialog is not None:
            dialog.progress_dialog.canceled.emit()  # what the Cancel button sends

    dialog._run.on_report = press_cancel  # heard after the bar moved
    with qtbot.waitSignal(dialog.finished_run) as finished:
        qtbot.mouseClick(dialog.start_button, LEFT)
    report: BulkReport = finished.args[0]
    # Cancel pressed while the second case is in hand: it is finished, the third is not.
    assert report.cancelled and report.done == 2
    assert [i.case_number for i in report.issued] == three[:2]
    assert dialog.status_label.text().startswith("Cancelled after 2 of 3 case(s).")
    assert "registered" in dialog.status_label.text()
    assert pages_of(tmp_path / "c.pdf") == report.pages > 0
    assert docs.list_documents(team.desk, three[2]) == []
    assert dialog.progress_dialog is None and dialog.start_button.isEnabled()


def test_print_dialog_cancelled_issues_nothing(
    qtbot, team: Team, three: list[str], tmp_path: Path
) -> None:
    dialog = open_bulk(
        qtbot, team, three, print_dialog=FakePrintDialog(tmp_path / "n.pdf", accept=False)
    )
    dialog.set_kind("dossier")
    with qtbot.assertNotEmitted(dialog.finished_run):
        qtbot.mouseClick(dialog.start_button, LEFT)
    assert all(docs.list_documents(team.desk, n) == [] for n in three)


def test_one_complaint_document_for_a_complaint(
    team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02"))
    act_on_complaint(team.desk, reg.number, "accept")
    report = run_bulk(team.desk, "acceptance-receipt", reg.case_numbers, folder=tmp_path)
    assert [i.case_number for i in report.issued] == [reg.case_numbers[0]]
    assert report.skipped[0].case_number == reg.case_numbers[1]
    assert "already has this document" in report.skipped[0].reason
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_a_folder_that_cannot_be_written_stops_the_run(
    team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    make_fair(team.admin)
    number = make_case(team, clock, "NOTIFIED")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    report = run_bulk(team.desk, "dossier", [number], folder=blocker)
    assert report.error.startswith(f"{FAIR}-D000001 was issued but could not be saved")
    assert [i.document_number for i in report.issued] == [f"{FAIR}-D000001"]


def test_organizer_cannot_start(qtbot, team: Team, three: list[str], tmp_path: Path) -> None:
    dialog = open_bulk(qtbot, team, three, Role.ORGANIZER)
    assert dialog.read_only_label.isVisible()
    assert not dialog.start_button.isEnabled() and not dialog.kind_combo.isEnabled()
    dialog.start()
    assert all(docs.list_documents(team.desk, n) == [] for n in three)
    # The work itself refuses too, with the service's words.
    report = run_bulk(team.organizer, "dossier", three, folder=tmp_path)
    assert report.issued == [] and "Only desk staff may issue" in report.error


def test_when_each_kind_applies_is_said_in_chinese(
    qapp, qtbot, team: Team, three: list[str]
) -> None:
    """The hint under the kind and each kind's tooltip: the desk's language, no English."""
    import re

    from fairdesk.documents.kinds import KINDS
    from fairdesk.i18n import install_translations

    install_translations(qapp, "zh_CN")
    try:
        dialog = open_bulk(qtbot, team, three)
        combo = dialog.kind_combo
        for index in range(combo.count()):
            combo.setCurrentIndex(index)
            hint = dialog.when_label.text()
            tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
            kind = KINDS[combo.itemData(index)]
            for text in (hint, tip):
                assert text and kind.when not in text, text
                assert not re.search(r"[A-Za-z]{3,}", text), text
    finally:
        install_translations(qapp, "en")
