"""Permission cases of taking a root or an anchor from a document's PDF (collected by
test_permission_matrix): anyone who may look at documents may."""

from __future__ import annotations

from fairdesk.domain.enums import Role
from fairdesk.services.paper import paper_trust

ALL = frozenset(Role)
NONE_SUCH = "/nonexistent/decision.pdf"  # refused for its file, after the permission

CASES = {
    "paper_trust.signed_trust": (ALL, lambda c: paper_trust.signed_trust(c, NONE_SUCH)),
    "paper_trust.signed_root": (ALL, lambda c: paper_trust.signed_root(c, NONE_SUCH)),
}
