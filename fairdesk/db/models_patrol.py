"""Tables the inspector's side needs beyond `fairdesk.db.models`, waiting for their migration.

`evidence_blobs` holds the bytes of evidence files when the database is PostgreSQL, so
every desk and laptop on one server reads the same photos; on SQLite the bytes live in
the `evidence/` folder beside the database file (see `fairdesk.services.evidence`).

The classes sit on their own metadata (`PatrolBase`) until migration 0005 creates the
table: on `Base.metadata` they would make the "models match the migrated schema" test
fail for everyone as soon as this module is imported. When the migration lands, replace
`PatrolBase` by `Base` below (one line) and drop `create_patrol_tables`.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, LargeBinary, MetaData, String
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fairdesk.db.models import NAMING, Base


class PatrolBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = Base.type_annotation_map


class EvidenceBlob(PatrolBase):
    """The bytes of one evidence file (kind "original") or of its reduced copy ("reduced").

    Keyed by the SHA-256 of the original, as `evidence_files.sha256`; the original's
    bytes are checked against that hash whenever they are read.
    """

    __tablename__ = "evidence_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # original | reduced
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


def create_patrol_tables(engine: Engine) -> None:
    """Create the tables above where they are missing (tests, until migration 0005)."""
    PatrolBase.metadata.create_all(engine)
