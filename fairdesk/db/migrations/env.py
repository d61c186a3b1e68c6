"""Alembic environment: FairDesk hands in its own connection (see fairdesk.db.migrate)."""

from __future__ import annotations

from alembic import context

from fairdesk.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("Run migrations with 'fairdesk db upgrade', not the alembic command.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
