"""When a complaint's materials were complete: the moment the 24 h transfer period counts
from (2006 Measures Art 11: 收到投诉材料后24小时内), not the desk's acceptance click.

With no supplement round it is when the complaint was received; after one, the last time
materials were recorded as received (acceptance needs them complete, so the last arrival
is the one that completed them). The acceptance receipt's deadline (the transfer clock)
and the statistics' "transferred on time" both count from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fairdesk.db.models import AuditEvent, Complaint
from fairdesk.domain.workflow import Entity, step

_RECEIVED = step(Entity.COMPLAINT, "record_received").audit_code


def materials_complete_times(session: Session, complaint_ids: Iterable[int]) -> dict[int, datetime]:
    """{complaint id: when its materials were complete} for the complaints given."""
    ids = list(complaint_ids)
    if not ids:
        return {}
    out: dict[int, datetime] = dict(
        session.execute(
            select(Complaint.id, Complaint.received_at).where(Complaint.id.in_(ids))
        ).all()
    )
    later = session.execute(
        select(AuditEvent.complaint_id, func.max(AuditEvent.at))
        .where(AuditEvent.complaint_id.in_(ids), AuditEvent.action == _RECEIVED)
        .group_by(AuditEvent.complaint_id)
    )
    for complaint_id, at in later:
        if complaint_id in out and at is not None and at > out[complaint_id]:
            out[complaint_id] = at
    return out


def materials_complete_at(session: Session, complaint: Complaint) -> datetime:
    return materials_complete_times(session, [complaint.id]).get(
        complaint.id, complaint.received_at
    )
