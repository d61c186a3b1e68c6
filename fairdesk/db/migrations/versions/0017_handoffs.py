"""hand-offs to the public systems: what was sent, when, to whom, by whom

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-07

One row per credit list, referral package or evidence package that left FairDesk, with
the SHA-256 of what was sent (the audit trail has the same event, chained).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fair_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["fair_id"], ["fairs.id"], name=op.f("fk_handoffs_fair_id_fairs")),
        sa.ForeignKeyConstraint(
            ["case_id"], ["respondent_cases.id"], name=op.f("fk_handoffs_case_id_respondent_cases")
        ),
        sa.ForeignKeyConstraint(["sent_by"], ["users.id"], name=op.f("fk_handoffs_sent_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
    )
    op.create_index(op.f("ix_handoffs_fair_id"), "handoffs", ["fair_id"])
    op.create_index("ix_handoffs_case", "handoffs", ["case_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_handoffs_case", "handoffs")
    op.drop_index(op.f("ix_handoffs_fair_id"), "handoffs")
    op.drop_table("handoffs")
