"""the issued PDF kept with its register entry

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

- issued_documents.pdf: the bytes as issued. A reprint hands them back, checked against
  content_hash, instead of drawing the stored snapshot again: a paper issued before a
  change of wording, fonts or the PDF library still reprints exactly as it was served.
  Documents issued before this revision have none and are drawn again as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("issued_documents", sa.Column("pdf", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("issued_documents") as batch:
        batch.drop_column("pdf")
