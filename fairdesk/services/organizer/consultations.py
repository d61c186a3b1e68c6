"""Consultations (咨询): questions answered at the desk without a case, counted by topic,
nationality and language for the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from fairdesk.db.models import Consultation
from fairdesk.domain import vocabulary
from fairdesk.domain.errors import InvalidInput
from fairdesk.domain.normalize import clean_text
from fairdesk.domain.permissions import Permission
from fairdesk.services.context import Context
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.trust import audit

# Offered in the quick-log dialog; any other short text is accepted too.
# (code, "中文 / English"): the topics a consultation is counted by, in the vocabulary's words.
TOPICS: tuple[tuple[str, str], ...] = tuple((k, w.both) for k, w in vocabulary.TOPICS.items())
LANGUAGES: tuple[tuple[str, str], ...] = tuple(
    (k, w.both) for k, w in vocabulary.CONSULTATION_LANGUAGES.items()
)
MAX_TOPIC = 100


@dataclass(frozen=True)
class ConsultationInfo:
    id: int
    fair_code: str
    at: datetime
    topic: str
    nationality: str
    language: str
    note: str


def log_consultation(
    ctx: Context,
    fair_code: str,
    topic: str,
    nationality: str = "",
    language: str = "",
    note: str = "",
) -> ConsultationInfo:
    """Count one consultation at the desk (audited)."""
    ctx.require(Permission.LOG_CONSULTATION)
    topic = clean_text(topic)
    if not topic:
        raise InvalidInput("A consultation needs its topic (e.g. patent, trademark).")
    if len(topic) > MAX_TOPIC:
        raise InvalidInput(
            "The topic is longer than {limit} characters; put details in the note.",
            limit=MAX_TOPIC,
        )
    nationality = clean_text(nationality)[:100]
    language = clean_text(language)[:30]
    note = str(note or "").strip()
    with ctx.db.writing() as session:
        fair = fair_by_code(session, fair_code)
        row = Consultation(
            fair_id=fair.id,
            at=ctx.now(),
            topic=topic,
            nationality=nationality,
            language=language,
            note=note,
            user_id=ctx.actor.user_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ctx,
            "consultation.log",
            "consultation",
            row.id,
            after={"topic": topic, "nationality": nationality, "language": language},
            fair_id=fair.id,
        )
        return ConsultationInfo(row.id, fair.code, row.at, topic, nationality, language, note)


def consultation_counts(ctx: Context, fair_code: str) -> dict[str, int]:
    """Consultations of a fair by topic."""
    ctx.require(Permission.VIEW)
    with ctx.db.reading() as session:
        fair = fair_by_code(session, fair_code)
        rows = session.execute(
            select(Consultation.topic, func.count())
            .where(Consultation.fair_id == fair.id)
            .group_by(Consultation.topic)
            .order_by(func.count().desc(), Consultation.topic)
        ).all()
        return {topic: int(n) for topic, n in rows}
