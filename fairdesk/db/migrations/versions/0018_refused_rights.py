"""the rights of an accepted complaint that the desk did not accept, with the reason

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

- complaint_rights.refused_reason: one invalid right (lapsed, a foreign patent, ...) does
  not refuse the whole complaint; it is accepted for its valid rights and each refused
  right keeps its reason code (RejectReason). Empty: the right is relied on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "complaint_rights",
        sa.Column("refused_reason", sa.String(40), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("complaint_rights") as batch:
        batch.drop_column("refused_reason")
