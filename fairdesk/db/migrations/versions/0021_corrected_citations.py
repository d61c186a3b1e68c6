"""the citations the legal review corrected, in the rule sets fairs already keep

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

Each fair keeps its own copy of its rule set's citations (fairs.rules.legal_basis), so a
corrected citation reached only fairs set up afterwards. This brings each fair's copy up
to date where it still reads as its preset had it: the notice and its service, the
defence period and mediation rest on 2006 Art 7(3) and the exhibitor contract; an opinion
that finds no infringement has its own basis; the IP commitment cites Arts 8 and 10; a
right not valid in China adds 2006 Art 8. A citation the fair's set-up changed is left
as it is. The texts are written out here, as they were and as they are, so that later
changes to the presets do not change what this revision did.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# The texts as the presets held them, and as they read now.
_CONTRACT = "参展合同 / the exhibitor contract"
_ART_7_3 = (
    "展会知识产权保护办法 第七条第（三）项；参展合同 / Measures for IP Protection at "
    "Exhibitions (2006), Art. 7(3); the exhibitor contract"
)
_CNIPA_14 = (
    "展会知识产权保护指引 第十四条 / CNIPA Guidelines for IP Protection at Exhibitions "
    "(2022), Art. 14"
)
_COMMITMENT = (
    "展会知识产权保护办法 第十条 / Measures for IP Protection at Exhibitions (2006), Art. 10",
    "展会知识产权保护办法 第八条、第十条 / Measures for IP Protection at Exhibitions (2006), "
    "Arts. 8 and 10",
)
_NOT_VALID_IN_CHINA = (
    "展会知识产权保护指引 第十二条 / CNIPA Guidelines for IP Protection at Exhibitions "
    "(2022), Art. 12",
    "展会知识产权保护办法 第八条；展会知识产权保护指引 第十二条 / Measures for IP Protection "
    "at Exhibitions (2006), Art. 8; CNIPA Guidelines for IP Protection at Exhibitions (2022), "
    "Art. 12",
)
_EVERY_SET: dict[str, tuple[str | None, str]] = {
    "commitment": _COMMITMENT,
    "decision_not_found": (None, _ART_7_3),
    "mediation": (_CONTRACT, _ART_7_3),
    "non_acceptance_right_not_valid_in_china": _NOT_VALID_IN_CHINA,
}
_NATIONAL: dict[str, tuple[str | None, str]] = {
    **_EVERY_SET,
    "notice": (_CONTRACT, _ART_7_3),
    "defence": (_CONTRACT, _ART_7_3),
    "dispute": (None, _CONTRACT),
}
CHANGED: dict[str, dict[str, tuple[str | None, str]]] = {
    "cnipa-24h": {**_EVERY_SET, "notice": (_CNIPA_14, _ART_7_3), "defence": (_CNIPA_14, _ART_7_3)},
    "ciftis-12h": _NATIONAL,
    "huabo-4h": _NATIONAL,
}


def refreshed(legal_basis: dict[str, Any], code: str) -> dict[str, Any] | None:
    """The fair's citations with the corrected ones, or None when none is to change."""
    out, moved = dict(legal_basis), False
    for key, (before, after) in CHANGED.get(code, {}).items():
        if out.get(key) == before:  # as the preset had it (None: the key is new)
            out[key], moved = after, True
    return out if moved else None


def upgrade() -> None:
    bind = op.get_bind()
    fairs = sa.table("fairs", sa.column("id", sa.Integer), sa.column("rules", sa.JSON))
    for fair_id, rules in bind.execute(sa.select(fairs.c.id, fairs.c.rules)).all():
        if not isinstance(rules, dict):
            continue
        fresh = refreshed(dict(rules.get("legal_basis") or {}), str(rules.get("code", "")))
        if fresh is not None:
            bind.execute(
                fairs.update()
                .where(fairs.c.id == fair_id)
                .values(rules={**rules, "legal_basis": fresh})
            )


def downgrade() -> None:
    pass  # the old citations were wrong; a downgrade keeps the corrected ones
