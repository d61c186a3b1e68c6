"""Storage: the SQLAlchemy models, the engine (SQLite or PostgreSQL, locks and retries),
migrations, the search index and owner-only files.

May import: fairdesk.domain.
"""
