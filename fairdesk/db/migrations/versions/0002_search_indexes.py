"""search indexes for the desk's search-as-you-type

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

The desk searches substrings of case numbers, names, booths and right numbers. A B-tree
index cannot serve `LIKE '%x%'`; on PostgreSQL a trigram index can. SQLite scans the one
narrow `search_text` column, which stays fast at 100,000 cases; both get an index on the
respondent case's last change, which sorts the desk's default view.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_respondent_cases_fair_updated", "respondent_cases", ["fair_id", "updated_at"]
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_respondent_cases_search_trgm ON respondent_cases "
            "USING gin (search_text gin_trgm_ops)"
        )
        op.execute(
            "CREATE INDEX ix_exhibitors_names_trgm ON exhibitors "
            "USING gin ((name_zh || ' ' || name_en) gin_trgm_ops)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_exhibitors_names_trgm")
        op.execute("DROP INDEX IF EXISTS ix_respondent_cases_search_trgm")
    op.drop_index("ix_respondent_cases_fair_updated", "respondent_cases")
