"""A commercial dispute's case page says what the dispute is about in the desk's words
(vocabulary.DISPUTE_TYPES), never the stored code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from fairdesk.domain import vocabulary as v
from fairdesk.domain.enums import ComplaintKind
from fairdesk.i18n import install_translations
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.intake.intake import register_complaint
from fairdesk.ui.casework.case_view import CaseView
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def _dispute_page(qtbot, team: Team) -> CaseView:  # type: ignore[no-untyped-def]
    """The case page of an accepted payment dispute."""
    data = complaint_input()
    data.kind = ComplaintKind.COMMERCIAL
    data.rights, data.materials, data.commitment_signed = [], {}, False
    data.dispute_type = "payment"
    for r in data.respondents:
        r.exhibits = []
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    view = CaseView(team.desk, reg.case_numbers[0])
    qtbot.addWidget(view)
    return view


def test_the_dispute_page_names_the_dispute_type_in_words(
    qtbot, team: Team, fair: str, language: str
) -> None:  # type: ignore[no-untyped-def]
    view = _dispute_page(qtbot, team)
    label = view.findChild(QLabel, "rights_label")
    assert label is not None
    qtbot.waitUntil(lambda: bool(label.text()))
    words = v.DISPUTE_TYPES.words("payment")
    expected = words.zh if language == "zh_CN" else words.en
    assert expected in label.text()
    assert "payment" not in label.text()
    if language == "zh_CN":
        assert "commercial" not in label.text().lower()


def test_the_dispute_page_names_its_sides_and_leaves_out_the_ip_parts(
    qtbot, team: Team, fair: str, language: str
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QGroupBox

    view = _dispute_page(qtbot, team)
    view.show()
    label = view.findChild(QLabel, "rights_label")
    qtbot.waitUntil(lambda: bool(label.text()))
    sides = v.party_words(ComplaintKind.COMMERCIAL)
    zh = language == "zh_CN"
    applicant, respondent = (
        (w.zh if zh else w.en) for w in (sides.complainant, sides.respondent)
    )
    panel = view.details
    shown = panel.parties_form.labelForField(panel.complainant_label).text()
    assert shown.startswith(applicant)
    assert view.findChild(QGroupBox, "respondent_box").title() == respondent
    assert not view.findChild(QGroupBox, "exhibits_box").isVisible()
    assert not panel.papers_label.isVisible()  # no IP commitment on a dispute
    assert not panel.trigger_label.isVisible() and not panel.legal_basis_label.isVisible()
    ids = view.findChild(QLabel, "respondent_ids").text()
    assert "承诺" not in ids and "commitment" not in ids
    heading = view.complaint_label.text()
    assert heading.startswith(sides.matter.zh if zh else "Dispute")
