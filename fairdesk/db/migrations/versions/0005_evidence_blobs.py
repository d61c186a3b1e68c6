"""evidence blobs, and inspector indexes

Evidence bytes live in the database on PostgreSQL so every desk and laptop on one server
reads the same photos; a visit is found by its case; a file is linked to an owner once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evidence_blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'kind', name=op.f('pk_evidence_blobs'))
    )
    with op.batch_alter_table('booth_visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booth_visits_case_id'), ['case_id'], unique=False)

    with op.batch_alter_table('evidence_links', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_evidence_links_once', ['evidence_id', 'owner_type', 'owner_id', 'purpose'])


def downgrade() -> None:
    with op.batch_alter_table('evidence_links', schema=None) as batch_op:
        batch_op.drop_constraint('uq_evidence_links_once', type_='unique')

    with op.batch_alter_table('booth_visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_booth_visits_case_id'))

    op.drop_table('evidence_blobs')

