"""which rights each accused exhibit is accused under; the service center's address and phone

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

- exhibit_rights: an accused exhibit names the right(s) of its complaint it is accused
  under, so a decision can say which right each exhibit infringes. Existing exhibits of a
  complaint with a single right are linked to it (what intake now does by default).
- fairs.center_address, fairs.center_phone: where the on-site service center is and how
  to call it, printed on every document.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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


def downgrade() -> None:
    for column in reversed(_fair_columns()):
        op.drop_column("fairs", column.name)
    op.drop_index("ix_exhibit_rights_right_id", "exhibit_rights")
    op.drop_table("exhibit_rights")
