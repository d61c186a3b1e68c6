"""Printed documents: every kind where it applies and refused where not, bilingual text
in the PDF, page flow, signed QR codes (genuine, forged, altered, unknown, revoked,
superseded), QR read back with zbar, byte-identical reprints, permissions."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from fairdesk.db.models import (
    IssuedDocument,
    SigningKey,
)
from fairdesk.documents import kinds as K
from fairdesk.documents import qrread, signing
from fairdesk.documents.model import DocumentData
from fairdesk.documents.render import render
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import IllegalTransition, InvalidInput, PermissionDenied
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.intake.intake import ExhibitInput, register_complaint
from fairdesk.services.organizer.fair_setup import update_fair
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import keys
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)

DESK, INSPECTOR = Role.DESK, Role.INSPECTOR
Step = tuple[str, dict[str, Any], Role]
NOTIFIED: list[Step] = [("notify", {}, DESK)]
REVIEW: list[Step] = [
    *NOTIFIED,
    ("record_defence", {"summary": "展品系自主设计"}, DESK),
    ("begin_review", {}, DESK),
]
FOUND: list[Step] = [
    *REVIEW,
    (
        "decide_infringing",
        {"trigger": "merits", "legal_basis": "展会知识产权保护指引 第十四条"},
        DESK,
    ),
]
ORDERED: list[Step] = [
    *FOUND,
    ("order_remedy", {"measure": "detain", "storage_place": "B2 仓库"}, DESK),
]
RECHECK: list[Step] = [*ORDERED, ("request_recheck", {}, INSPECTOR)]
PASSED: list[Step] = [*RECHECK, ("recheck_passed", {}, INSPECTOR)]
FAILED: list[Step] = [*RECHECK, ("recheck_failed", {"result": "redisplayed"}, INSPECTOR)]
PATHS: dict[str, list[Step]] = {
    "TO_NOTIFY": [],
    "NOTIFIED": NOTIFIED,
    "MEDIATING": [*NOTIFIED, ("start_mediation", {}, DESK)],
    "SETTLED": [
        *NOTIFIED,
        ("start_mediation", {}, DESK),
        ("settle", {"terms": "被投诉人撤下展品并书面承诺不再展出"}, DESK),
    ],
    "SELF_REMEDIED": [*NOTIFIED, ("self_remedy", {}, DESK)],
    "WITHDRAWN": [*NOTIFIED, ("withdraw", {}, DESK)],
    "DEFENCE_RECEIVED": [*NOTIFIED, ("record_defence", {"summary": "答辩"}, DESK)],
    # The period runs from the time of service the proof of service brings back.
    "DEFENCE_OVERDUE": [
        *NOTIFIED,
        ("record_service", {"served_at": "now"}, DESK),
        ("mark_defence_overdue", {}, DESK),
    ],
    "UNDER_REVIEW": REVIEW,
    "INFRINGEMENT_FOUND": FOUND,
    "NOT_INFRINGING": [*REVIEW, ("decide_not_infringing", {}, DESK)],
    "UNDETERMINED": [*REVIEW, ("decide_undetermined", {}, DESK)],
    "REFERRED": [
        *REVIEW,
        ("decide_undetermined", {}, DESK),
        ("refer", {"authority": "上海市知识产权局"}, DESK),
    ],
    "REMEDY_ORDERED": ORDERED,
    "RECHECK_DUE": RECHECK,
    "RECHECK_PASSED": PASSED,
    "RECHECK_FAILED": FAILED,
    "ESCALATED": [*FAILED, ("escalate", {"escalation": "cancel_participation"}, DESK)],
    # The case closes while the exhibits stay in custody until the fair closes.
    "CLOSED": [*PASSED, ("close", {}, DESK)],
}
CASE_KINDS = [k for k in K.KINDS.values() if k.level == K.CASE]
COMPLAINT_KINDS = [k for k in K.KINDS.values() if k.level == K.COMPLAINT]
# Issued first in a state, so that a proof of service has something to be for.
ORDER = {"complaint-notice": 0, "decision": 1, "remedial-order": 2, "mediation-record": 3}


CASE_EXPECT = {
    "complaint-notice": (
        "测试展商1有限公司",
        "File your written defence",
        "Example Brand Co., Ltd.",
    ),
    "proof-of-service": ("测试展商1有限公司", "Document served", "Time of service"),
    "mediation-record": ("示例品牌股份有限公司", "Course of the mediation", "测试展商1有限公司"),
    "decision": ("示例品牌股份有限公司", "Outcome:", "测试展商1有限公司"),
    "remedial-order": ("撤下并暂存保管", "Respondent's undertaking", "测试展商1有限公司"),
    "detained-items": ("B2 仓库", "Exhibits held in safekeeping", "合计"),
    "recheck-record": ("复查结果", "Re-inspection", "测试展商1有限公司"),
    "escalation-notice": ("决定取消你方本届展会参展资格", "cancels your participation", "异议"),
    "booth-notice": ("知识产权保护公告", "IP protection notice", "4.1A01"),
    "closing-record": ("结案说明", "Closing note", "示例品牌股份有限公司"),
    "referral-letter": ("上海市知识产权局", "referred to you", "测试展商1有限公司"),
    "dossier": ("示例品牌股份有限公司", "Timeline", "Example Brand Co., Ltd."),
}


def pdf_text(pdf: bytes, tmp_path: Path, *pages: int) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout.decode()


def page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


@pytest.fixture
def case_in(team: Team, clock: FakeClock, fair: str) -> Callable[..., str]:
    def make(state: str, **complaint: Any) -> str:
        reg = register_complaint(team.desk, FAIR, complaint_input(**complaint))
        act_on_complaint(team.desk, reg.number, "accept")
        number = reg.case_numbers[0]
        for action, params, role in PATHS[state]:
            if action == "mark_defence_overdue":
                clock.advance(hours=25)
            if params.get("served_at") == "now":
                params = params | {"served_at": clock.current}
            needs_reason = action.startswith("decide_") or action in ("self_remedy", "withdraw")
            reason = "经审查双方材料" if needs_reason else ""
            act_on_case(team.by_role(role), number, action, reason=reason, **params)
        return number

    return make


def _issue(team: Team, kind: str, number: str, **kw: Any) -> docs.IssuedInfo:
    if K.KINDS[kind].needs_copy:
        kw.setdefault("copy", "respondent")
    return docs.issue_document(team.desk, kind, number, **kw)


# -- every kind, every state -------------------------------------------------------------

# The service center's address and telephone, from the fair's set-up, on every kind.
CENTER_ADDRESS = "国家会展中心（上海）B0层服务中心"
CENTER_PHONE = "+862167008888"


def _center_contact(team: Team) -> None:
    update_fair(team.admin, FAIR, center_address=CENTER_ADDRESS, center_phone="+86 21 6700 8888")


@needs_poppler
def test_every_case_kind_in_every_state(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    _center_contact(team)
    issued: set[str] = set()
    for state in PATHS:
        number = case_in(state)
        for k in sorted(CASE_KINDS, key=lambda k: ORDER.get(k.code, 9)):
            if state not in k.states:
                with pytest.raises(IllegalTransition, match="cannot be printed for case"):
                    _issue(team, k.code, number)
                continue
            try:
                info = _issue(team, k.code, number)
            except IllegalTransition as exc:
                # Applies in this state, but a fact is missing (no measure, nothing served).
                assert k.condition is not None, f"{k.code} in {state}: {exc}"
                continue
            issued.add(k.code)
            text = pdf_text(info.pdf, tmp_path)
            flat = "".join(text.split())
            assert "".join(k.title.split()) in flat, (k.code, state)
            assert k.title_en.split()[0] in text
            assert info.number in text and number in text
            for expected in CASE_EXPECT[k.code]:
                assert "".join(expected.split()) in flat, (k.code, state, expected)
            assert "Page 1 of" in text and "第1页/共" in flat
            assert CENTER_ADDRESS in flat and CENTER_PHONE in flat, (k.code, state)
    assert issued == {k.code for k in CASE_KINDS}


@needs_poppler
def test_every_complaint_kind_in_every_state(team: Team, fair: str, tmp_path: Path) -> None:
    def complaint(actions: list[tuple[str, dict[str, Any]]]) -> str:
        reg = register_complaint(team.desk, FAIR, complaint_input())
        for action, params in actions:
            act_on_complaint(team.desk, reg.number, action, **params)
        return reg.number

    _center_contact(team)
    states = {
        "DRAFT": [],
        "PENDING_SUPPLEMENT": [("request_supplement", {"missing_items": "专利登记簿副本"})],
        "ACCEPTED": [("accept", {"authority": "上海市知识产权局"})],
        "TRANSFERRED": [
            ("accept", {"authority": "上海市知识产权局"}),
            ("transfer", {"authority": "上海市知识产权局"}),
        ],
        "REJECTED": [("reject", {"reason_code": "right_invalid"})],
    }
    expect = {
        "complaint-form": ("知识产权投诉登记表", "外观设计相同"),
        "supplement-notice": ("补正材料通知书", "专利登记簿副本"),
        "non-acceptance": ("不予受理通知书", "已被宣告无效或已失效"),
        "acceptance-receipt": ("受理回执", "Acceptance receipt"),
        "transfer-letter": ("案件移交函", "上海市知识产权局"),
    }
    issued = set()
    for state, actions in states.items():
        number = complaint(actions)
        for k in COMPLAINT_KINDS:
            if state not in k.states:
                with pytest.raises(IllegalTransition, match="cannot be printed for complaint"):
                    docs.issue_document(team.desk, k.code, number)
                continue
            info = docs.issue_document(team.desk, k.code, number)
            issued.add(k.code)
            flat = "".join(pdf_text(info.pdf, tmp_path).split())
            for expected in expect[k.code]:
                assert "".join(expected.split()) in flat, (k.code, state, expected)
            assert CENTER_ADDRESS in flat and CENTER_PHONE in flat, (k.code, state)
    assert issued == set(expect)


def test_refusals_are_sentences(team: Team, case_in: Callable[..., str]) -> None:
    number = case_in("NOTIFIED")
    with pytest.raises(IllegalTransition) as exc:
        docs.issue_document(team.desk, "decision", number, copy="respondent")
    assert str(exc.value) == (
        f"The opinion on the complaint (处理意见书) cannot be printed for case {number} now: "
        "it is notified, "
        "defence period running (已通知，答辩期内), and this document applies once the case is "
        "decided."
    )
    with pytest.raises(InvalidInput, match="say which copy to print"):
        docs.issue_document(team.desk, "decision", number)
    with pytest.raises(InvalidInput, match="not a kind of document"):
        docs.issue_document(team.desk, "love-letter", number)
    with pytest.raises(IllegalTransition, match="Nothing has been served"):
        docs.issue_document(team.desk, "proof-of-service", number)
    found = case_in("INFRINGEMENT_FOUND")
    with pytest.raises(IllegalTransition, match="cannot be printed"):
        docs.issue_document(team.desk, "detained-items", found)


def test_case_kind_by_complaint_number(team: Team, case_in: Callable[..., str], fair: str) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A01", "4.1A02"))
    act_on_complaint(team.desk, reg.number, "accept")
    with pytest.raises(InvalidInput, match="give the case number"):
        docs.issue_document(team.desk, "dossier", reg.number)
    info = docs.issue_document(team.desk, "dossier", reg.case_numbers[1])
    assert info.case_number == reg.case_numbers[1]


# -- text and layout ----------------------------------------------------------------------


@needs_poppler
def test_decision_copies_say_what_they_should(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    for copy, zh, en in (
        ("complainant", "投诉人联", "Complainant's copy"),
        ("respondent", "被投诉人联", "Respondent's copy"),
    ):
        info = docs.issue_document(team.desk, "decision", number, copy=copy)
        text = pdf_text(info.pdf, tmp_path)
        flat = "".join(text.split())
        for expected in (
            "处理意见书",
            zh,
            # The heading says what the sentence under it says: a preliminary finding.
            "结论：初步认定侵权",
            "本中心初步认定被投诉人展出的上述展品涉嫌侵犯投诉人的权利（详见下列各项）",
            "测试展商1有限公司",
            "ZL202330123456.7",
            "展品系自主设计",
            "上海市会展业条例第二十七条、第三十八条",  # the organizer's basis for its opinion
        ):
            assert expected in flat, expected
        for expected in (
            "Opinion",
            en,
            "Outcome: infringement found preliminarily",
            "Test Exhibitor 1 GmbH",
            "Regulations of Shanghai Municipality on the Conference and Exhibition Industry "
            "(2020), Arts. 27 and 38",
        ):
            assert "".join(expected.split()) in flat, expected
    # The issue time is printed in the fair's zone (Shanghai), not UTC.
    assert "2026-11-0509:30" in flat and "北京时间" in flat and "UTC+08:00" not in flat


@needs_poppler
def test_long_names_and_sixty_exhibits_flow_onto_more_pages(
    team: Team, clock: FakeClock, fair: str, tmp_path: Path
) -> None:
    data = complaint_input()
    long_zh = "超长名称国际贸易发展" * 20 + "有限公司"
    data.complainant.name = long_zh
    data.rights[0].holder = long_zh  # it holds the right (standing is checked at acceptance)
    data.complainant.name_en = "Extraordinarily-Long-Hyphenated-Unbreakable-Company-Name" * 4
    data.respondents[0].exhibits = [
        ExhibitInput(
            f"展品{i:02d} Exhibit-with-a-very-long-unbroken-model-name-{i:02d}", f"M{i}", i
        )
        for i in range(1, 61)
    ]
    reg = register_complaint(team.desk, FAIR, data)
    act_on_complaint(team.desk, reg.number, "accept")
    act_on_case(team.desk, reg.case_numbers[0], "notify")
    info = docs.issue_document(team.desk, "complaint-notice", reg.case_numbers[0])
    pages = page_count(info.pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = pdf_text(info.pdf, tmp_path, page)
        assert f"Page {page} of {pages}" in text
        assert f"第{page}页/共{pages}页" in "".join(text.split())
        assert info.number in text  # header on every page
    flat = "".join(pdf_text(info.pdf, tmp_path).split())
    assert long_zh in flat  # wrapped, not cut
    assert "展品60" in flat and "M60" in flat
    assert data.complainant.name_en in flat


@needs_poppler
def test_fonts_are_embedded_subsets(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    info = docs.issue_document(team.desk, "dossier", case_in("NOTIFIED"))
    path = tmp_path / "d.pdf"
    path.write_bytes(info.pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    rows = out.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), out
    assert any("DroidSansFallback" in row for row in rows)


@needs_poppler
def test_dossier_has_timeline_and_evidence_fingerprints(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    number = case_in("INFRINGEMENT_FOUND")
    from fairdesk.services.inspection import evidence
    from tests.unit.test_patrols import photo

    sha = evidence.import_file(  # through the service: a row planted behind it is refused
        team.desk,
        photo("booth-photo.jpg", taken="2026:11:05 10:00:00"),
        owner_type="case",
        owner=number,
        caption="展位照片",
    ).sha256
    info = docs.issue_document(team.desk, "dossier", number)
    flat = "".join(pdf_text(info.pdf, tmp_path).split())
    assert sha in flat and "booth-photo.jpg" in flat
    for step in ("通知被投诉人", "登记答辩", "认定侵权", "Notify the respondent"):
        assert "".join(step.split()) in flat, step


# -- signing and verifying ---------------------------------------------------------------


def _flip(text: str, index: int) -> str:
    char = text[index]
    return text[:index] + ("B" if char != "B" else "C") + text[index + 1 :]


def test_payload_is_compact(team: Team, case_in: Callable[..., str]) -> None:
    info = docs.issue_document(
        team.desk, "decision", case_in("INFRINGEMENT_FOUND"), copy="respondent"
    )
    # The signer's public key and the root's certificate ride along for offline checks.
    assert info.payload.startswith(f"FD2.{FAIR}-D000001.")
    assert len(info.payload) <= 251  # a version-11 QR code at error correction M
    import qrcode
    import qrcode.constants

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(info.payload)
    qr.make(fit=True)
    assert qr.version <= 11


def test_genuine_forged_unknown_malformed(team: Team, case_in: Callable[..., str]) -> None:
    info = docs.issue_document(
        team.desk, "decision", case_in("INFRINGEMENT_FOUND"), copy="respondent"
    )
    ok = docs.verify(team.organizer, info.payload)
    assert (ok.ok, ok.status) == (True, "genuine")
    assert ok.summary["number"] == info.number
    assert ok.summary["says"].startswith("初步认定侵权")
    assert ok.summary["respondent"] == "测试展商1有限公司"
    assert ok.summary["copy"].startswith("被投诉人联")
    # A USB scanner types a newline after the code.
    assert docs.verify(team.inspector, info.payload + "\r\n").status == "genuine"

    forged = docs.verify(team.desk, _flip(info.payload, len(info.payload) - 10))
    assert (forged.ok, forged.status) == (False, "forged")
    assert "FORGED" in forged.message and forged.summary == {}
    # The code of one document carried over to another number.
    other = docs.issue_document(team.desk, "dossier", info.case_number)
    moved = other.payload.replace(other.number, info.number)
    assert docs.verify(team.desk, moved).status == "forged"

    unknown = docs.verify(team.desk, info.payload.replace("D000001", "D009999"))
    assert (unknown.ok, unknown.status) == (False, "unknown")
    assert "No document numbered" in unknown.message

    for bad in ("", "hello", "FD1.x", info.payload[:-3], "FD3" + info.payload[3:]):
        result = docs.verify(team.desk, bad)
        assert (result.ok, result.status) == (False, "malformed"), bad


def test_altered_register_entry(team: Team, case_in: Callable[..., str]) -> None:
    info = docs.issue_document(
        team.desk, "decision", case_in("INFRINGEMENT_FOUND"), copy="respondent"
    )
    with team.desk.db.writing() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        content = json.loads(json.dumps(doc.content))
        content["key"]["outcome"] = "认定不侵权 / not infringing"
        session.execute(
            update(IssuedDocument).where(IssuedDocument.id == doc.id).values(content=content)
        )
    result = docs.verify(team.desk, info.payload)
    assert (result.ok, result.status) == (False, "altered")
    assert "changed after it was issued" in result.message

    other = docs.issue_document(team.desk, "dossier", info.case_number)
    with team.desk.db.writing() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == other.number)
        ).one()
        content = json.loads(json.dumps(doc.content))
        content["data"]["defence_summary"] = "已承认侵权"
        session.execute(
            update(IssuedDocument).where(IssuedDocument.id == doc.id).values(content=content)
        )
    assert docs.verify(team.desk, other.payload).status == "altered"


@needs_poppler
def test_altered_pdf_with_a_genuine_qr(team: Team, case_in: Callable[..., str]) -> None:
    info = docs.issue_document(
        team.desk, "decision", case_in("INFRINGEMENT_FOUND"), copy="respondent"
    )
    with team.desk.db.reading() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        data = doc.content["data"]
    # Someone re-makes the page saying "not infringing" and keeps the genuine QR code.
    forged_pdf = render(
        DocumentData.from_dict(data | {"decision_state": "NOT_INFRINGING"}), info.payload
    )
    result = docs.verify_file(team.desk, forged_pdf)
    assert (result.ok, result.status) == (False, "altered")
    assert "结论：初步认定侵权" in result.message
    genuine = docs.verify_file(team.desk, info.pdf)
    assert genuine.status == "genuine" and "byte-identical" in genuine.message


def test_revoked_and_superseded(team: Team, case_in: Callable[..., str], clock: FakeClock) -> None:
    number = case_in("REMEDY_ORDERED")
    first = docs.issue_document(team.desk, "remedial-order", number)
    clock.advance(minutes=5)
    second = docs.reissue(team.desk, first.number, "期限写错")
    assert second.supersedes == first.number and second.number != first.number
    old = docs.verify(team.desk, first.payload)
    assert (old.ok, old.status) == (False, "revoked")
    assert f"superseded by {second.number}" in old.message and "期限写错" in old.message
    assert old.summary["superseded by"] == second.number
    assert docs.verify(team.desk, second.payload).status == "genuine"
    with pytest.raises(InvalidInput, match=f"print {second.number} instead"):
        docs.render_document(team.desk, first.number)
    with pytest.raises(InvalidInput, match="already revoked"):
        docs.reissue(team.desk, first.number, "again")

    docs.revoke(team.desk, second.number, "issued in error")
    revoked = docs.verify(team.desk, second.payload)
    assert revoked.status == "revoked" and "issued in error" in revoked.message
    with pytest.raises(InvalidInput, match="already revoked"):
        docs.revoke(team.desk, second.number, "twice")
    with pytest.raises(InvalidInput, match="needs a reason"):
        docs.revoke(team.desk, first.number, " ")
    rows = docs.list_documents(team.organizer, number)
    assert [(r.number, r.superseded_by) for r in rows] == [
        (first.number, second.number),
        (second.number, ""),
    ]


@needs_poppler
def test_qr_read_back_from_a_rendered_page(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    info = docs.issue_document(team.desk, "booth-notice", case_in("REMEDY_ORDERED"))
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(info.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert qrread.read_codes(png) == [info.payload]  # zbar, through pyzbar
    assert docs.verify_file(team.inspector, png).status == "genuine"
    assert docs.verify_file(team.inspector, info.pdf).status == "genuine"


def test_unreadable_file_is_an_error(team: Team, fair: str) -> None:
    with pytest.raises(InvalidInput, match="neither a PDF nor a picture"):
        docs.verify_file(team.desk, b"not a picture")


def test_reprint_is_byte_identical(
    team: Team, case_in: Callable[..., str], clock: FakeClock
) -> None:
    number = case_in("NOTIFIED")
    info = docs.issue_document(team.desk, "complaint-notice", number)
    clock.advance(hours=3)
    act_on_case(team.desk, number, "record_defence", summary="答辩")  # the case moves on
    again = docs.render_document(team.organizer, info.number)
    assert again == info.pdf
    with team.desk.db.reading() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        assert doc.content_hash == __import__("hashlib").sha256(info.pdf).hexdigest()
        assert doc.kind == "complaint-notice" and doc.title == "投诉通知书"
        assert doc.issued_by == team.desk.actor.user_id and doc.payload == info.payload


def test_reprint_refuses_changed_bytes(team: Team, case_in: Callable[..., str]) -> None:
    info = docs.issue_document(team.desk, "dossier", case_in("NOTIFIED"))
    with team.desk.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(pdf=info.pdf + b"\n%changed behind the app")
        )
    with pytest.raises(docs.DocumentMismatch, match="stored copy .* is not the document"):
        docs.render_document(team.desk, info.number)


def test_reprint_of_an_old_document_refuses_a_drawing_that_differs(
    team: Team, case_in: Callable[..., str]
) -> None:
    info = docs.issue_document(team.desk, "dossier", case_in("NOTIFIED"))
    with team.desk.db.writing() as session:  # as issued before the bytes were kept
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(pdf=None, content_hash="0" * 64)
        )
    with pytest.raises(docs.DocumentMismatch, match="does not give the document that was issued"):
        docs.render_document(team.desk, info.number)


def test_a_paper_reprints_as_issued_after_its_wording_changed(
    team: Team, case_in: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that rewords a template must not strand the papers already served."""
    info = docs.issue_document(team.desk, "complaint-notice", case_in("NOTIFIED"))
    monkeypatch.setattr(docs, "render", lambda *a, **k: b"%PDF-1.4 reworded")
    assert docs.render_document(team.organizer, info.number) == info.pdf
    assert docs.verify_file(team.organizer, info.pdf).ok


def test_numbers_audit_and_own_keys(team: Team, case_in: Callable[..., str]) -> None:
    number = case_in("NOTIFIED")
    a = docs.issue_document(team.desk, "complaint-notice", number)
    b = docs.issue_document(team.desk2, "proof-of-service", number)
    assert (a.number, b.number) == (f"{FAIR}-D000001", f"{FAIR}-D000002")
    assert a.key_id != b.key_id  # each desk user signs with a key of their own
    keys = {k.key_id: k for k in docs.list_keys(team.organizer)}
    assert (keys[a.key_id].owner, keys[b.key_id].owner) == ("desk1", "desk2")
    assert keys[a.key_id].certified and keys[b.key_id].certified
    assert [k.kind for k in keys.values()].count("root") == 1
    assert len(keys[a.key_id].fingerprint.split()) == 8
    from fairdesk.services.casework.cases import timeline

    actions = [e.action for e in timeline(team.desk, number)]
    assert actions.count("document.issue") == 2
    assert docs.verify(team.desk, a.payload).status == "genuine"
    assert docs.verify(team.desk, b.payload).status == "genuine"
    with team.desk.db.reading() as session:
        assert len(session.scalars(select(SigningKey)).all()) == 3


@pytest.mark.parametrize("role", [Role.ORGANIZER, Role.INSPECTOR, Role.ADMIN], ids=str)
def test_only_desk_staff_issue(team: Team, case_in: Callable[..., str], role: Role) -> None:
    number = case_in("NOTIFIED")
    ctx = team.by_role(role)
    with pytest.raises(PermissionDenied, match="Only desk staff may issue, reissue or revoke"):
        docs.issue_document(ctx, "complaint-notice", number)
    info = docs.issue_document(team.desk, "complaint-notice", number)
    with pytest.raises(PermissionDenied):
        docs.revoke(ctx, info.number, "no")
    with pytest.raises(PermissionDenied):
        docs.reissue(ctx, info.number, "no")
    assert docs.verify(ctx, info.payload).ok
    assert docs.verify_file(ctx, info.pdf).ok
    assert docs.render_document(ctx, info.number) == info.pdf
    assert [r.number for r in docs.list_documents(ctx, number)] == [info.number]
    assert len(docs.list_keys(ctx)) == 3  # the root and the two desk users' keys
    if role is not Role.ADMIN:
        with pytest.raises(PermissionDenied):
            keys.revoke_user_key(ctx, "desk1", "lost laptop")


def test_payload_parsing() -> None:
    sig = bytes(range(64))
    text = signing.encode_payload("CIIE.2026-D000001", sig)
    parsed = signing.parse_payload(f"  {text}\n")
    assert (parsed.number, parsed.signature) == ("CIIE.2026-D000001", sig)
    with pytest.raises(signing.MalformedPayload, match="start with 'FD1.'"):
        signing.parse_payload("https://example.com")


def test_reprint_in_a_fresh_process_gives_the_same_bytes(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    import hashlib
    import sys

    info = docs.issue_document(team.desk, "dossier", case_in("UNDER_REVIEW"))
    with team.desk.db.reading() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        snapshot = {"data": doc.content["data"], "payload": doc.payload}
    (tmp_path / "snap.json").write_text(json.dumps(snapshot), encoding="utf-8")
    script = (
        "import hashlib, json, sys\n"
        "from fairdesk.documents.model import DocumentData\n"
        "from fairdesk.documents.render import render\n"
        "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "pdf = render(DocumentData.from_dict(d['data']), d['payload'])\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "snap.json")],
        capture_output=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.decode().strip() == hashlib.sha256(info.pdf).hexdigest()


# -- paper: pages, creation date, layouts -----------------------------------------------------


@needs_poppler
def test_a_one_respondent_decision_has_no_near_empty_last_page(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    import dataclasses

    filed = dataclasses.replace(complaint_input(agent=True), power_of_attorney=True)
    # Two exhibits accused under the same right, as at the demo booth: the case whose
    # closing words once stood alone on a third page.
    filed.respondents[0].exhibits.append(ExhibitInput("椅子", "X-2", 3))
    reg = register_complaint(team.desk, FAIR, filed)
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    for action, params, role in PATHS["REMEDY_ORDERED"]:
        reason = "经审查双方材料" if action.startswith("decide_") else ""
        act_on_case(team.by_role(role), number, action, reason=reason, **params)
    for copy in ("respondent", "complainant"):
        info = docs.issue_document(team.desk, "decision", number, copy=copy)
        pages = page_count(info.pdf)
        assert pages <= 2, (copy, pages)
        last = pdf_text(info.pdf, tmp_path, pages)
        # The last page carries the decision itself, not only the closing words.
        assert "结论" in last or "处理意见" in last, last
        assert last.count("法律依据 Legal basis") == 1  # the legal basis: one line a page
        # Exhibits infringing the same right share one sentence.
        flat = "".join(pdf_text(info.pdf, tmp_path).split())
        assert "展品“椅子（X-1）”、“椅子（X-2）”涉嫌侵犯投诉人的" in flat
        assert (
            "Theexhibits“椅子(originaltext),modelX-1”and“椅子(originaltext),modelX-2”"
            "arefound,preliminarily,toinfringe"
        ) in flat


@needs_poppler
def test_the_remedial_order_never_says_the_undertaking_is_signed(
    team: Team, case_in: Callable[..., str], tmp_path: Path
) -> None:
    """It is the paper handed over for signing: even when the desk recorded a signed
    undertaking, it leaves the signature line to be signed and claims no signature."""
    number = case_in("INFRINGEMENT_FOUND")
    act_on_case(team.desk, number, "order_remedy", measure="cover", undertaking_signed=True)
    flat = "".join(pdf_text(_issue(team, "remedial-order", number).pdf, tmp_path).split())
    assert "被投诉人（签字/盖章）" in flat and "Respondent(signature/seal)" in flat
    for claim in ("已签", "签署件", "signed", "onfile"):
        assert claim not in flat, claim
    assert "本单位承诺" in flat  # the undertaking itself is still there to sign


def test_the_pdf_creation_date_is_the_issue_time(
    team: Team, case_in: Callable[..., str], clock: FakeClock
) -> None:
    info = docs.issue_document(team.desk, "dossier", case_in("NOTIFIED"))
    local = info.issued_at.astimezone(ZoneInfo("Asia/Shanghai"))
    stamp = f"D:{local:%Y%m%d%H%M}00+08'00'".encode()
    assert b"/CreationDate (" + stamp + b")" in info.pdf
    assert b"D:20000101" not in info.pdf
    clock.advance(hours=2)
    assert docs.render_document(team.desk, info.number) == info.pdf  # still byte-identical


def test_a_document_issued_under_the_first_layout_still_reprints_as_issued(
    team: Team, case_in: Callable[..., str]
) -> None:
    import hashlib

    info = docs.issue_document(team.desk, "decision", case_in("REMEDY_ORDERED"), copy="respondent")
    with team.desk.db.writing() as session:
        doc = session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == info.number)
        ).one()
        old = render(DocumentData.from_dict(doc.content["data"]), doc.payload, 1)
        assert old != info.pdf and b"D:20000101" in old
        # As a document issued before layouts were kept: no "paper", layout 1's bytes.
        doc.content = {k: v for k, v in doc.content.items() if k != "paper"}
        doc.content_hash = hashlib.sha256(old).hexdigest()
        doc.pdf = None  # nor were its bytes kept then
    assert docs.render_document(team.desk, info.number) == old


def test_a_forged_copy_kept_with_a_matching_hash_is_neither_reprinted_nor_genuine(
    team: Team, case_in: Callable[..., str]
) -> None:
    """The register's SHA-256 is no secret: an insider who swaps the kept PDF and writes its
    hash beside it still lacks the signer's seal over those bytes."""
    import hashlib

    info = docs.issue_document(team.desk, "dossier", case_in("NOTIFIED"))
    forged = info.pdf + b"\n% changed behind the app\n"
    with team.desk.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == info.number)
            .values(pdf=forged, content_hash=hashlib.sha256(forged).hexdigest())
        )
    with pytest.raises(docs.DocumentMismatch, match="seal"):
        docs.render_document(team.desk, info.number)
    answer = docs.verify_file(team.desk, forged)
    assert not answer.ok and answer.status == "altered"


def test_a_pdf_that_is_not_the_issued_file_is_never_genuine(
    team: Team, case_in: Callable[..., str]
) -> None:
    """Its text may be drawn over a picture of the genuine page: carrying the key text is
    not being the issued document."""
    info = docs.issue_document(team.desk, "complaint-notice", case_in("NOTIFIED"))
    assert docs.verify_file(team.desk, info.pdf).ok
    copy = info.pdf + b"\n% saved again by another program\n"
    answer = docs.verify_file(team.desk, copy)
    assert not answer.ok and answer.status == "altered"
    assert "NOT THE ISSUED FILE" in answer.message and answer.summary  # what it should say
