"""each respondent case carries its next deadline

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21

The desk filters and sorts by the earliest running deadline; keeping it on the case (the
clock service refreshes it) replaces an aggregate over every clock with one index.
Existing databases get the value computed from the clock_due cache.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("respondent_cases") as batch:
        batch.add_column(sa.Column("next_due_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column("next_due_kind", sa.String(20), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("decide_before_close", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_index("ix_respondent_cases_fair_next_due", ["fair_id", "next_due_at"])
    op.execute(
        """
        UPDATE respondent_cases SET next_due_at = (
            SELECT min(d.due_at) FROM clock_due d
            WHERE d.status = 'running'
              AND (d.case_id = respondent_cases.id
                   OR d.complaint_id = respondent_cases.complaint_id)
        )
        """
    )
    op.execute(
        """
        UPDATE respondent_cases SET next_due_kind = coalesce((
            SELECT min(d.kind) FROM clock_due d
            WHERE d.status = 'running' AND d.due_at = respondent_cases.next_due_at
              AND (d.case_id = respondent_cases.id
                   OR d.complaint_id = respondent_cases.complaint_id)
        ), '')
        """
    )
    op.execute(
        """
        UPDATE respondent_cases SET decide_before_close = EXISTS (
            SELECT 1 FROM clock_due d
            WHERE d.status = 'running' AND d.capped_at_close
              AND (d.case_id = respondent_cases.id
                   OR d.complaint_id = respondent_cases.complaint_id)
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("respondent_cases") as batch:
        batch.drop_index("ix_respondent_cases_fair_next_due")
        batch.drop_column("decide_before_close")
        batch.drop_column("next_due_kind")
        batch.drop_column("next_due_at")
