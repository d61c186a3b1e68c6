"""what the law asks a case to record: service, the basis of a decision, referrals

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-07

- served_at, service_manner: when and how the notice reached the respondent; the defence
  period runs from then (CNIPA 2022 Guidelines Art 14), not from the desk's click.
- decision_basis (JSON): the effective court or administrative decision (body, number, date)
  or the respondent's admission a decision taken at once rests on (Art 14 (2), (3)).
- decided_by_organ, decided_by_officer: who decided; a stationed IP officer decides for
  the IP office (2006 Measures Art 6).
- referral_kind, authority_result, authority_result_on: to which authority a case went,
  and what it reported after the fair (2006 Measures Art 15).
- ip_rights.basis, ir_number: why a right is valid in China (a Chinese grant, a Madrid
  registration designating China with its number, copyright by authorship).
All nullable or with empty defaults, so existing cases need no filling in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0007"
branch_labels = None
depends_on = None


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("served_at", sa.DateTime(), nullable=True),
        sa.Column("service_manner", sa.String(30), nullable=False, server_default=""),
        sa.Column("decision_basis", sa.JSON(), nullable=True),
        sa.Column("decided_by_organ", sa.String(200), nullable=False, server_default=""),
        sa.Column("decided_by_officer", sa.String(100), nullable=False, server_default=""),
        sa.Column("referral_kind", sa.String(30), nullable=False, server_default=""),
        sa.Column("authority_result", sa.Text(), nullable=False, server_default=""),
        sa.Column("authority_result_on", sa.Date(), nullable=True),
    ]


def _right_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("basis", sa.String(30), nullable=False, server_default=""),
        sa.Column("ir_number", sa.String(40), nullable=False, server_default=""),
    ]


# Plain ADD and DROP COLUMN (SQLite 3.35+ has both): a batch copy of these tables would
# drop tables that others refer to, which SQLite refuses with foreign keys on.
def upgrade() -> None:
    for column in _columns():
        op.add_column("respondent_cases", column)
    for column in _right_columns():
        op.add_column("ip_rights", column)


def downgrade() -> None:
    for column in reversed(_right_columns()):
        op.drop_column("ip_rights", column.name)
    for column in reversed(_columns()):
        op.drop_column("respondent_cases", column.name)
