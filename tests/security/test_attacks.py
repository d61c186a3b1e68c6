"""An attacker with write access to the database (and this source code), but no user's
password: each attack must fail, or `audit verify` must name what was changed."""

from __future__ import annotations

import base64
import json
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import delete, inspect, select, update

from fairdesk.app_context import SYSTEM
from fairdesk.db.models import AuditEvent, IssuedDocument, RespondentCase, SigningKey, User
from fairdesk.documents import signing
from fairdesk.documents.model import DocumentData
from fairdesk.domain.errors import InvalidInput, PermissionDenied
from fairdesk.services.casework.steps import act_on_case, act_on_complaint
from fairdesk.services.checks import anchors
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.context import Context
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from fairdesk.services.paper import paper_trust
from fairdesk.services.trust import audit, keys, root_pin, users
from tests.conftest import PG_URL, Team
from tests.helpers import FAIR, complaint_input, make_fair


@pytest.fixture
def decided(team: Team) -> str:
    """A case decided on infringement, with its decision issued (D000001)."""
    make_fair(team.admin)
    reg = register_complaint(team.desk, FAIR, complaint_input())
    act_on_complaint(team.desk, reg.number, "accept")
    number = reg.case_numbers[0]
    act_on_case(team.desk, number, "notify")
    act_on_case(team.desk, number, "record_defence", summary="不侵权")
    act_on_case(team.desk, number, "begin_review")
    act_on_case(
        team.desk,
        number,
        "decide_infringing",
        reason="相同设计",
        trigger="merits",
        legal_basis="展会知识产权保护办法 第十四条",
    )
    return number


def _issue(team: Team, number: str) -> docs.IssuedInfo:
    return docs.issue_document(team.desk, "decision", number, copy="respondent")


def _rewrite_and_resign(
    team: Team,
    number: str,
    private: signing.Ed25519PrivateKey,
    cert: bytes,
    key_id: str,
    old_style: bool = False,
) -> str:
    """Rewrite the register entry to 'not infringing' and sign it again; the new payload."""
    with team.admin.db.writing() as session:
        doc = session.scalars(select(IssuedDocument).where(IssuedDocument.number == number)).one()
        content = json.loads(json.dumps(doc.content))
        content["data"]["decision_state"] = "NOT_INFRINGING"
        data = DocumentData.from_dict(content["data"])
        content["key"]["outcome"] = "认定不侵权 / not infringing"
        content["key"]["content_sha256"] = data.digest()
        content["key"]["key_id"] = key_id
        sig = signing.sign(private, content["key"])
        signer = b"" if old_style else signing.public_raw(private)
        payload = signing.encode_payload(number, sig, signer, cert)
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.id == doc.id)
            .values(content=content, payload=payload, key_id=key_id, signature=signing.b64url(sig))
        )
    return payload


def _insert_key(
    team: Team, kind: str, private: signing.Ed25519PrivateKey, cert: bytes = b""
) -> str:
    key_id = signing.key_id_of(signing.public_raw(private))
    with team.admin.db.writing() as session:
        session.add(
            SigningKey(
                key_id=key_id,
                public_key=signing.public_b64(private),
                kind=kind,
                created_at=team.admin.now(),
                certificate=signing.b64url(cert) if cert else "",
                user_id=team.desk.actor.user_id if kind == "user" else None,
            )
        )
    return key_id


def test_resigning_a_rewritten_decision_with_a_key_of_ones_own_is_forged(
    team: Team, decided: str
) -> None:
    genuine = _issue(team, decided)
    mine = signing.new_private()
    self_made = signing.certify(mine, signing.public_raw(mine))
    key_id = _insert_key(team, "user", mine, self_made)
    forged = _rewrite_and_resign(team, genuine.number, mine, self_made, key_id)
    assert docs.verify(team.organizer, forged).status == "forged"
    assert docs.verify(team.organizer, genuine.payload).status != "genuine"  # the register lies
    # Passing the key off as the demo key makes it a specimen at best.
    with team.admin.db.writing() as session:
        session.execute(update(SigningKey).where(SigningKey.key_id == key_id).values(kind="demo"))
    assert docs.verify(team.organizer, forged).status in ("forged", "specimen")


def test_a_second_root_certifies_nothing_and_a_replaced_root_is_reported(
    team: Team, decided: str
) -> None:
    genuine = _issue(team, decided)
    fake_root = signing.new_private()
    _insert_key(team, "root", fake_root)
    mine = signing.new_private()
    cert = signing.certify(fake_root, signing.public_raw(mine))
    key_id = _insert_key(team, "user", mine, cert)
    forged = _rewrite_and_resign(team, genuine.number, mine, cert, key_id)
    assert docs.verify(team.organizer, forged).status == "forged"
    # The desks' own keys no longer issue: the database's root is not the pinned one.
    with pytest.raises(PermissionDenied, match="not the one pinned"):
        _issue(team, decided)
    # Replacing the root instead: every document issued before no longer chains to it,
    # and audit verify says so, naming the pin.
    with team.admin.db.writing() as session:
        session.execute(
            delete(SigningKey).where(
                SigningKey.kind == "root",
                SigningKey.key_id != signing.key_id_of(signing.public_raw(fake_root)),
            )
        )
    report = verify_chain(team.admin)
    assert not report.ok
    assert any("root key" in p and str(root_pin.pin_path()) in p for p in report.problems)


def _printed_root(pdf: bytes) -> str:
    from fairdesk.documents import qrread

    found = re.search(r"Root\s*key\s*:\s*((?:[0-9A-F]{4}\s*){8})", qrread.pdf_text(pdf))
    assert found is not None
    return root_pin.normalize(found[1])


def _replace_root(team: Team, number: str) -> tuple[str, signing.Ed25519PrivateKey]:
    """The attack on the root itself: the root row replaced by one of the attacker's,
    a user key it certifies, a decision rewritten and signed with it (naming the new
    root, as a careful attacker would). Returns the forged payload and the new root."""
    fake_root = signing.new_private()
    with team.admin.db.writing() as session:
        session.execute(delete(SigningKey).where(SigningKey.kind == "root"))
    _insert_key(team, "root", fake_root)
    mine = signing.new_private()
    cert = signing.certify(fake_root, signing.public_raw(mine))
    key_id = _insert_key(team, "user", mine, cert)
    with team.admin.db.writing() as session:
        doc = session.scalars(select(IssuedDocument).where(IssuedDocument.number == number)).one()
        content = json.loads(json.dumps(doc.content))
        content["key"]["root"] = signing.fingerprint(signing.public_b64(fake_root))
        content["data"]["root_fingerprint"] = content["key"]["root"]
        content["key"]["content_sha256"] = DocumentData.from_dict(content["data"]).digest()
        session.execute(
            update(IssuedDocument).where(IssuedDocument.id == doc.id).values(content=content)
        )
    return _rewrite_and_resign(team, number, mine, cert, key_id), fake_root


@pytest.mark.skipif(
    __import__("shutil").which("pdftoppm") is None, reason="PDF text needs pdfium only"
)
def test_a_replaced_root_is_caught_by_the_pin_and_by_the_printed_fingerprint(
    team: Team, decided: str, tmp_path: Path
) -> None:
    genuine = _issue(team, decided)
    # A party's paper says "scan to verify"; the center's dossier prints the fingerprint.
    printed = _printed_root(docs.issue_document(team.desk, "dossier", decided).pdf)
    assert root_pin.pinned(team.admin.db.url) == printed == keys.root_fingerprint(team.admin)
    forged, fake_root = _replace_root(team, genuine.number)
    # The pin in the data folder: the forged decision does not verify, audit verify says why.
    result = docs.verify(team.organizer, forged)
    assert result.status == "forged" and "pinned" in result.message
    report = verify_chain(team.admin)
    assert any("root key is" in p and "the pin in" in p for p in report.problems)
    # An attacker who can write the data folder too moves the pin: inside this machine
    # everything agrees now ...
    root_pin.write(team.admin.db.url, signing.fingerprint(signing.public_b64(fake_root)))
    assert docs.verify(team.organizer, forged).status == "genuine"
    # ... but not with the fingerprint printed on the genuine paper, typed ...
    for root in (printed, printed.replace(" ", "").lower()):
        result = docs.verify(team.organizer, forged, root=root)
        assert result.status == "forged" and "the fingerprint given" in result.message
        report = verify_chain(team.admin, root=root)
        assert any("the fingerprint given is " + printed in p for p in report.problems)
    # ... and the genuine decision's file no longer verifies against the register, so it
    # gives no root (its keywords are not signed) and says why.
    paper = tmp_path / "genuine.pdf"
    paper.write_bytes(genuine.pdf)
    with pytest.raises(InvalidInput, match="register or its keys were changed"):
        paper_trust.signed_root(team.organizer, str(paper))  # what `verify --root` asks
    with pytest.raises(InvalidInput, match="register or its keys were changed"):
        verify_chain(team.admin, root=str(paper))


def test_no_private_key_in_plain_form_in_the_database(team: Team, decided: str) -> None:
    _issue(team, decided)
    secrets = []
    for ring in (team.desk.keyring, team.desk2.keyring, team.admin.keyring):
        for private in (ring.user_key, ring.root):
            if private is not None:
                raw = signing.private_raw(private)
                secrets += [raw.hex(), base64.b64encode(raw).decode(), signing.b64url(raw)]
    assert len(secrets) == 9
    dump = []
    with team.admin.db.reading() as session:
        for table in inspect(session.get_bind()).get_table_names():
            for row in session.execute(
                select("*").select_from(__import__("sqlalchemy").table(table))
            ):  # noqa: S608
                dump.append(repr(tuple(row)))
    text = "\n".join(dump)
    assert not [s for s in secrets if s in text]
    assert "PRIVATE KEY" not in text


def _rechain(team: Team) -> None:
    """Recompute every hash in id order, as an attacker with the source would."""
    with team.admin.db.writing() as session:
        prev = audit.GENESIS
        for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            row.prev_hash = prev
            row.hash = "x" * 20 + str(row.id)  # keep the unique index happy mid-way
        session.flush()
        for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            row.prev_hash = prev
            row.hash = audit.digest(prev, row)
            prev = row.hash


def _decision_event(team: Team) -> int:
    with team.admin.db.reading() as session:
        found = session.scalar(
            select(AuditEvent.id).where(AuditEvent.action == "case.decide_infringing")
        )
    assert found is not None
    return found


def test_deleting_an_event_and_rechaining_is_named(team: Team, decided: str) -> None:
    info = _issue(team, decided)
    assert verify_chain(team.admin).ok
    victim = _decision_event(team)
    with team.admin.db.writing() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.id == victim))
    _rechain(team)
    report = verify_chain(team.admin)
    assert not report.ok
    anchored = [p for p in report.problems if f"document {info.number}" in p]
    assert anchored and ("no longer matches" in anchored[0] or "is missing" in anchored[0])
    assert report.first_broken_id is not None and report.first_broken_id >= victim


def test_cutting_the_tail_is_named(team: Team, decided: str) -> None:
    info = _issue(team, decided)
    with team.admin.db.reading() as session:
        issued = session.scalar(select(AuditEvent.id).where(AuditEvent.action == "document.issue"))
    with team.admin.db.writing() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.id >= issued))
    report = verify_chain(team.admin)
    assert not report.ok
    assert any("were removed" in p and info.number in p for p in report.problems)


@pytest.mark.skipif(
    __import__("shutil").which("pdftoppm") is None, reason="PDF text needs pdfium only"
)
def test_an_anchor_on_paper_catches_a_rewrite_that_deleted_the_document_too(
    team: Team, decided: str, tmp_path: Path
) -> None:
    info = _issue(team, decided)
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(info.pdf)
    given = anchors.parse_given(str(pdf), team.admin)
    assert given and given[0].event_id > 0
    assert verify_chain(team.admin, given=given).ok
    victim = _decision_event(team)
    with team.admin.db.writing() as session:
        session.execute(delete(IssuedDocument))
        session.execute(delete(AuditEvent).where(AuditEvent.id >= victim))
        session.execute(  # the case put back as its shortened history says
            update(RespondentCase)
            .where(RespondentCase.number == decided)
            .values(
                state="UNDER_REVIEW",
                decided_at=None,
                decision_note="",
                decision_basis=None,
                decided_by_organ="",
                decided_by_officer="",
            )
        )
    _rechain(team)
    assert verify_chain(team.admin).ok  # nothing inside the database shows it any more
    report = verify_chain(team.admin, given=anchors.parse_given(str(pdf), team.admin))
    assert not report.ok and "decision.pdf" in report.problem
    # The same head given as a hash.
    assert not verify_chain(team.admin, given=anchors.parse_given(given[0].hash)).ok


def test_editing_a_decision_row_is_reported(team: Team, decided: str) -> None:
    _issue(team, decided)
    with team.admin.db.writing() as session:
        session.execute(
            update(RespondentCase)
            .where(RespondentCase.number == decided)
            .values(state="NOT_INFRINGING", decision_trigger="")
        )
    report = verify_chain(team.admin)
    assert not report.ok
    assert any(f"case {decided}: state is 'NOT_INFRINGING'" in p for p in report.problems)


def test_clearing_a_password_hash_is_reported(team: Team) -> None:
    with team.admin.db.writing() as session:
        session.execute(update(User).where(User.username == "admin").values(password_hash=None))
    report = verify_chain(team.organizer)
    assert not report.ok
    assert any("user admin: password_hash is cleared" in p for p in report.problems)


@pytest.mark.skipif(bool(PG_URL), reason="doctors an SQLite backup file")
def test_restoring_a_doctored_backup_is_refused_or_reported(
    team: Team, decided: str, tmp_path: Path
) -> None:
    import hashlib
    import sqlite3

    from fairdesk.services.trust import backup as bk

    _issue(team, decided)
    info = bk.backup(team.admin, tmp_path / "b.zip", data_folder=tmp_path / "data")
    work = tmp_path / "unpacked"
    with zipfile.ZipFile(info.path) as zf:
        zf.extractall(work)
    manifest = json.loads((work / "manifest.json").read_text())
    assert manifest["seal"]["root"] == keys.root_fingerprint(team.admin)
    member = manifest["database"]["member"]
    conn = sqlite3.connect(work / member)
    conn.execute("UPDATE respondent_cases SET state='NOT_INFRINGING' WHERE number=?", (decided,))
    conn.commit()
    conn.close()
    data = (work / member).read_bytes()
    for m in manifest["members"]:
        if m["name"] == member:
            m["sha256"], m["size"] = hashlib.sha256(data).hexdigest(), len(data)

    def pack(name: str, manifest: dict) -> Path:  # type: ignore[type-arg]
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("manifest.json", json.dumps(manifest))
            for m in manifest["members"]:
                zf.write(work / m["name"], m["name"])
        return path

    with pytest.raises(bk.ArchiveRefused, match="its seal does not match its manifest"):
        bk.restore(team.admin, pack("doctored.zip", manifest), data_folder=tmp_path / "data")
    unsealed = {k: v for k, v in manifest.items() if k != "seal"}
    stripped = pack("stripped.zip", unsealed)
    with pytest.raises(bk.ArchiveRefused, match="restore it with --foreign"):
        bk.restore(team.admin, stripped, data_folder=tmp_path / "data")
    # An administrator who insists: it is restored, and audit verify names the edit.
    bk.restore(team.admin, stripped, data_folder=tmp_path / "data", foreign=True)
    report = verify_chain(team.admin)
    assert not report.ok
    assert any(f"case {decided}: state is 'NOT_INFRINGING'" in p for p in report.problems)


def test_signing_after_revocation_refuses_and_before_stays_genuine(
    team: Team, decided: str
) -> None:
    before = _issue(team, decided)
    keys.revoke_user_key(team.admin, "desk1", "laptop lost")
    # The thief holds the unlocked key (the laptop's memory): what it signs now refuses.
    with pytest.raises(Exception, match="revoked or replaced"):
        _issue(team, decided)
    assert docs.verify(team.organizer, before.payload).status == "genuine"


def test_the_day_report_prints_and_signs_the_head(team: Team, decided: str, tmp_path: Path) -> None:
    from datetime import date

    from fairdesk.services.organizer.day_report import day_report, format_day_report

    report = day_report(team.desk, FAIR, date(2026, 11, 5))
    text = format_day_report(report)
    assert f"Audit chain #{report.audit_event}: {report.audit_head}" in text
    anchor = anchors.line(report.audit_event, report.audit_head)
    statement = f"FairDesk day report {FAIR} 2026-11-05\n{anchor}"
    public = team.desk.keyring.user_key.public_key()  # type: ignore[union-attr]
    public.verify(signing.unb64url(report.signature), statement.encode())
    saved = tmp_path / "day.txt"
    saved.write_text(text, encoding="utf-8")
    assert verify_chain(team.admin, given=anchors.parse_given(str(saved), team.admin)).ok
    with team.admin.db.writing() as session:  # cut the last event and re-chain
        last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
        session.execute(delete(AuditEvent).where(AuditEvent.id == last))
    report_now = verify_chain(team.admin, given=anchors.parse_given(str(saved), team.admin))
    assert not report_now.ok and "day.txt" in " ".join(report_now.problems)
    unsigned = format_day_report(day_report(team.organizer, FAIR, date(2026, 11, 5)))
    assert "unsigned" in unsigned


def test_a_planted_key_waits_for_certification_however_often_an_administrator_signs_in(
    team: Team, decided: str
) -> None:
    """A key row planted without a certificate used to be certified by the next
    administrator's sign-in: it now needs an administrator who types its fingerprint."""
    genuine = _issue(team, decided)
    mine = signing.new_private()
    key_id = _insert_key(team, "user", mine)
    admin = users.sign_in(Context(team.admin.db, SYSTEM, team.admin.now), "admin", "admin-pass-1")
    with team.admin.db.reading() as session:
        planted = session.scalars(select(SigningKey).where(SigningKey.key_id == key_id)).one()
        assert planted.certificate == ""
    forged = _rewrite_and_resign(team, genuine.number, mine, b"", key_id)
    assert docs.verify(team.organizer, forged).status != "genuine"
    # The fingerprint the key's real owner would read out is needed to certify anything.
    with pytest.raises(InvalidInput, match="does not match"):
        keys.certify_user_key(admin, "desk1", "0000 0000 0000")


def test_revoking_the_root_does_not_let_an_uncertified_key_of_before_sign(
    team: Team, decided: str
) -> None:
    genuine = _issue(team, decided)
    mine = signing.new_private()
    key_id = _insert_key(team, "legacy", mine)
    with team.admin.db.writing() as session:
        session.execute(
            update(SigningKey).where(SigningKey.kind == "root").values(revoked_at=team.admin.now())
        )
    forged = _rewrite_and_resign(team, genuine.number, mine, b"", key_id, old_style=True)
    assert docs.verify(team.organizer, forged).status == "forged"


def test_a_cleared_password_and_a_planted_demo_key_do_not_open_the_command_line(
    team: Team,
) -> None:
    """Clearing admin's hash and adding a demo key row used to let anyone act as admin
    from the command line: a real installation (it has a root) is never a demo."""
    from fairdesk import app_context
    from fairdesk.domain.errors import PermissionDenied

    with team.admin.db.writing() as session:
        session.execute(update(User).where(User.username == "admin").values(password_hash=None))
    _insert_key(team, "demo", signing.new_private())
    assert not keys.is_demo(team.admin)
    with pytest.raises(PermissionDenied, match="has no password"):
        app_context.open_context(team.admin.db.url, None, "admin", migrate=False)


def test_stripping_the_anchor_from_the_register_is_reported(team: Team, decided: str) -> None:
    """Removing a document's anchor from its register entry made the check skip it."""
    info = _issue(team, decided)
    with team.admin.db.writing() as session:
        doc = session.scalars(select(IssuedDocument)).one()
        content = json.loads(json.dumps(doc.content))
        content["key"].pop("audit")
        session.execute(
            update(IssuedDocument).where(IssuedDocument.id == doc.id).values(content=content)
        )
    report = verify_chain(team.admin)
    assert not report.ok
    assert any(info.number in p and "no longer verifies" in p for p in report.problems)


@pytest.mark.skipif(
    __import__("shutil").which("pdftoppm") is None, reason="PDF text needs pdfium only"
)
def test_removing_the_last_document_and_its_events_is_caught_by_its_paper(
    team: Team, decided: str, tmp_path: Path
) -> None:
    """The last document's register entry and its issue event deleted, the counter set
    back: the trail is a clean prefix of itself, but the paper names the document."""
    info = _issue(team, decided)
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(info.pdf)
    given = anchors.parse_given(str(pdf), team.admin)
    assert given[0].document == info.number
    with team.admin.db.reading() as session:
        issued = session.scalar(select(AuditEvent.id).where(AuditEvent.action == "document.issue"))
    with team.admin.db.writing() as session:
        session.execute(delete(IssuedDocument))
        session.execute(delete(AuditEvent).where(AuditEvent.id >= issued))
    assert verify_chain(team.admin).ok  # nothing inside the database shows it
    report = verify_chain(team.admin, given=anchors.parse_given(str(pdf), team.admin))
    assert not report.ok
    assert any(f"document {info.number}" in p and "missing" in p for p in report.problems)


def test_a_user_inserted_behind_the_apps_back_is_reported(team: Team) -> None:
    """A planted administrator with a hash of one's own had no history to differ from."""
    from argon2 import PasswordHasher

    with team.admin.db.writing() as session:
        session.add(
            User(
                username="eve",
                display_name="Eve",
                role="ADMIN",
                password_hash=PasswordHasher().hash("eve-pass-1"),
                active=True,
                created_at=team.admin.now(),
            )
        )
    report = verify_chain(team.organizer)
    assert not report.ok
    assert any("user eve has no history" in p for p in report.problems)


def test_a_forged_or_altered_day_report_is_reported(
    team: Team, decided: str, tmp_path: Path
) -> None:
    from datetime import date

    from fairdesk.services.organizer.day_report import day_report, format_day_report
    from fairdesk.services.paper import day_signature

    made = day_report(team.desk, FAIR, date(2026, 11, 5))
    text = format_day_report(made)
    genuine = tmp_path / "day.txt"
    genuine.write_text(text, encoding="utf-8")
    assert verify_chain(team.admin, given=anchors.parse_given(str(genuine), team.admin)).ok

    def given(name: str, content: str) -> list[str]:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        return list(
            verify_chain(team.admin, given=anchors.parse_given(str(path), team.admin)).problems
        )

    # The attacker re-chains history, then prints the new head on the old report.
    _rechain_after_deleting_the_decision(team)
    with team.admin.db.reading() as session:
        last = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).one()
    altered = text.replace(anchors.line(made.audit_event, made.audit_head), anchors.line(*last))
    assert any("altered.txt does not match" in p for p in given("altered.txt", altered))
    # Signed again with a key of the attacker's own, unknown or self-certified.
    mine = signing.new_private()
    statement = day_signature.statement(FAIR, "2026-11-05", *last)
    signature = signing.b64url(mine.sign(statement.encode()))
    forged = altered.replace(made.signature, signature)
    own_id = signing.key_id_of(signing.public_raw(mine))
    forged = forged.replace(f"key {made.signed_by}", f"key {own_id}")
    assert any("never had" in p for p in given("forged.txt", forged))
    _insert_key(team, "user", mine, signing.certify(mine, signing.public_raw(mine)))
    assert any("never certified" in p for p in given("forged2.txt", forged))


def _rechain_after_deleting_the_decision(team: Team) -> None:
    victim = _decision_event(team)
    with team.admin.db.writing() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.id == victim))
    _rechain(team)


def test_editing_a_measure_row_is_reported(team: Team, decided: str) -> None:
    from fairdesk.db.models import Measure

    act_on_case(team.desk, decided, "order_remedy", measure="detain", storage_place="库房 A")
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:  # the goods "were never taken": no custody
        session.execute(update(Measure).values(storage_place="", measure_type="cover"))
    report = verify_chain(team.admin)
    assert not report.ok
    found = [p for p in report.problems if f"of case {decided}" in p]
    assert any("storage_place is ''" in p and "'库房A'" in p for p in found)
    assert any("measure_type is 'cover'" in p for p in found)


def test_editing_an_exhibitor_or_its_booths_is_reported(team: Team, tmp_path: Path) -> None:
    from fairdesk.db.models import Booth, Exhibitor
    from fairdesk.services.fair.exhibitors import import_exhibitors

    make_fair(team.admin, exhibitors=0)
    listing = tmp_path / "exhibitors.csv"
    listing.write_text(
        "展商名称,Company,统一社会信用代码,国家,展位号\n"
        "甲公司,Jia Co,91310000MA1FL00001,中国,4.1A01\n"
        "乙公司,Yi Co,91310000MA1FL00002,中国,4.1A02\n",
        encoding="utf-8",
    )
    assert import_exhibitors(team.organizer, FAIR, listing).imported == 2
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:
        session.execute(
            update(Exhibitor).where(Exhibitor.name_zh == "甲公司").values(credit_code="X")
        )
        yi = session.scalar(select(Exhibitor.id).where(Exhibitor.name_zh == "乙公司"))
        session.execute(delete(Booth).where(Booth.exhibitor_id == yi))
    report = verify_chain(team.admin)
    assert not report.ok
    assert any("exhibitor 甲公司: credit_code is 'X'" in p for p in report.problems)
    assert any("exhibitor 乙公司: booths is '[]'" in p for p in report.problems)
    # Imported again through the app: the history follows, and nothing is reported.
    import_exhibitors(team.organizer, FAIR, listing)
    assert not [p for p in verify_chain(team.admin).problems if "乙公司" in p]


@pytest.mark.skipif(bool(PG_URL), reason="doctors an SQLite backup file")
def test_a_backup_sealed_by_a_root_put_in_the_database_is_foreign(
    team: Team, decided: str, tmp_path: Path
) -> None:
    """The seal used to be compared with the database's root only: replace that root
    with one's own, seal a doctored archive with it, and it restored as 'ours'."""
    from fairdesk.services.keyring import Keyring
    from fairdesk.services.trust import backup as bk
    from fairdesk.services.trust import backup_seal, root_pin

    assert root_pin.pinned(team.admin.db.url)  # pinned when the root was made
    info = bk.backup(team.admin, tmp_path / "b.zip", data_folder=tmp_path / "data")
    with zipfile.ZipFile(info.path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    mine = signing.new_private()
    with team.admin.db.writing() as session:
        session.execute(delete(SigningKey).where(SigningKey.kind == "root"))
    _insert_key(team, "root", mine)
    with team.admin.db.reading() as session:
        resealed = backup_seal.seal(
            {k: v for k, v in manifest.items() if k != "seal"},
            Keyring(root_key_id="mine", root=mine),
            session,
        )
    doctored = tmp_path / "doctored.zip"
    with zipfile.ZipFile(doctored, "w") as zf:
        zf.writestr("manifest.json", json.dumps(resealed))
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(bk.ArchiveRefused, match="--foreign"):
        bk.restore(team.admin, doctored, data_folder=tmp_path / "data")


def test_a_revocation_cleared_or_made_behind_the_apps_back_is_reported(
    team: Team, decided: str
) -> None:
    first = _issue(team, decided)
    second = _issue(team, decided)
    docs.revoke(team.desk, first.number, "issued in error")
    assert verify_chain(team.admin).ok
    with team.admin.db.writing() as session:
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == first.number)
            .values(revoked_at=None, revoke_reason="")
        )
        session.execute(
            update(IssuedDocument)
            .where(IssuedDocument.number == second.number)
            .values(revoked_at=team.admin.now(), revoke_reason="x")
        )
    report = verify_chain(team.admin)
    assert any(f"document {first.number}: in_force" in p for p in report.problems)
    assert any(f"document {second.number}: in_force" in p for p in report.problems)


def test_an_evidence_file_planted_in_the_database_is_reported(team: Team, decided: str) -> None:
    from fairdesk.db.models import EvidenceFile

    with team.admin.db.writing() as session:
        session.add(
            EvidenceFile(
                sha256="ab" * 32,
                size=3,
                original_name="planted.jpg",
                captured_at=team.admin.now(),
                imported_at=team.admin.now(),
                captured_by=team.inspector.actor.user_id,
            )
        )
    report = verify_chain(team.admin)
    assert any("evidence file planted.jpg has no history" in p for p in report.problems)


@pytest.mark.skipif(bool(PG_URL), reason="empties an SQLite database file")
def test_emptying_the_database_lets_no_doctored_or_foreign_backup_through(
    team: Team, decided: str, tmp_path: Path
) -> None:
    """The seal was not checked at all when the database to replace could not be read:
    empty the file, and any archive restored. The pinned root decides now."""
    from fairdesk.services.trust import backup as bk

    info = bk.backup(team.admin, tmp_path / "b.zip", data_folder=tmp_path / "data")
    with zipfile.ZipFile(info.path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    manifest = json.loads(members.pop("manifest.json"))
    manifest["created_at"] = "2000-01-01T00:00:00+00:00"  # any change: the seal no longer fits
    doctored = tmp_path / "doctored.zip"
    with zipfile.ZipFile(doctored, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        for name, data in members.items():
            zf.writestr(name, data)
    unsealed = {k: v for k, v in manifest.items() if k != "seal"}
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(stripped, "w") as zf:
        zf.writestr("manifest.json", json.dumps(unsealed))
        for name, data in members.items():
            zf.writestr(name, data)
    team.admin.db.dispose()
    bk.sqlite_file(team.admin.db.url).write_bytes(b"")
    url = team.admin.db.url
    with pytest.raises(bk.ArchiveRefused, match="seal does not match"):
        bk.restore(url, doctored, data_folder=tmp_path / "data")
    with pytest.raises(bk.ArchiveRefused, match="--foreign"):
        bk.restore(url, stripped, data_folder=tmp_path / "data")
    bk.restore(url, info.path, data_folder=tmp_path / "data")  # its own: it restores
