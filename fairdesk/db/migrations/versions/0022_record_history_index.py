"""one record's history found at once

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08

Issuing a document first checks the records it prints against their history (their
audit events). This index finds one record's events without reading the whole trail.
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.create_index(
            "ix_audit_events_entity", ["entity_type", "entity_id", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
