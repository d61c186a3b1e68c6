"""Issuing draws the PDF before it takes the write lock, then registers it under the lock
only if its number is still the next one and the case still reads as drawn. What
happens while a document is being drawn: another desk's document, a change of the fair's
set-up, a failure, a run of busy moments."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from fairdesk.db.models import IssuedDocument
from fairdesk.domain.errors import PermissionDenied
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.organizer.fair_setup import update_fair
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import keys
from tests.conftest import PG_URL, Team
from tests.helpers import FAIR, complaint_input, make_fair
from tests.unit.test_documents import PATHS

NEW_ADDRESS = "国家会展中心（上海）B1层新服务中心"


@pytest.fixture
def notified(team: Team) -> str:
    """A respondent case notified of the complaint: a notice of complaint can be issued."""
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params, role in PATHS["NOTIFIED"]:
        act_on_case(team.by_role(role), number, action, **params)
    return number


def while_drawing(monkeypatch: pytest.MonkeyPatch, during: Callable[[int], None]) -> list[int]:
    """Run `during(n)` inside the n-th drawing of a PDF (from 1), then draw it."""
    real = docs.render
    calls: list[int] = []

    def render(*args: Any, **kwargs: Any) -> bytes:
        calls.append(len(calls) + 1)
        during(calls[-1])
        return real(*args, **kwargs)

    monkeypatch.setattr(docs, "render", render)
    return calls


def registered(team: Team) -> list[str]:
    with team.desk.db.reading() as session:
        return list(session.scalars(select(IssuedDocument.number).order_by(IssuedDocument.id)))


def consistent(team: Team, info: docs.IssuedInfo) -> None:
    """The register entry, its signature and the stored hash give the PDF handed out."""
    assert docs.render_document(team.desk, info.number) == info.pdf
    assert docs.verify(team.desk, info.payload).status == "genuine"


def test_a_document_numbered_while_another_is_drawn_takes_the_next_number(
    team: Team, notified: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = notified
    earlier = docs.issue_document(team.desk2, "complaint-notice", number)
    others: list[docs.IssuedInfo] = []

    def other_desk(call: int) -> None:
        if call == 1:  # the write lock is not held while drawing: the other desk goes on
            others.append(docs.reissue(team.desk2, earlier.number, "the address corrected"))

    calls = while_drawing(monkeypatch, other_desk)
    first = docs.issue_document(team.desk, "complaint-notice", number)
    assert others[0].number == f"{FAIR}-D000002"
    assert first.number == f"{FAIR}-D000003"  # drawn again under the number it got
    assert len(calls) == 3  # drawn as D000002, the other desk's, drawn again as D000003
    assert registered(team) == [f"{FAIR}-D000001", f"{FAIR}-D000002", f"{FAIR}-D000003"]
    consistent(team, first)
    consistent(team, others[0])
    assert verify_chain(team.admin).ok


def test_a_change_made_while_drawing_is_on_the_document(
    team: Team, notified: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = notified

    def organizer(call: int) -> None:
        if call == 1:
            update_fair(team.admin, FAIR, center_address=NEW_ADDRESS, reason="the desk moved")

    while_drawing(monkeypatch, organizer)
    info = docs.issue_document(team.desk, "complaint-notice", number)
    with team.desk.db.reading() as session:
        doc = session.scalar(select(IssuedDocument).where(IssuedDocument.number == info.number))
        assert doc is not None
        assert doc.content["data"]["fair"]["center_address"] == NEW_ADDRESS
    consistent(team, info)


def test_a_failure_while_drawing_leaves_no_document_and_no_number_used(
    team: Team, notified: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = notified

    def fail(call: int) -> None:
        raise OSError("the font file went away")

    while_drawing(monkeypatch, fail)
    with pytest.raises(OSError, match="font file"):
        docs.issue_document(team.desk, "complaint-notice", number)
    assert registered(team) == []
    monkeypatch.undo()
    info = docs.issue_document(team.desk, "complaint-notice", number)
    assert info.number == f"{FAIR}-D000001"
    with team.desk.db.reading() as session:
        issued = session.scalar(select(func.count()).select_from(IssuedDocument))
    assert issued == 1
    assert verify_chain(team.admin).ok


def test_a_busy_moment_draws_under_the_lock_in_the_end(
    team: Team, notified: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    latest = [docs.issue_document(team.desk2, "complaint-notice", notified).number]

    def busy(call: int) -> None:
        # Every drawing outside the lock loses its number to another desk; the last
        # drawing, under the lock, must not be interrupted (it would wait for that lock).
        if call % 2 == 1 and call < 2 * docs.DRAW_ATTEMPTS:
            latest.append(docs.reissue(team.desk2, latest[-1], "corrected again").number)

    calls = while_drawing(monkeypatch, busy)
    info = docs.issue_document(team.desk, "complaint-notice", notified)
    assert info.number == f"{FAIR}-D{docs.DRAW_ATTEMPTS + 2:06d}"
    assert len(calls) == 2 * docs.DRAW_ATTEMPTS + 1
    assert len(registered(team)) == docs.DRAW_ATTEMPTS + 2
    consistent(team, info)
    assert verify_chain(team.admin).ok


def test_a_key_revoked_while_drawing_signs_nothing(
    team: Team, notified: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def administrator(call: int) -> None:
        if call == 1:
            keys.revoke_user_key(team.admin, "desk1", "laptop lost")

    while_drawing(monkeypatch, administrator)
    with pytest.raises(PermissionDenied, match="revoked"):
        docs.issue_document(team.desk, "complaint-notice", notified)
    assert registered(team) == []
    assert verify_chain(team.admin).ok


@pytest.mark.skipif(not PG_URL, reason="desks printing at once: a PostgreSQL server")
def test_two_desks_printing_at_once_take_turns_to_draw(team: Team, notified: str) -> None:
    """The second desk waits for the first desk's document to be registered before it
    draws its own, so neither is drawn twice."""
    real = docs.render
    drawn: list[str] = []
    second_drew = threading.Event()
    first_drawing = threading.Event()

    def render(data: Any, *args: Any, **kwargs: Any) -> bytes:
        drawn.append(threading.current_thread().name)
        if threading.current_thread().name == "first":
            first_drawing.set()
            # Without turns the second desk would draw now, under the same number.
            second_drew.wait(timeout=1.5)
        else:
            second_drew.set()
        return real(data, *args, **kwargs)

    results: dict[str, docs.IssuedInfo] = {}
    errors: list[BaseException] = []

    def issue(name: str, ctx: Any) -> None:
        try:
            results[name] = docs.issue_document(ctx, "complaint-notice", notified)
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docs, "render", render)
        first = threading.Thread(target=issue, args=("first", team.desk), name="first")
        first.start()
        assert first_drawing.wait(timeout=30)
        second = threading.Thread(target=issue, args=("second", team.desk2), name="second")
        second.start()
        first.join(timeout=60)
        second.join(timeout=60)
    assert errors == []
    assert drawn == ["first", "second"]  # each drawn once, one after the other
    assert results["first"].number == f"{FAIR}-D000001"
    assert results["second"].number == f"{FAIR}-D000002"
    consistent(team, results["first"])
    consistent(team, results["second"])
