"""a respondent case can be assigned to a desk user

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22

Bulk "Assign to…" on the desk's list sets respondent_cases.assigned_to (nullable, so
existing cases stay unassigned and nothing needs filling in); indexed for the "mine"
filter.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("respondent_cases") as batch:
        batch.add_column(sa.Column("assigned_to", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_respondent_cases_assigned_to_users", "users", ["assigned_to"], ["id"]
        )
        batch.create_index("ix_respondent_cases_assigned_to", ["assigned_to"])


def downgrade() -> None:
    with op.batch_alter_table("respondent_cases") as batch:
        batch.drop_index("ix_respondent_cases_assigned_to")
        batch.drop_constraint("fk_respondent_cases_assigned_to_users", type_="foreignkey")
        batch.drop_column("assigned_to")
