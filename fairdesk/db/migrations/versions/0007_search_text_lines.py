"""a case's search text keeps one field per line

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22

The fields of respondent_cases.search_text were joined by " | ", so typing "|" in the
search box found every case. They are now joined by a line break, which the search box
cannot hold (services/cases.py); existing rows are rewritten the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CASES = sa.table("respondent_cases", sa.column("search_text", sa.Text))


def _replace(old: str, new: str) -> None:
    op.execute(
        _CASES.update().values(
            search_text=sa.func.replace(_CASES.c.search_text, sa.literal(old), sa.literal(new))
        )
    )


def upgrade() -> None:
    _replace(" | ", "\n")


def downgrade() -> None:
    _replace("\n", " | ")
