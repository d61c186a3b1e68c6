"""Evidence files: stored once by hash, EXIF capture time, reduced copies, size limit,
safe names, and integrity checked on every read (on SQLite files and PostgreSQL blobs)."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import delete, func, select, update

from fairdesk.db.engine import Database
from fairdesk.db.models import AuditEvent, EvidenceBlob, EvidenceFile
from fairdesk.domain.errors import InvalidInput, NotFound, PermissionDenied
from fairdesk.services.inspection import evidence
from fairdesk.services.inspection.evidence import (
    EvidenceCorrupt,
    EvidenceMissing,
    EvidenceTooLarge,
    PhotoInput,
    check_size,
    evidence_root,
    safe_name,
)
from fairdesk.services.intake.intake import register_complaint
from tests.conftest import FakeClock, Team
from tests.helpers import FAIR, complaint_input, make_fair


def jpeg(
    size: tuple[int, int] = (640, 480),
    taken: str | None = "2026:11:05 10:12:30",
    offset: str | None = None,
    orientation: int | None = None,
    colour: str = "red",
) -> bytes:
    """A real JPEG with EXIF, as a phone writes it."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if taken is not None:
        exif[0x0132] = taken  # DateTime
        ifd = exif.get_ifd(0x8769)
        ifd[0x9003] = taken  # DateTimeOriginal
        if offset is not None:
            ifd[0x9011] = offset  # OffsetTimeOriginal
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def stored_path(db: Database, sha: str) -> Path:
    return evidence_root(db) / sha[:2] / sha[2:]


def tamper(db: Database, sha: str, data: bytes | None) -> None:
    """Change (or with None remove) the stored original behind FairDesk's back."""
    if db.is_sqlite:
        path = stored_path(db, sha)
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
        return
    with db.engine.begin() as conn:
        where = (EvidenceBlob.sha256 == sha) & (EvidenceBlob.kind == "original")
        if data is None:
            conn.execute(delete(EvidenceBlob).where(where))
        else:
            conn.execute(update(EvidenceBlob).where(where).values(data=data, size=len(data)))


@pytest.fixture
def case_no(team: Team) -> str:
    make_fair(team.admin)
    return register_complaint(team.desk, FAIR, complaint_input()).case_numbers[0]


def test_the_same_bytes_are_stored_once(team: Team, clock: FakeClock) -> None:
    data = jpeg()
    first = evidence.import_file(team.inspector, PhotoInput("IMG_0001.JPG", data))
    again = evidence.import_file(team.desk, PhotoInput("copy of it.jpg", data))
    assert first.sha256 == again.sha256 == hashlib.sha256(data).hexdigest()
    assert (first.id, first.mime, first.size) == (again.id, "image/jpeg", len(data))
    with team.desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(EvidenceFile)) == 1
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "evidence.import")
            )
            == 1
        )
    if team.desk.db.is_sqlite:  # content-addressed: evidence/ab/cdef...
        assert stored_path(team.desk.db, first.sha256).read_bytes() == data
    assert evidence.read_evidence(team.organizer, first.sha256) == data


@pytest.mark.parametrize(
    ("taken", "offset", "expected"),
    [
        # no offset recorded: the camera's wall time is the fair's (Shanghai, UTC+8)
        ("2026:11:05 10:12:30", None, datetime(2026, 11, 5, 2, 12, 30, tzinfo=UTC)),
        ("2026:11:05 10:12:30", "+01:00", datetime(2026, 11, 5, 9, 12, 30, tzinfo=UTC)),
        ("2026:11:05 10:12:30", "-05:00", datetime(2026, 11, 5, 15, 12, 30, tzinfo=UTC)),
        ("0000:00:00 00:00:00", None, None),  # a camera whose clock was never set
        ("    :  :     :  :  ", None, None),
        (None, None, None),
    ],
)
def test_capture_time_from_exif_and_import_time_both_kept(
    team: Team, clock: FakeClock, taken: str | None, offset: str | None, expected: datetime | None
) -> None:
    info = evidence.import_file(
        team.inspector, PhotoInput("p.jpg", jpeg(taken=taken, offset=offset))
    )
    assert info.captured_at == expected
    assert info.imported_at == clock()
    assert info.captured_by == "inspector1"


def test_reduced_copy_is_small_and_upright_and_the_original_untouched(team: Team) -> None:
    # A portrait photo stored landscape with "rotate 90° CW" in EXIF (orientation 6).
    data = jpeg(size=(4000, 3000), orientation=6)
    info = evidence.import_file(team.inspector, PhotoInput("big.jpg", data))
    reduced = evidence.reduced_copy(team.desk, info.sha256)
    assert reduced is not None
    with Image.open(io.BytesIO(reduced)) as small:
        assert small.format == "JPEG"
        assert small.size == (1200, 1600)  # turned upright, long edge 1600
        assert not small.getexif()  # no metadata in what is shown and printed
    assert evidence.read_evidence(team.desk, info.sha256) == data
    assert len(reduced) < len(data)


def test_reduced_copy_is_remade_when_lost(team: Team) -> None:
    info = evidence.import_file(team.inspector, PhotoInput("p.png", _png()))
    if team.desk.db.is_sqlite:
        path = evidence_root(team.desk.db) / "reduced" / info.sha256[:2] / f"{info.sha256[2:]}.jpg"
        path.write_bytes(b"not a picture")
    else:
        with team.desk.db.engine.begin() as conn:
            conn.execute(
                update(EvidenceBlob)
                .where(EvidenceBlob.sha256 == info.sha256, EvidenceBlob.kind == "reduced")
                .values(data=b"not a picture")
            )
    reduced = evidence.reduced_copy(team.desk, info.sha256)
    assert reduced is not None and Image.open(io.BytesIO(reduced)).size == (300, 200)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 255, 128)).save(out, "PNG")
    return out.getvalue()


def test_a_scan_is_kept_without_a_reduced_copy(team: Team) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    info = evidence.import_file(team.desk, PhotoInput("scan.pdf", pdf))
    assert (info.mime, info.captured_at, info.is_image) == ("application/pdf", None, False)
    assert evidence.reduced_copy(team.desk, info.sha256) is None
    broken = evidence.import_file(team.desk, PhotoInput("photo.jpg", b"\xff\xd8 not really"))
    assert broken.mime == "application/octet-stream"


def test_size_limit_names_the_limit(team: Team) -> None:
    too_big = b"\0" * (evidence.MAX_BYTES + 1)
    with pytest.raises(EvidenceTooLarge) as err:
        evidence.import_file(team.inspector, PhotoInput("huge.jpg", too_big))
    assert str(err.value) == (
        "'huge.jpg' is 20.0 MB; an evidence file may be at most 20.0 MB (20,971,520 bytes). "
        "Take the photo at a lower resolution or scan fewer pages per file."
    )
    with pytest.raises(
        EvidenceTooLarge, match=r"is 3.0 MB; an evidence file may be at most 2.0 MB"
    ):
        check_size("scan.pdf", 3 * 1024 * 1024, limit=2 * 1024 * 1024)
    with pytest.raises(InvalidInput, match=r"'empty.jpg' is empty \(0 bytes\)"):
        evidence.import_file(team.inspector, PhotoInput("empty.jpg", b""))
    check_size("ok.jpg", evidence.MAX_BYTES)  # exactly at the limit is fine


def test_read_photo_refuses_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.truncate(evidence.MAX_BYTES + 10)  # sparse: nothing is read
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a too large file"))
    with pytest.raises(EvidenceTooLarge, match="at most 20.0 MB"):
        evidence.read_photo(big)
    monkeypatch.undo()
    with pytest.raises(InvalidInput, match="is a folder"):
        evidence.read_photo(tmp_path)
    with pytest.raises(InvalidInput, match="Cannot read"):
        evidence.read_photo(tmp_path / "gone.jpg")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system32\\evil.dll", "evil.dll"),
        ("/absolute/path/photo.jpg", "photo.jpg"),
        ("C:\\Users\\insp\\DCIM\\IMG_0001.JPG", "IMG_0001.JPG"),
        ("photo\x00.jpg.exe", "photo.jpg.exe"),
        ("..", "evidence"),
        ("", "evidence"),
        ("   ", "evidence"),
        (".hidden", "hidden"),
        ("NUL.txt", "_NUL.txt"),
        ("con", "_con"),
        ("a<b>c:d|e?f*.jpg", "a_b_c_d_e_f_.jpg"),
        ("bidi\u202egpj.exe", "bidigpj.exe"),
        ("展品 照片\n第一张.jpeg", "展品 照片 第一张.jpeg"),
    ],
)
def test_names_with_path_tricks_are_made_safe(given: str, kept: str) -> None:
    assert safe_name(given) == kept


def test_very_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_name("展" * 400 + ".jpeg")
    assert name.endswith(".jpeg") and len(name.encode("utf-8")) <= evidence.NAME_MAX_BYTES
    assert safe_name("x" * 1000).startswith("x") and len(safe_name("x" * 1000)) == 180


def test_a_tricky_name_is_stored_and_exported_inside_the_folder(team: Team, tmp_path: Path) -> None:
    info = evidence.import_file(team.desk, PhotoInput("../../../../tmp/evil\x00.jpg", jpeg()))
    assert info.name == "evil.jpg"
    out = tmp_path / "export"
    first = evidence.export_copy(team.desk, info.sha256, out)
    second = evidence.export_copy(team.desk, info.sha256, out)
    assert (first.name, second.name) == ("evil.jpg", "evil (2).jpg")
    assert first.parent == second.parent == out.resolve()
    assert sorted(p.name for p in tmp_path.rglob("evil*")) == ["evil (2).jpg", "evil.jpg"]


def test_a_changed_file_is_reported_never_returned(team: Team) -> None:
    data = jpeg()
    info = evidence.import_file(team.inspector, PhotoInput("IMG_7.jpg", data))
    tamper(team.desk.db, info.sha256, data[:-10] + b"0123456789")
    with pytest.raises(EvidenceCorrupt) as err:
        evidence.read_evidence(team.desk, info.sha256)
    assert str(err.value).startswith(
        f"Evidence file 'IMG_7.jpg' ({info.sha256[:12]}…) is damaged: its content no longer "
        "matches the SHA-256 recorded at import"
    )
    check = evidence.check_evidence(team.desk, info.sha256)
    assert (check.status, check.ok) == ("corrupt", False)
    assert [p.status for p in evidence.check_all(team.admin)] == ["corrupt"]
    # Importing the original again repairs the stored copy.
    evidence.import_file(team.inspector, PhotoInput("IMG_7.jpg", data))
    assert evidence.read_evidence(team.desk, info.sha256) == data
    assert evidence.check_all(team.admin) == []


def test_a_missing_file_is_reported_never_a_crash(team: Team) -> None:
    info = evidence.import_file(team.inspector, PhotoInput("IMG_8.jpg", jpeg()))
    tamper(team.desk.db, info.sha256, None)
    with pytest.raises(EvidenceMissing, match=r"Evidence file 'IMG_8.jpg' .* is missing from"):
        evidence.read_evidence(team.desk, info.sha256)
    assert evidence.check_evidence(team.desk, info.sha256).status == "missing"
    # The reduced copy is still there, but a picture whose original is gone is not shown
    # as if nothing happened once the reduced copy has to be remade.
    assert [p.status for p in evidence.check_all(team.organizer)] == ["missing"]


@pytest.mark.parametrize(
    ("sha", "error", "message"),
    [
        ("../../etc/passwd", InvalidInput, "is not a SHA-256"),
        ("A" * 63, InvalidInput, "is not a SHA-256"),
        ("0" * 64, NotFound, "No evidence file with SHA-256 000000000000… is registered"),
    ],
)
def test_reading_checks_the_hash_it_is_given(
    team: Team, sha: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        evidence.read_evidence(team.desk, sha)


def test_links_to_owners_with_a_purpose(team: Team, case_no: str) -> None:
    photo = PhotoInput("before.jpg", jpeg(colour="blue"))
    evidence.import_file(team.inspector, photo, owner_type="case", owner=case_no, purpose="before")
    evidence.import_file(team.inspector, photo, owner_type="case", owner=case_no, purpose="before")
    linked = evidence.evidence_of(team.organizer, "case", case_no)
    assert [(e.purpose, e.evidence.name, e.owner_type) for e in linked] == [
        ("before", "before.jpg", "case")
    ]
    with pytest.raises(InvalidInput, match="cannot be attached to a 'booth'"):
        evidence.import_file(team.desk, photo, owner_type="booth", owner="4.1A01")
    with pytest.raises(NotFound, match="There is no case 'NOPE-1' to attach evidence to"):
        evidence.import_file(team.desk, photo, owner_type="case", owner="NOPE-1")
    with pytest.raises(InvalidInput, match="'sideways' is not a purpose"):
        evidence.import_file(team.desk, photo, owner_type="case", owner=case_no, purpose="sideways")


def test_organizers_read_but_do_not_add_evidence(team: Team) -> None:
    with pytest.raises(PermissionDenied, match="signed in as organizer"):
        evidence.import_file(team.organizer, PhotoInput("x.jpg", jpeg()))
