"""keys that need a person

Private signing keys leave the database in plain form: the old keys keep their public
half (kind "legacy", retired) so every document they signed still verifies, and their
private half is dropped. New keys are per user (certified by the installation's root
key); their private halves live sealed under a password in key_wraps.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    with op.batch_alter_table('signing_keys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), nullable=False, server_default='legacy'))
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('certificate', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('revoke_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_signing_keys_user_id_users'), 'users', ['user_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_signing_keys_user_id'), ['user_id'], unique=False)
        batch_op.drop_column('private_key')
    op.execute(
        sa.text("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL").bindparams(now=now)
    )
    op.create_table('key_wraps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('wrapped', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_key_wraps_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_wraps'))
    )
    with op.batch_alter_table('key_wraps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_wraps_key_id'), ['key_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_key_wraps_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    # The dropped private halves cannot come back: old keys stay verify-only.
    with op.batch_alter_table('key_wraps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_wraps_user_id'))
        batch_op.drop_index(batch_op.f('ix_key_wraps_key_id'))
    op.drop_table('key_wraps')
    with op.batch_alter_table('signing_keys', schema=None) as batch_op:
        batch_op.add_column(sa.Column('private_key', sa.Text(), nullable=False, server_default=''))
        batch_op.drop_index(batch_op.f('ix_signing_keys_user_id'))
        batch_op.drop_constraint(batch_op.f('fk_signing_keys_user_id_users'), type_='foreignkey')
        batch_op.drop_column('revoke_reason')
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('certificate')
        batch_op.drop_column('user_id')
        batch_op.drop_column('kind')
