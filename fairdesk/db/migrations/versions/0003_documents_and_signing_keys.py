"""documents and signing keys

Issued documents keep the signed content and the QR payload; Ed25519 signing keys live in
the database so every desk on one server signs with the same key. Existing rows get
empty defaults.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('signing_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False, server_default=''),
    sa.Column('fair_id', sa.Integer(), nullable=True),
    sa.Column('algorithm', sa.String(length=20), nullable=False),
    sa.Column('public_key', sa.Text(), nullable=False),
    sa.Column('private_key', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_signing_keys_fair_id_fairs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signing_keys')),
    sa.UniqueConstraint('key_id', name=op.f('uq_signing_keys_key_id'))
    )
    with op.batch_alter_table('signing_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signing_keys_fair_id'), ['fair_id'], unique=False)

    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('content', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('payload', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('key_id', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoke_reason', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_column('revoke_reason')
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('key_id')
        batch_op.drop_column('payload')
        batch_op.drop_column('content')
        batch_op.drop_column('title')

    with op.batch_alter_table('signing_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signing_keys_fair_id'))

    op.drop_table('signing_keys')

