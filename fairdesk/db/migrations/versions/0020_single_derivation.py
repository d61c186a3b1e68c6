"""a sign-in pays argon2id once: passwords' records split into verifier and sealing key

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

No table changes: users.password_hash holds either argon2's own hash (a record of
before) or a record of `fairdesk.services.trust.sign_in_secret`, and key_wraps.wrapped
a wrap sealed under the password (version 1) or under the sealing key (version 2). Each
user's record is rewritten at their next successful sign-in; a password is needed for
that, which a migration does not have. The revision is raised all the same so that a
FairDesk of before, which cannot read the new records (it would count every sign-in
as a wrong password and lock the accounts), refuses the database instead.
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    # Nothing to undo in the schema. Records rewritten since stay as they are (no
    # password is at hand to write them back): going back to a FairDesk of before means
    # restoring the backup taken before the upgrade.
    pass
