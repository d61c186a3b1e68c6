"""The database tables (SQLAlchemy 2 declarative).

Enumerated values are stored as plain strings (the values of `fairdesk.domain.enums`), so
the schema does not need a migration when a code is added. Every editable table has a
`version` column: SQLAlchemy refuses a stale update, which is how two desks are kept
from overwriting each other.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fairdesk.db.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Fair(Base):
    __tablename__ = "fairs"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    edition: Mapped[int | None]
    venue: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    opening_time: Mapped[time] = mapped_column(Time)
    closing_time: Mapped[time] = mapped_column(Time)
    # {"2026-11-10": "09:00-15:00"} or {"2026-11-08": null} for a closed day
    day_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    halls: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"halls": ["1.1", ...]}
    # The on-site service center: printed on every document (letterhead).
    center_address: Mapped[str] = mapped_column(String(300), default="")
    center_phone: Mapped[str] = mapped_column(String(100), default="")
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)  # RuleSet.to_dict()
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Counter(Base):
    """Gap-free numbering: one row per fair and series, incremented inside the
    transaction that uses the number, so a rollback gives the number back."""

    __tablename__ = "counters"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), primary_key=True)
    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Exhibitor(Base):
    __tablename__ = "exhibitors"
    __table_args__ = (UniqueConstraint("fair_id", "identity", name="uq_exhibitors_fair_identity"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    identity: Mapped[str] = mapped_column(String(600))  # credit code or normalised names
    name_key: Mapped[str] = mapped_column(
        String(600), index=True
    )  # normalised name, for the watch list
    name_zh: Mapped[str] = mapped_column(String(500), default="")
    name_en: Mapped[str] = mapped_column(String(500), default="")
    credit_code: Mapped[str] = mapped_column(String(64), default="", index=True)
    country: Mapped[str] = mapped_column(String(100), default="")
    country_en: Mapped[str] = mapped_column(String(100), default="")
    area: Mapped[str] = mapped_column(String(200), default="")
    area_en: Mapped[str] = mapped_column(String(200), default="")
    delegation: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    ip_commitment_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    booths: Mapped[list[Booth]] = relationship(
        back_populates="exhibitor", cascade="all, delete-orphan", order_by="Booth.id"
    )
    __mapper_args__ = {"version_id_col": version}


class Booth(Base):
    __tablename__ = "booths"
    __table_args__ = (
        UniqueConstraint("exhibitor_id", "booth_no", name="uq_booths_exhibitor_booth"),
        Index("ix_booths_fair_booth", "fair_id", "booth_no"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    exhibitor_id: Mapped[int] = mapped_column(ForeignKey("exhibitors.id", ondelete="CASCADE"))
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"))
    hall: Mapped[str] = mapped_column(String(20), default="")
    booth_no: Mapped[str] = mapped_column(String(40))  # normalised
    exhibitor: Mapped[Exhibitor] = relationship(back_populates="booths")


class Party(Base):
    """A complainant or an agent: a person or a company."""

    __tablename__ = "parties"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="company")  # company | person
    name: Mapped[str] = mapped_column(String(500))
    name_en: Mapped[str] = mapped_column(String(500), default="")
    name_key: Mapped[str] = mapped_column(String(600), index=True)
    id_doc_type: Mapped[str] = mapped_column(String(50), default="")
    id_doc_no: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class IPRight(Base):
    """The rights register, reused across complaints and editions."""

    __tablename__ = "ip_rights"
    __table_args__ = (
        UniqueConstraint("ip_type", "number", "jurisdiction", name="uq_ip_rights_type_number"),
        Index("ix_ip_rights_number", "number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    ip_type: Mapped[str] = mapped_column(String(30))
    number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500), default="")
    holder: Mapped[str] = mapped_column(String(500), default="")
    jurisdiction: Mapped[str] = mapped_column(String(10), default="CN")
    # Why it is valid in China (ProtectionBasis), and a Madrid registration's number.
    basis: Mapped[str] = mapped_column(String(30), default="")
    ir_number: Mapped[str] = mapped_column(String(40), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status_checked_at: Mapped[datetime | None]
    licence_type: Mapped[str] = mapped_column(String(20), default="owner")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


complaint_rights = Table(
    "complaint_rights",
    Base.metadata,
    Column("complaint_id", ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True),
    Column("right_id", ForeignKey("ip_rights.id"), primary_key=True, index=True),
    # Why the desk did not accept this right of an accepted complaint (a RejectReason
    # code); empty: the complaint relies on it.
    Column("refused_reason", String(40), nullable=False, default="", server_default=""),
)


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_fair_state", "fair_id", "state"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="ip")
    channel: Mapped[str] = mapped_column(String(20), default="desk")
    state: Mapped[str] = mapped_column(String(30))
    complainant_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    commitment_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    materials: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # checklist ticks
    summary: Mapped[str] = mapped_column(Text, default="")
    dispute_type: Mapped[str] = mapped_column(String(30), default="")  # commercial only
    reject_reason: Mapped[str] = mapped_column(String(40), default="")
    authority: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    transferred_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    complainant: Mapped[Party] = relationship(foreign_keys=[complainant_id])
    agent: Mapped[Party | None] = relationship(foreign_keys=[agent_id])
    rights: Mapped[list[IPRight]] = relationship(secondary=complaint_rights)
    cases: Mapped[list[RespondentCase]] = relationship(
        back_populates="complaint", order_by="RespondentCase.seq"
    )
    __mapper_args__ = {"version_id_col": version}


class RespondentCase(Base):
    __tablename__ = "respondent_cases"
    __table_args__ = (
        UniqueConstraint("complaint_id", "seq", name="uq_respondent_cases_complaint_seq"),
        Index("ix_respondent_cases_fair_state", "fair_id", "state"),
        Index("ix_respondent_cases_fair_booth", "fair_id", "booth_no"),
        Index("ix_respondent_cases_fair_updated", "fair_id", "updated_at"),
        Index("ix_respondent_cases_fair_next_due", "fair_id", "next_due_at"),
        Index("ix_respondent_cases_fair_number", "fair_id", "number"),  # the list's order
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"))  # copied for list queries
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    exhibitor_id: Mapped[int] = mapped_column(ForeignKey("exhibitors.id"), index=True)
    booth_no: Mapped[str] = mapped_column(String(40), default="")
    hall: Mapped[str] = mapped_column(String(20), default="")
    state: Mapped[str] = mapped_column(String(30))
    defence_summary: Mapped[str] = mapped_column(Text, default="")
    decision_trigger: Mapped[str] = mapped_column(String(40), default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    authority: Mapped[str] = mapped_column(String(200), default="")
    notified_at: Mapped[datetime | None]
    # When and how the notice reached the respondent: the defence period runs from then.
    served_at: Mapped[datetime | None]
    service_manner: Mapped[str] = mapped_column(String(30), default="")
    decided_at: Mapped[datetime | None]
    # What a decision taken at once rests on: {"body", "number", "date"} or {"admission"}.
    decision_basis: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    decided_by_organ: Mapped[str] = mapped_column(String(200), default="")
    decided_by_officer: Mapped[str] = mapped_column(String(100), default="")
    referral_kind: Mapped[str] = mapped_column(String(30), default="")
    authority_result: Mapped[str] = mapped_column(Text, default="")
    authority_result_on: Mapped[date | None]
    closed_at: Mapped[datetime | None]
    # Lower-cased text of every searchable field (numbers, names zh/en, booth, rights),
    # so the desk's search-as-you-type is one indexed-table scan, not a five-way join.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # The earliest running deadline of the case or its complaint, kept by the clock
    # service, so "overdue" and "due within N hours" filter and sort on one index.
    next_due_at: Mapped[datetime | None]
    next_due_kind: Mapped[str] = mapped_column(String(20), default="")
    decide_before_close: Mapped[bool] = mapped_column(Boolean, default=False)
    # The desk user who handles the case (bulk "Assign to…"); None until assigned.
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    complaint: Mapped[Complaint] = relationship(back_populates="cases")
    exhibitor: Mapped[Exhibitor] = relationship()
    exhibits: Mapped[list[AccusedExhibit]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="AccusedExhibit.id"
    )
    measures: Mapped[list[Measure]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Measure.id"
    )
    __mapper_args__ = {"version_id_col": version}


# The right(s) of its complaint an accused exhibit is accused under (a decision says
# which right each exhibit infringes).
exhibit_rights = Table(
    "exhibit_rights",
    Base.metadata,
    Column("exhibit_id", ForeignKey("accused_exhibits.id", ondelete="CASCADE"), primary_key=True),
    Column("right_id", ForeignKey("ip_rights.id"), primary_key=True, index=True),
)


class AccusedExhibit(Base):
    __tablename__ = "accused_exhibits"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("respondent_cases.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    model: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[RespondentCase] = relationship(back_populates="exhibits")
    rights: Mapped[list[IPRight]] = relationship(secondary=exhibit_rights, order_by="IPRight.id")


class Measure(Base):
    __tablename__ = "measures"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("respondent_cases.id", ondelete="CASCADE"), index=True
    )
    measure_type: Mapped[str] = mapped_column(String(30))
    ordered_at: Mapped[datetime]
    due_at: Mapped[datetime | None]
    undertaking_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    storage_place: Mapped[str] = mapped_column(String(200), default="")
    returned_at: Mapped[datetime | None]
    recheck_result: Mapped[str] = mapped_column(String(20), default="")
    rechecked_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    case: Mapped[RespondentCase] = relationship(back_populates="measures")
    __mapper_args__ = {"version_id_col": version}


class ClockEventRow(Base):
    """Start/pause/resume/stop of a deadline clock; clock state is computed from these."""

    __tablename__ = "clock_events"
    __table_args__ = (
        Index("ix_clock_events_case", "case_id", "kind"),
        Index("ix_clock_events_complaint", "complaint_id", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("respondent_cases.id"))
    kind: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10))
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ClockDue(Base):
    """Cached due time of each running clock, refreshed on every clock event, so
    "what is due in the next N hours" is one indexed query at 100,000 cases."""

    __tablename__ = "clock_due"
    __table_args__ = (Index("ix_clock_due_fair_due", "fair_id", "status", "due_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"))
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("respondent_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime | None]
    capped_at_close: Mapped[bool] = mapped_column(Boolean, default=False)


class PatrolRound(Base):
    __tablename__ = "patrol_rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)  # made on the laptop
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    hall: Mapped[str] = mapped_column(String(20))
    inspector_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class BoothVisit(Base):
    __tablename__ = "booth_visits"
    __table_args__ = (Index("ix_booth_visits_fair_booth", "fair_id", "booth_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("patrol_rounds.id"), index=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"))
    booth_no: Mapped[str] = mapped_column(String(40))
    exhibitor_id: Mapped[int | None] = mapped_column(ForeignKey("exhibitors.id"))
    finding: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    visited_at: Mapped[datetime]
    case_id: Mapped[int | None] = mapped_column(ForeignKey("respondent_cases.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Consultation(Base):
    __tablename__ = "consultations"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    at: Mapped[datetime]
    topic: Mapped[str] = mapped_column(String(100))
    nationality: Mapped[str] = mapped_column(String(100), default="")
    language: Mapped[str] = mapped_column(String(30), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EvidenceFile(Base):
    """A photo or scan, stored once by content hash."""

    __tablename__ = "evidence_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    mime: Mapped[str] = mapped_column(String(100), default="")
    original_name: Mapped[str] = mapped_column(String(300), default="")
    captured_at: Mapped[datetime | None]
    imported_at: Mapped[datetime]
    captured_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EvidenceLink(Base):
    """Attaches one evidence file to a complaint, case, exhibit, measure or visit."""

    __tablename__ = "evidence_links"
    __table_args__ = (
        Index("ix_evidence_links_owner", "owner_type", "owner_id"),
        UniqueConstraint(
            "evidence_id", "owner_type", "owner_id", "purpose", name="uq_evidence_links_once"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id"), index=True)
    owner_type: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(String(30), default="")  # e.g. before / after


class IssuedDocument(Base):
    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("respondent_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(48), unique=True)
    issued_at: Mapped[datetime]
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(200), default="")
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    # The key content the signature covers (parties, decision, dates), kept so that a
    # scanned QR can be answered with what the genuine document says.
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    payload: Mapped[str] = mapped_column(Text, default="")  # what the QR code holds
    key_id: Mapped[str] = mapped_column(String(16), default="")
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    # The PDF as issued. A reprint hands back these bytes (checked against content_hash),
    # so a paper issued before a change of wording or fonts still reprints as it was.
    # Deferred: lists of documents never load it. None on documents issued before 0019.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


# SigningKey.kind: the installation's root, a user's own key, a demo key, a plain old key
ROOT_KEY, USER_KEY, DEMO_KEY, LEGACY_KEY = "root", "user", "demo", "legacy"


class SigningKey(Base):
    """Ed25519 public keys: the installation's root, each desk user's own key (certified
    by the root), a demo database's marked demo key, and the plain keys of before
    (kind "legacy", public half only: they verify what they signed and sign no more).

    No private half is stored here: it lives wrapped under a password in key_wraps.
    """

    __tablename__ = "signing_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)  # short fingerprint
    fair_id: Mapped[int | None] = mapped_column(ForeignKey("fairs.id"), index=True)
    algorithm: Mapped[str] = mapped_column(String(20), default="ed25519")
    public_key: Mapped[str] = mapped_column(Text)  # base64 of the raw 32 bytes
    created_at: Mapped[datetime]
    retired_at: Mapped[datetime | None]
    kind: Mapped[str] = mapped_column(String(10), default="user")  # root|user|demo|legacy
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    certificate: Mapped[str] = mapped_column(Text, default="")  # root's signature, base64url
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(Text, default="")


class KeyWrap(Base):
    """A private key sealed under one person's password (argon2id + AES-GCM): a user key
    has its owner's wrap, the root one wrap per administrator."""

    __tablename__ = "key_wraps"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    wrapped: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class EvidenceBlob(Base):
    """The bytes of one evidence file (kind "original") or of its reduced copy ("reduced"),
    kept in the database when it is PostgreSQL so every desk and laptop on one server
    reads the same photos (on SQLite they are files beside the database).

    Keyed by the SHA-256 of the original, as `evidence_files.sha256`; the original's
    bytes are checked against that hash whenever they are read.
    """

    __tablename__ = "evidence_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # original | reduced
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEvent(Base):
    """Append-only trail of every change, chained by hashes (each row's hash covers
    the previous row's hash), so an edit behind the app's back is detectable."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_case", "case_id", "id"),
        Index("ix_audit_events_complaint", "complaint_id", "id"),
        Index("ix_audit_events_entity", "entity_type", "entity_id", "id"),  # one record's
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    fair_id: Mapped[int | None]
    complaint_id: Mapped[int | None]
    case_id: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Handoff(Base):
    """What left FairDesk for a public system: a credit list, a referral package to an
    authority, an evidence package for deposit; when, to whom, by whom, and the SHA-256
    of what was sent, so a recipient's copy can be matched to the case."""

    __tablename__ = "handoffs"
    __table_args__ = (Index("ix_handoffs_case", "case_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("respondent_cases.id"))
    kind: Mapped[str] = mapped_column(String(20))  # credit | referral | evidence
    destination: Mapped[str] = mapped_column(String(40), default="")  # an authority kind
    recipient: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime]
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    package_sha256: Mapped[str] = mapped_column(String(64), default="")
    items: Mapped[int] = mapped_column(Integer, default=0)
    key_id: Mapped[str] = mapped_column(String(16), default="")
