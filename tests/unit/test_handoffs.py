"""Hand-offs to the public systems: the credit list, the referral package, the evidence
deposit package, and what the case records of each."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select, update

from fairdesk.db.models import AuditEvent, Exhibitor
from fairdesk.domain import credit_record
from fairdesk.domain.errors import IllegalTransition, MissingRequirement, PermissionDenied
from fairdesk.services.casework.cases import timeline
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.handoff import handoff_log
from fairdesk.services.handoff.evidence_package import export_evidence
from fairdesk.services.handoff.handoff_credit import add_months, export_credit
from fairdesk.services.handoff.handoff_referral import export_referral
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import PhotoInput
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.trust import signed_package
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, make_fair

POLICE = "上海市公安局经济犯罪侦查总队"
BODY_CODE = "91350100M000100Y43"  # a code whose check character is right


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _decided(team: Team, booth: str = "4.1A01") -> str:
    reg = register_complaint(team.desk, FAIR, complaint_input(booth))
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify")
    act_on_case(team.desk, number, "record_defence", summary="自主设计")
    act_on_case(team.desk, number, "begin_review")
    act_on_case(
        team.desk, number, "decide_infringing", trigger="merits", legal_basis="指引第十四条"
    )
    return number


def _attach(team: Team, number: str, *colours: tuple[int, int, int]) -> list[str]:
    shas = []
    for n, colour in enumerate(colours):
        info = evidence.import_file(
            team.inspector if n % 2 else team.desk,
            PhotoInput(f"booth {n}.png", _png(colour)),
            owner_type="case",
            owner=number,
            purpose="evidence",
        )
        shas.append(info.sha256)
    return shas


@pytest.fixture
def fair(team: Team) -> str:
    return make_fair(team.admin)


def test_a_decided_case_referred_to_the_police_yields_a_package_that_verifies(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    shas = _attach(team, number, (200, 0, 0), (0, 200, 0))
    act_on_case(team.desk, number, "refer", referral_kind="police", authority=POLICE)

    result = export_referral(team.desk, number, tmp_path / "referral.zip")

    data = (tmp_path / "referral.zip").read_bytes()
    assert result.package_sha256 == hashlib.sha256(data).hexdigest()
    check = signed_package.verify_zip(data)
    assert check.ok, check.problems
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {n: z.read(n) for n in z.namelist()}
    manifest = json.loads(files["manifest.json"])
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    for name, digest in listed.items():  # every file matches its hash
        assert hashlib.sha256(files[name]).hexdigest() == digest
    assert files["transfer_letter.pdf"].startswith(b"%PDF")
    summary = json.loads(files["case_summary.json"])
    assert summary["case_number"] == number
    assert summary["referral"]["kind"] == "police" and summary["referral"]["authority"] == POLICE
    assert summary["respondent"]["name"] == "测试展商1有限公司"
    assert summary["rights"][0]["number"] == "ZL202330123456.7"
    assert summary["findings"]["trigger"] == "merits"
    assert sorted(e["sha256"] for e in summary["evidence"]) == sorted(shas)
    assert {e["captured_by"] for e in summary["evidence"]} == {"desk1", "inspector1"}
    for entry in summary["evidence"]:
        assert hashlib.sha256(files[entry["file"]]).hexdigest() == entry["sha256"]
    assert manifest["recipient"] == POLICE and manifest["destination"] == "police"

    sent = handoff_log.handoffs_of_case(team.desk, number)
    assert [(s.kind, s.destination, s.recipient, s.username) for s in sent] == [
        ("referral", "police", POLICE, "desk1")
    ]
    assert sent[0].package_sha256 == result.package_sha256
    events = [e for e in timeline(team.desk, number) if e.action == "handoff.referral"]
    assert len(events) == 1 and events[0].after["package_sha256"] == result.package_sha256


def test_a_referral_package_as_a_folder_verifies_and_refuses_a_changed_file(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    _attach(team, number, (10, 20, 30))
    act_on_case(
        team.desk, number, "refer", referral_kind="market_regulation", authority="上海市市场监管局"
    )
    folder = tmp_path / "out"
    export_referral(team.desk, number, folder)
    assert signed_package.verify_path(folder).ok
    summary = folder / "case_summary.json"
    summary.write_bytes(summary.read_bytes().replace(b"4.1A01", b"4.1A02"))
    check = signed_package.verify_path(folder)
    assert not check.ok
    assert "case_summary.json does not match its SHA-256 in the manifest" in check.problems


def test_no_referral_package_before_the_case_is_referred(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    with pytest.raises(IllegalTransition, match="was not referred to an authority"):
        export_referral(team.desk, number, tmp_path / "r.zip")
    assert not (tmp_path / "r.zip").exists()
    assert handoff_log.handoffs_of_case(team.desk, number) == []


def test_the_evidence_package_verifies_and_is_refused_after_any_byte_changes(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    shas = _attach(team, number, (1, 2, 3), (4, 5, 6))
    result = export_evidence(team.desk, number, tmp_path / "ev.zip")
    data = (tmp_path / "ev.zip").read_bytes()
    assert result.files == 2 and signed_package.verify_zip(data).ok

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = json.loads(z.read("evidence.json"))
        events = json.loads(z.read("audit_events.json"))
    assert sorted(e["sha256"] for e in entries) == sorted(shas)
    assert all(e["captured_at"] or e["imported_at"] for e in entries)
    assert {e["action"] for e in events} == {"evidence.import", "evidence.link"}

    # Every byte position is tried in a spread of 400, and the first and last bytes.
    step = max(1, len(data) // 400)
    positions = {0, len(data) - 1, *range(0, len(data), step)}
    for pos in sorted(positions):
        changed = bytearray(data)
        changed[pos] ^= 0x01
        try:
            check = signed_package.verify_zip(bytes(changed))
        except Exception as exc:  # unreadable as a ZIP: refused with a message
            assert "not a readable package" in str(exc), pos
            continue
        assert not check.ok, f"a change at byte {pos} was not noticed"


def test_a_rebuilt_package_with_a_swapped_file_is_refused(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    _attach(team, number, (9, 9, 9))
    export_evidence(team.desk, number, tmp_path / "ev.zip")
    with zipfile.ZipFile(tmp_path / "ev.zip") as z:
        files = {n: z.read(n) for n in z.namelist()}
    photo = next(n for n in files if n.startswith("evidence/"))
    files[photo] = _png((9, 9, 8))
    check = signed_package.verify_zip(signed_package.zip_bytes(files))
    assert not check.ok and f"{photo} does not match its SHA-256 in the manifest" in check.problems
    files["extra.txt"] = b"added later"
    assert "extra.txt is not listed in the manifest" in signed_package.check_files(files).problems


def test_packages_need_a_signing_user(team: Team, fair: str, tmp_path: Path) -> None:
    number = _decided(team)
    _attach(team, number, (1, 1, 1))
    for ctx in (team.organizer, team.inspector):
        with pytest.raises(PermissionDenied):
            export_evidence(ctx, number, tmp_path / "ev.zip")
    assert not (tmp_path / "ev.zip").exists()


# -- the credit list ------------------------------------------------------------------------


def _foreign_registration(team: Team, name_zh: str, number: str) -> None:
    with team.admin.db.writing() as session:
        session.execute(
            update(Exhibitor).where(Exhibitor.name_zh == name_zh).values(credit_code=number)
        )


def test_a_serious_repeat_infringer_yields_a_credit_record_with_every_item(
    team: Team, fair: str, tmp_path: Path
) -> None:
    _foreign_registration(team, "测试展商1有限公司", "HRB 123456 B")
    first, second = _decided(team), _decided(team)  # found infringing twice, same exhibitor
    act_on_case(
        team.desk,
        second,
        "refer_credit",
        credit_finding="repeat_infringement",
        legal_basis="《上海市会展业条例》第四十二条",
        decision_body="上海市知识产权局",
        decision_body_code=BODY_CODE,
        decision_number="沪知执〔2026〕18号",
        decision_date="2026-11-06",
        publication_months="36",
        contact="王五 021-12345678",
    )
    out = tmp_path / "credit.json"
    result = export_credit(team.organizer, FAIR, out)
    assert result.refused == () and result.records == 1
    body = json.loads(out.read_text("utf-8"))
    (record,) = body["records"]
    assert record["case_number"] == second and first != second
    for item in credit_record.ITEMS:
        if item.required:
            assert record[item.key], item.key
    assert record["foreign_registration"] == "HRB 123456 B" and record["credit_code"] == ""
    assert record["publication_until"] == "2029-11-06"
    assert record["decision_body_code"] == BODY_CODE
    assert credit_record.missing(record) == []
    sent = handoff_log.handoffs_of_case(team.desk, second)
    assert [(s.kind, s.destination) for s in sent] == [("credit", "credit_platform")]
    assert sent[0].package_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_record_missing_items_is_refused_saying_which(
    team: Team, fair: str, tmp_path: Path
) -> None:
    number = _decided(team)
    act_on_case(
        team.desk, number, "refer_credit", credit_finding="serious_infringement",
        legal_basis="《上海市会展业条例》第四十二条",
    )  # fmt: skip
    result = export_credit(team.organizer, FAIR, tmp_path / "credit.xlsx")
    assert result.path is None and not (tmp_path / "credit.xlsx").exists()
    (refused,) = result.refused
    said = refused.sentence()
    for words in ("Deciding body", "Decision number", "Decision date", "Contact"):
        assert words in said
    assert "registration number" in said  # the exhibitor has no code at all
    assert "缺少" in said and "认定机关" in said


def test_credit_referral_only_for_a_finding_of_infringement_and_well_formed(
    team: Team, fair: str
) -> None:
    reg = register_complaint(team.desk, FAIR, complaint_input("4.1A02"))
    act_on_complaint(team.desk, reg.number, "accept")
    with pytest.raises(IllegalTransition):
        act_on_case(
            team.desk, reg.case_numbers[0], "refer_credit",
            credit_finding="serious_infringement", legal_basis="第四十二条",
        )  # fmt: skip
    number = _decided(team)
    with pytest.raises(MissingRequirement, match="not a valid unified social credit code"):
        act_on_case(
            team.desk, number, "refer_credit", credit_finding="serious_infringement",
            legal_basis="第四十二条", decision_body_code="91350100M000100Y44",
        )  # fmt: skip
    with pytest.raises(MissingRequirement, match="give 3 to 36 months"):
        act_on_case(
            team.desk, number, "refer_credit", credit_finding="serious_infringement",
            legal_basis="第四十二条", publication_months="60",
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        export_credit(team.inspector, FAIR, Path("never.csv"))


def test_publication_months_end_on_the_same_day_or_the_month_end() -> None:
    from datetime import date

    assert add_months(date(2026, 11, 6), 36) == date(2029, 11, 6)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_every_handoff_event_is_in_the_audit_chain(team: Team, fair: str, tmp_path: Path) -> None:
    number = _decided(team)
    _attach(team, number, (5, 5, 5))
    export_evidence(team.desk, number, tmp_path / "e.zip")
    with team.admin.db.reading() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.action.like("handoff.%"))
        ).all()
    assert actions == ["handoff.evidence"]


def test_statistics_count_hand_offs_by_destination(team: Team, fair: str, tmp_path: Path) -> None:
    from fairdesk.services.organizer.statistics import fair_statistics, summary_rows

    number = _decided(team)
    _attach(team, number, (7, 7, 7))
    act_on_case(team.desk, number, "refer", referral_kind="police", authority=POLICE)
    export_referral(team.desk, number, tmp_path / "r.zip")
    export_evidence(team.desk, number, tmp_path / "e.zip")
    export_evidence(team.desk, number, tmp_path / "e2.zip")
    report = fair_statistics(team.organizer, FAIR)
    edition = report.editions[-1]
    assert edition.handoffs_by_destination == {"police": 1, "evidence_platform": 2}
    labels = dict(summary_rows(report))
    assert labels[
        "移送/报送材料：电子证据存证平台 / hand-offs sent to: Electronic evidence deposit platform"
    ] == ["2"]
