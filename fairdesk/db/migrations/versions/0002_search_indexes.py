"""search indexes for the desk's search-as-you-type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

The desk searches substrings of case numbers, names, booths and right numbers. A B-tree
index cannot serve `LIKE '%x%'`; on PostgreSQL a trigram index can. SQLite scans the one
narrow `search_text` column, which stays fast at 100,000 cases; both get an index on the
respondent case's last change, which sorts the desk's default view. (Revision 0014
made the trigram index optional: a server without the extension scans.)
"""

from __future__ import annotations

from alembic import op

from fairdesk.db import search_index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_respondent_cases_fair_updated", "respondent_cases", ["fair_id", "updated_at"]
    )
    if op.get_bind().dialect.name == "postgresql":
        # Optional: a server without pg_trgm still works, by scanning (db status says so).
        search_index.create(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_exhibitors_names_trgm")
        op.execute("DROP INDEX IF EXISTS ix_respondent_cases_search_trgm")
    op.drop_index("ix_respondent_cases_fair_updated", "respondent_cases")
