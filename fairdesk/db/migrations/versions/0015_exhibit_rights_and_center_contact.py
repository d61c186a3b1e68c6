"""which rights each accused exhibit is accused under; the service center's address and phone

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

- exhibit_rights: an accused exhibit names the right(s) of its complaint it is accused
  under, so a decision can say which right each exhibit infringes. Existing exhibits of a
  complaint with a single right are linked to it (what intake now does by default).
- fairs.center_address, fairs.center_phone: where the on-site service center is and how
  to call it, printed on every document.
- fairs.rules: a fair's stored citations that named 2006 Art 7(3), which the sources do
  not state, take their preset's present text (and the preset's new keys are added).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from fairdesk.domain.rules import PRESETS

OLD_ARTICLE = "第七条第（三）项"

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _fair_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("center_address", sa.String(300), nullable=False, server_default=""),
        sa.Column("center_phone", sa.String(100), nullable=False, server_default=""),
    ]


def upgrade() -> None:
    op.create_table(
        "exhibit_rights",
        sa.Column(
            "exhibit_id",
            sa.Integer(),
            sa.ForeignKey("accused_exhibits.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("right_id", sa.Integer(), sa.ForeignKey("ip_rights.id"), primary_key=True),
    )
    op.create_index("ix_exhibit_rights_right_id", "exhibit_rights", ["right_id"])
    # Exhibits of a complaint with exactly one right are accused under that right.
    op.execute(
        """
        INSERT INTO exhibit_rights (exhibit_id, right_id)
        SELECT x.id, MIN(cr.right_id)
        FROM accused_exhibits x
        JOIN respondent_cases c ON c.id = x.case_id
        JOIN complaint_rights cr ON cr.complaint_id = c.complaint_id
        GROUP BY x.id
        HAVING COUNT(cr.right_id) = 1
        """
    )
    for column in _fair_columns():
        op.add_column("fairs", column)
    _recite(op.get_bind())


def _recite(conn: sa.Connection) -> None:
    fairs = sa.table("fairs", sa.column("id", sa.Integer), sa.column("rules", sa.JSON))
    for fair_id, rules in conn.execute(sa.select(fairs.c.id, fairs.c.rules)).all():
        data: dict[str, Any] = json.loads(rules) if isinstance(rules, str) else dict(rules or {})
        preset = PRESETS.get(str(data.get("code", "")))
        basis = dict(data.get("legal_basis") or {})
        if preset is None:
            continue
        new = {
            key: preset.legal_basis.get(key, text) if OLD_ARTICLE in text else text
            for key, text in basis.items()
        }
        new |= {k: v for k, v in preset.legal_basis.items() if k not in new}
        if new != basis:
            data["legal_basis"] = new
            conn.execute(sa.update(fairs).where(fairs.c.id == fair_id).values(rules=data))


def downgrade() -> None:
    for column in reversed(_fair_columns()):
        op.drop_column("fairs", column.name)
    op.drop_index("ix_exhibit_rights_right_id", "exhibit_rights")
    op.drop_table("exhibit_rights")
