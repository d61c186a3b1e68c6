"""Evidence files: photos and scans stored once by SHA-256, checked whenever they are read.

Where the bytes live depends on the database, so that every desk sees the same evidence:

* **SQLite** (one desk or one laptop): content-addressed files in the `evidence/` folder
  beside the database file, `evidence/ab/cdef…` (the SHA-256 split after two characters),
  reduced copies in `evidence/reduced/ab/cdef….jpg`. In the default layout that folder
  is `data_dir()/evidence`; a database opened with `--db`/`--data-dir` keeps its evidence
  next to it, so copying the folder copies everything.
* **PostgreSQL** (several desks): the `evidence_blobs` table on the same server
  (`EvidenceBlob` in `fairdesk.db.models`), so every desk and laptop reads the same bytes through
  the connection it already has; no shared drive to set up or lose.

The original is never changed. What screens and printed documents show is a reduced copy
(JPEG, long edge at most `REDUCED_EDGE` pixels, turned upright, metadata dropped), made at
import; it is derived data, remade from the checked original when it is missing or bad.

An evidence row keeps the capture time from the photo's EXIF (in the camera's offset when
it recorded one, else in the fair's time zone) and the import time, both in UTC.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fairdesk.config import data_dir
from fairdesk.db.engine import Database
from fairdesk.db.models import (
    AccusedExhibit,
    BoothVisit,
    Complaint,
    EvidenceBlob,
    EvidenceFile,
    EvidenceLink,
    Measure,
    RespondentCase,
    User,
)
from fairdesk.domain.enums import Role
from fairdesk.domain.errors import FairDeskError, InvalidInput, NotFound, PermissionDenied
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.trust import audit, paper_state

MAX_BYTES = 20 * 1024 * 1024  # a phone photo is 3-8 MB, a multi-page scan rarely 15 MB
REDUCED_EDGE = 1600  # pixels on the long edge: sharp on a laptop screen and an A4 print
REDUCED_QUALITY = 82
NAME_MAX_BYTES = 180  # UTF-8 bytes of a file name kept for display and export
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is already a medium-format camera

OWNER_TYPES = ("complaint", "case", "exhibit", "measure", "visit")
PURPOSES = ("", "before", "after", "patrol", "evidence")
# Roles that attach evidence: the desk (complaints) and the floor (patrols, re-checks).
ATTACH_ROLES = frozenset({Role.DESK, Role.INSPECTOR})

_SHA = re.compile(r"^[0-9a-f]{64}$")
_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004
_OFFSET_ORIGINAL = 0x9011
_OFFSET = 0x9010
_DATETIME = 0x0132


class EvidenceProblem(FairDeskError):
    """An evidence file cannot be given back as it was imported."""


class EvidenceMissing(EvidenceProblem):
    pass


class EvidenceCorrupt(EvidenceProblem):
    pass


class EvidenceTooLarge(InvalidInput):
    pass


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    sha256: str
    size: int
    mime: str
    name: str
    captured_at: datetime | None
    imported_at: datetime
    captured_by: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class LinkedEvidence:
    evidence: EvidenceInfo
    owner_type: str
    owner_id: int
    purpose: str
    caption: str


@dataclass(frozen=True)
class EvidenceCheck:
    sha256: str
    name: str
    status: str  # ok | missing | corrupt
    message: str
    # The refusal behind a problem, for a screen to say it in the desk's language.
    problem: FairDeskError | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class PhotoInput:
    """A file to import: its name as the user's system gave it, and its bytes."""

    name: str
    data: bytes


# -- names, sizes, pictures (pure) ------------------------------------------------------


def safe_name(name: str, max_bytes: int = NAME_MAX_BYTES) -> str:
    """A file name fit to show and to save under: no folders, no control characters.

    "../../etc/passwd" -> "passwd", "C:\\x\\photo.jpg" -> "photo.jpg", NUL and bidi
    controls dropped, Windows device names prefixed, at most `max_bytes` UTF-8 bytes
    with the extension kept. Stored bytes never depend on the name (they are stored by
    hash), so the name only matters for display and for "save a copy".
    """
    text = unicodedata.normalize("NFC", str(name))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = re.sub(r"[\t\n\r\v\f]+", " ", text)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
    )
    text = re.sub(r'[<>:"|?*]', "_", text)
    text = " ".join(text.split()).strip(" .")
    if _WINDOWS_RESERVED.match(text):
        text = "_" + text
    if not text:
        text = "evidence"
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext) > 10:
        stem, ext = text, ""
    suffix = f".{ext}" if ext else ""
    budget = max(1, max_bytes - len(suffix.encode("utf-8")))
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        stem = encoded[:budget].decode("utf-8", errors="ignore").rstrip(" .") or "evidence"
    return stem + suffix


def _megabytes(size: int) -> float:
    return size / (1024 * 1024)


def check_size(name: str, size: int, limit: int = MAX_BYTES) -> None:
    """Refuse an empty or too large file with a message that names the limit."""
    shown = safe_name(name)
    if size <= 0:
        raise InvalidInput(
            "'{name}' is empty (0 bytes): there is nothing to keep as evidence.", name=shown
        )
    if size > limit:
        raise EvidenceTooLarge(
            "'{name}' is {size:.1f} MB; an evidence file may be at most "
            "{limit_mb:.1f} MB ({limit:,} bytes). Take the photo at a lower resolution "
            "or scan fewer pages per file.",
            name=shown,
            size=_megabytes(size),
            limit_mb=_megabytes(limit),
            limit=limit,
        )


def _open_image(data: bytes):  # type: ignore[no-untyped-def]
    """The picture in `data`, or None when it is not one Pillow can read."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            image.size  # noqa: B018 - reading the header is the check
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            return None
        except Image.DecompressionBombWarning:
            return None
    if image.width * image.height > MAX_PIXELS:
        return None
    return image


def _parse_exif_time(raw: object, offset: object, zone: str) -> datetime | None:
    if isinstance(raw, bytes):
        raw = raw.decode("ascii", errors="ignore")
    if not isinstance(raw, str):
        return None
    text = raw.strip().strip("\x00").strip()
    match = re.match(r"^(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})", text)
    if match is None:
        return None
    try:
        y, mo, d, h, mi, sec = (int(g) for g in match.groups())
        naive = datetime(y, mo, d, h, mi, sec)  # noqa: DTZ001 - the zone is set below
    except ValueError:  # "0000:00:00 00:00:00" from a camera whose clock was never set
        return None
    tz: timezone | ZoneInfo = ZoneInfo(zone)
    if isinstance(offset, bytes):
        offset = offset.decode("ascii", errors="ignore")
    if isinstance(offset, str):
        m = re.match(r"^\s*([+-])(\d{2}):(\d{2})", offset)
        if m:
            delta = timedelta(hours=int(m[2]), minutes=int(m[3]))
            tz = timezone(-delta if m[1] == "-" else delta)
    return naive.replace(tzinfo=tz).astimezone(UTC)


def exif_capture_time(data: bytes, zone: str = "Asia/Shanghai") -> datetime | None:
    """When the photo was taken, from its EXIF (DateTimeOriginal, else DateTime).

    Cameras write local wall time; the EXIF offset is used when present, else `zone`
    (the fair's time zone: the inspector's camera is set to local time). None when the
    file has no usable date.
    """
    image = _open_image(data)
    if image is None:
        return None
    try:
        exif = image.getexif()
        ifd = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001 - broken EXIF is common and never fatal
        return None
    for raw, offset in (
        (ifd.get(_DATETIME_ORIGINAL), ifd.get(_OFFSET_ORIGINAL)),
        (ifd.get(_DATETIME_DIGITIZED), ifd.get(_OFFSET_ORIGINAL)),
        (exif.get(_DATETIME), ifd.get(_OFFSET)),
    ):
        moment = _parse_exif_time(raw, offset, zone)
        if moment is not None:
            return moment
    return None


def reduce_image(data: bytes, edge: int = REDUCED_EDGE) -> bytes | None:
    """A JPEG copy for screens and PDFs: upright, at most `edge` pixels, no metadata."""
    from PIL import Image, ImageOps

    image = _open_image(data)
    if image is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # odd EXIF tags in otherwise good photos
            image = ImageOps.exif_transpose(image)
            image.thumbnail((edge, edge), Image.Resampling.LANCZOS)
            if image.mode not in ("RGB", "L"):
                rgba = image.convert("RGBA")
                background = Image.new("RGB", rgba.size, "white")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            out = io.BytesIO()
            image.save(out, "JPEG", quality=REDUCED_QUALITY, optimize=True)
    except (OSError, ValueError, SyntaxError):  # truncated or damaged picture data
        return None
    return out.getvalue()


def sniff_mime(data: bytes, name: str) -> str:
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    image = _open_image(data)
    if image is not None and image.format:
        from PIL import Image

        return Image.MIME.get(image.format, f"image/{image.format.lower()}")
    guessed, _ = mimetypes.guess_type(safe_name(name))
    if guessed and not guessed.startswith("image/"):  # a non-decodable "photo" is not one
        return guessed
    return "application/octet-stream"


def read_photo(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> PhotoInput:
    """Read a file chosen or dropped by the user, refusing a too large one before reading."""
    file = Path(path)
    if file.is_dir():
        raise InvalidInput("'{name}' is a folder, not a photo or scan.", name=safe_name(file.name))
    try:
        check_size(file.name, file.stat().st_size, limit)
        return PhotoInput(file.name, file.read_bytes())
    except IsADirectoryError:
        raise InvalidInput(
            "'{name}' is a folder, not a photo or scan.", name=safe_name(file.name)
        ) from None
    except OSError as exc:
        raise InvalidInput(
            "Cannot read '{file}': {reason}.", file=str(file), reason=exc.strerror or str(exc)
        ) from None


# -- where the bytes live ----------------------------------------------------------------


class _FileStore:
    """Content-addressed files beside the SQLite database."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha: str, kind: str) -> Path:
        if kind == "original":
            return self.root / sha[:2] / sha[2:]
        return self.root / "reduced" / sha[:2] / f"{sha[2:]}.jpg"

    def where(self, sha: str, kind: str = "original") -> str:
        return str(self.path(sha, kind))

    def put(self, session: Session, sha: str, kind: str, data: bytes) -> None:
        target = self.path(sha, kind)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise EvidenceProblem(
                "Cannot save the evidence file in {folder}: {reason}. "
                "Nothing was recorded; free some space or fix the folder and try again.",
                folder=str(target.parent),
                reason=exc.strerror or str(exc),
            ) from exc

    def get(self, session: Session, sha: str, kind: str) -> bytes | None:
        try:
            return self.path(sha, kind).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise EvidenceMissing(
                "The evidence file {where} cannot be read: {reason}.",
                where=self.where(sha, kind),
                reason=exc.strerror or str(exc),
            ) from exc


class _BlobStore:
    """The evidence_blobs table on the shared PostgreSQL server."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def where(self, sha: str, kind: str = "original") -> str:
        return f"the evidence_blobs table of the database server ({kind} {sha[:12]}…)"

    def put(self, session: Session, sha: str, kind: str, data: bytes) -> None:
        session.execute(
            pg_insert(EvidenceBlob)
            .values(sha256=sha, kind=kind, size=len(data), data=data)
            .on_conflict_do_update(
                index_elements=["sha256", "kind"], set_={"data": data, "size": len(data)}
            )
        )

    def get(self, session: Session, sha: str, kind: str) -> bytes | None:
        data = session.scalar(
            select(EvidenceBlob.data).where(EvidenceBlob.sha256 == sha, EvidenceBlob.kind == kind)
        )
        return bytes(data) if data is not None else None


def evidence_root(db: Database) -> Path:
    """The evidence folder of an SQLite database: beside the database file."""
    name = db.engine.url.database
    if name and name != ":memory:":
        return Path(name).expanduser().resolve().parent / "evidence"
    return data_dir() / "evidence"


def _store(db: Database) -> _FileStore | _BlobStore:
    return _FileStore(evidence_root(db)) if db.is_sqlite else _BlobStore(db)


# -- importing ---------------------------------------------------------------------------


def _require_attach(ctx: Context) -> None:
    if ctx.actor.role not in ATTACH_ROLES:
        raise PermissionDenied(
            "Only desk and inspector staff may add evidence; you are signed in as {role}.",
            role=ctx.actor.role.value,
        )


def info_of(row: EvidenceFile, who: str = "") -> EvidenceInfo:
    return EvidenceInfo(
        row.id,
        row.sha256,
        row.size,
        row.mime,
        row.original_name,
        row.captured_at,
        row.imported_at,
        who,
    )


def _verified(data: bytes | None, sha: str) -> bool:
    return data is not None and hashlib.sha256(data).hexdigest() == sha


def store(
    session: Session,
    ctx: Context,
    data: bytes,
    name: str,
    *,
    zone: str = "Asia/Shanghai",
    captured_at: datetime | None = None,
    limit: int = MAX_BYTES,
) -> EvidenceFile:
    """Keep `data` as evidence inside the caller's transaction; the same bytes twice are
    stored once (the existing row is returned, its stored copy repaired if it went bad)."""
    check_size(name, len(data), limit)
    sha = hashlib.sha256(data).hexdigest()
    backend = _store(ctx.db)
    existing = session.scalar(select(EvidenceFile).where(EvidenceFile.sha256 == sha))
    if existing is not None:
        if not _verified(backend.get(session, sha, "original"), sha):
            backend.put(session, sha, "original", data)
        return existing
    mime = sniff_mime(data, name)
    backend.put(session, sha, "original", data)
    reduced = reduce_image(data) if mime.startswith("image/") else None
    if reduced is not None:
        backend.put(session, sha, "reduced", reduced)
    row = EvidenceFile(
        sha256=sha,
        size=len(data),
        mime=mime,
        original_name=safe_name(name),
        captured_at=exif_capture_time(data, zone) if mime.startswith("image/") else None,
        imported_at=ctx.now(),
        captured_by=ctx.actor.user_id,
    )
    if row.captured_at is None:
        row.captured_at = captured_at
    try:
        with session.begin_nested():  # another desk may import the same bytes right now
            session.add(row)
            session.flush()
    except IntegrityError:
        return session.scalars(select(EvidenceFile).where(EvidenceFile.sha256 == sha)).one()
    audit.record(
        session,
        ctx,
        "evidence.import",
        "evidence",
        row.id,
        after={
            "sha256": sha,
            "name": row.original_name,
            "size": row.size,
            "mime": mime,
            "captured_at": row.captured_at,
            **paper_state.paper_of(row),
        },
    )
    return row


def link(
    session: Session,
    ctx: Context,
    evidence: EvidenceFile,
    owner_type: str,
    owner_id: int,
    purpose: str = "",
    caption: str = "",
) -> EvidenceLink:
    """Attach stored evidence to an owner, once per owner and purpose."""
    if owner_type not in OWNER_TYPES:
        raise InvalidInput(
            "Evidence cannot be attached to a '{owner_type}'; use one of {owner_types}.",
            owner_type=owner_type,
            owner_types=OWNER_TYPES,
        )
    if purpose not in PURPOSES:
        raise InvalidInput(
            "'{purpose}' is not a purpose of evidence; use one of {purposes} or none.",
            purpose=purpose,
            purposes=tuple(p for p in PURPOSES if p),
        )
    found = session.scalar(
        select(EvidenceLink).where(
            EvidenceLink.evidence_id == evidence.id,
            EvidenceLink.owner_type == owner_type,
            EvidenceLink.owner_id == owner_id,
            EvidenceLink.purpose == purpose,
        )
    )
    if found is not None:
        return found
    row = EvidenceLink(
        evidence_id=evidence.id,
        owner_type=owner_type,
        owner_id=owner_id,
        purpose=purpose,
        caption=caption.strip()[:300],
    )
    session.add(row)
    session.flush()
    # Born with its event: a link planted, deleted or re-captioned behind the app's back
    # shows in `audit verify` (an evidence package prints what it says).
    fair_id, complaint_id, case_id = _ids_of_owner(session, owner_type, owner_id)
    audit.record(
        session,
        ctx,
        "evidence_link.add",
        "evidence_link",
        row.id,
        after=paper_state.paper_of(row),
        fair_id=fair_id,
        complaint_id=complaint_id,
        case_id=case_id,
    )
    return row


def _ids_of_owner(
    session: Session, owner_type: str, owner_id: int
) -> tuple[int | None, int | None, int | None]:
    """The fair, complaint and case an owner belongs to, for the link's event: issuing a
    paper finds its case's links by them."""
    if owner_type == "complaint":
        complaint = session.get(Complaint, owner_id)
        return (complaint.fair_id if complaint else None), owner_id, None
    owner = session.get(_OWNER_MODELS[owner_type], owner_id)
    case_id = owner_id if owner_type == "case" else getattr(owner, "case_id", None)
    case = session.get(RespondentCase, case_id) if case_id is not None else None
    if case is None:
        return None, None, None
    return case.fair_id, case.complaint_id, case.id


_OWNER_MODELS = {
    "complaint": Complaint,
    "case": RespondentCase,
    "exhibit": AccusedExhibit,
    "measure": Measure,
    "visit": BoothVisit,
}


def _owner_id(session: Session, owner_type: str, owner: str | int) -> int:
    """An owner given by id, or a complaint/case by its number, or a visit by its uid."""
    model = _OWNER_MODELS.get(owner_type)
    if model is None:
        raise InvalidInput(
            "Evidence cannot be attached to a '{owner_type}'; use one of {owner_types}.",
            owner_type=owner_type,
            owner_types=OWNER_TYPES,
        )
    found: int | None
    if isinstance(owner, int):
        found = owner if session.get(model, owner) is not None else None
    elif owner_type in ("complaint", "case"):
        col = Complaint.number if owner_type == "complaint" else RespondentCase.number
        found = session.scalar(select(model.id).where(col == owner.strip()))  # type: ignore[attr-defined]
    elif owner_type == "visit":
        found = session.scalar(select(BoothVisit.id).where(BoothVisit.uid == owner.strip()))
    else:
        found = int(owner) if owner.strip().isdigit() else None
        if found is not None and session.get(model, found) is None:
            found = None
    if found is None:
        raise NotFound(
            "There is no {owner_type} '{owner}' to attach evidence to.",
            owner_type=owner_type,
            owner=owner,
        )
    return found


def import_file(
    ctx: Context,
    photo: PhotoInput,
    *,
    owner_type: str = "",
    owner: str | int = "",
    purpose: str = "",
    caption: str = "",
    zone: str = "Asia/Shanghai",
) -> EvidenceInfo:
    """Import one file as evidence, attached to an owner when one is named
    (`owner_type="case", owner="CIIE2026-0001-1", purpose="before"`)."""
    _require_attach(ctx)
    with ctx.db.writing() as session:
        row = store(session, ctx, photo.data, photo.name, zone=zone)
        if owner_type:
            owner_id = _owner_id(session, owner_type, owner)
            link(session, ctx, row, owner_type, owner_id, purpose, caption)
            audit.record(
                session,
                ctx,
                "evidence.link",
                "evidence",
                row.id,
                after={"owner": owner_type, "owner_id": owner_id, "purpose": purpose},
            )
        return info_of(row, ctx.actor.username)


# -- reading and checking ----------------------------------------------------------------


def _sha(sha256: str) -> str:
    sha = str(sha256).strip().lower()
    if not _SHA.match(sha):
        raise InvalidInput(
            "'{sha256}' is not a SHA-256 (64 hexadecimal characters).", sha256=sha256
        )
    return sha


def evidence_row(session: Session, sha: str) -> EvidenceFile:
    row = session.scalar(select(EvidenceFile).where(EvidenceFile.sha256 == sha))
    if row is None:
        raise NotFound("No evidence file with SHA-256 {sha}… is registered.", sha=sha[:12])
    return row


def _checked_original(session: Session, db: Database, row: EvidenceFile) -> bytes:
    """The original bytes of `row`, checked against their hash; EvidenceMissing or
    EvidenceCorrupt (messages fit to show) when they cannot be given back as imported."""
    backend = _store(db)
    label = f"'{row.original_name}' ({row.sha256[:12]}…)"
    data = backend.get(session, row.sha256, "original")  # EvidenceMissing when unreadable
    if data is None:
        raise EvidenceMissing(
            "Evidence file {label} is missing from {where}. Restore "
            "the evidence from a backup or import the original again.",
            label=label,
            where=backend.where(row.sha256),
        )
    if not _verified(data, row.sha256):
        raise EvidenceCorrupt(
            "Evidence file {label} is damaged: its content no longer matches the SHA-256 "
            "recorded at import ({where}). Do not rely on it; restore "
            "it from a backup or import the original again.",
            label=label,
            where=backend.where(row.sha256),
        )
    return data


def _check(session: Session, db: Database, row: EvidenceFile) -> tuple[EvidenceCheck, bytes | None]:
    try:
        data = _checked_original(session, db, row)
    except EvidenceProblem as exc:
        status = "corrupt" if isinstance(exc, EvidenceCorrupt) else "missing"
        return EvidenceCheck(row.sha256, row.original_name, status, str(exc), exc), None
    label = f"'{row.original_name}' ({row.sha256[:12]}…)"
    return EvidenceCheck(row.sha256, row.original_name, "ok", f"{label} is intact."), data


def read_evidence(ctx: Context, sha256: str) -> bytes:
    """The original bytes, checked against their hash; EvidenceMissing/EvidenceCorrupt
    (messages fit to show) when they cannot be given back as imported."""
    ctx.require(Permission.VIEW)
    sha = _sha(sha256)
    with ctx.db.reading() as session:
        return _checked_original(session, ctx.db, evidence_row(session, sha))


def reduced_copy(ctx: Context, sha256: str) -> bytes | None:
    """The screen/PDF copy of a picture (None for a PDF or other non-picture file).

    Remade from the checked original when missing or unreadable; an original that fails
    its check raises as `read_evidence` does.
    """
    ctx.require(Permission.VIEW)
    sha = _sha(sha256)
    backend = _store(ctx.db)
    with ctx.db.reading() as session:
        row = evidence_row(session, sha)
        if not row.mime.startswith("image/"):
            return None
        cached = backend.get(session, sha, "reduced")
    if cached is not None and _open_image(cached) is not None:
        return cached
    reduced = reduce_image(read_evidence(ctx, sha))
    if reduced is not None:
        try:
            with ctx.db.writing() as session:
                backend.put(session, sha, "reduced", reduced)
        except FairDeskError:
            pass  # a read-only desk still shows the copy it just made
    return reduced


def check_evidence(ctx: Context, sha256: str) -> EvidenceCheck:
    """Whether one evidence file is intact, never raising for a missing or bad file."""
    ctx.require(Permission.VIEW)
    sha = _sha(sha256)
    with ctx.db.reading() as session:
        return _check(session, ctx.db, evidence_row(session, sha))[0]


def check_all(
    ctx: Context,
    *,
    batch: int = 200,
    progress: Callable[[int, int], None] | None = None,
) -> list[EvidenceCheck]:
    """Check every stored evidence file; return the problems (an empty list: all intact).

    `progress(done, total)` is called after each batch (a screen's progress bar; it may
    raise to stop the check)."""
    ctx.require(Permission.VERIFY_AUDIT)
    problems: list[EvidenceCheck] = []
    last = 0
    done = 0
    with ctx.db.reading() as session:
        total = session.scalar(select(func.count()).select_from(EvidenceFile)) or 0
        while True:
            rows = session.scalars(
                select(EvidenceFile)
                .where(EvidenceFile.id > last)
                .order_by(EvidenceFile.id)
                .limit(batch)
            ).all()
            if not rows:
                return problems
            for row in rows:
                result = _check(session, ctx.db, row)[0]
                if not result.ok:
                    problems.append(result)
                last = row.id
            done += len(rows)
            session.expunge_all()
            if progress is not None:
                progress(done, total)


def export_copy(ctx: Context, sha256: str, folder: Path) -> Path:
    """Save a checked copy of an evidence file into `folder` under its (safe) name."""
    data = read_evidence(ctx, sha256)
    with ctx.db.reading() as session:
        name = evidence_row(session, _sha(sha256)).original_name
    root = Path(folder).resolve()
    stem, dot, ext = safe_name(name).rpartition(".")
    if not dot:
        stem, ext = safe_name(name), ""
    candidate = root / safe_name(name)
    n = 2
    while candidate.exists():
        candidate = root / (f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})")
        n += 1
    if candidate.resolve().parent != root:  # cannot happen with safe_name; belt and braces
        raise InvalidInput("Refusing to write outside {folder}.", folder=str(root))
    try:
        root.mkdir(parents=True, exist_ok=True)
        candidate.write_bytes(data)
    except OSError as exc:
        raise InvalidInput(
            "Cannot write {file}: {reason}.", file=str(candidate), reason=exc.strerror or str(exc)
        ) from None
    return candidate


def _linked(session: Session, owners: Iterable[tuple[str, int]]) -> list[LinkedEvidence]:
    out: list[LinkedEvidence] = []
    for owner_type, owner_id in owners:
        rows = session.execute(
            select(EvidenceLink, EvidenceFile, User.username)
            .join(EvidenceFile, EvidenceFile.id == EvidenceLink.evidence_id)
            .outerjoin(User, User.id == EvidenceFile.captured_by)
            .where(EvidenceLink.owner_type == owner_type, EvidenceLink.owner_id == owner_id)
            .order_by(EvidenceLink.id)
        ).all()
        out.extend(
            LinkedEvidence(
                info_of(ev, who or ""), lk.owner_type, lk.owner_id, lk.purpose, lk.caption
            )
            for lk, ev, who in rows
        )
    return out


def linked_evidence(session: Session, owners: Iterable[tuple[str, int]]) -> list[LinkedEvidence]:
    """Evidence attached to the given (owner type, id) pairs, in attaching order."""
    return _linked(session, owners)


def evidence_of(ctx: Context, owner_type: str, owner: str | int) -> list[LinkedEvidence]:
    """Evidence attached to one owner (a case or complaint by number, a visit by uid...)."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        return _linked(session, [(owner_type, _owner_id(session, owner_type, owner))])
