"""`--root FILE.pdf` and `--anchor FILE.pdf` take values only from what a document's
signature covers, never from a PDF's text or keywords (third attacker review, finding 5)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from fairdesk.domain.errors import InvalidInput
from fairdesk.services.checks import anchors
from fairdesk.services.checks.audit_verify import verify_chain
from fairdesk.services.paper import paper_trust
from fairdesk.services.trust import keys, root_pin
from tests.conftest import Team
from tests.security.test_attacks import _issue

FAKE_ROOT = "0123 4567 89AB CDEF 0123 4567 89AB CDEF"
FAKE_HEAD = "ab" * 32


def _any_pdf(path: Path) -> Path:
    """A PDF anyone can make, printing and keeping a root and an anchor of their choosing."""
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.setKeywords(f"Root key: {FAKE_ROOT}; Audit chain #3: {FAKE_HEAD}")
    canvas.drawString(72, 720, f"Root key: {FAKE_ROOT}")
    canvas.drawString(72, 700, f"Audit chain #3: {FAKE_HEAD}")
    canvas.save()
    path.write_bytes(buf.getvalue())
    return path


def test_a_pdf_that_is_no_document_gives_no_root_and_no_anchor(team: Team, tmp_path: Path) -> None:
    pdf = _any_pdf(tmp_path / "any.pdf")
    with pytest.raises(InvalidInput, match="no readable document QR code"):
        anchors.parse_given(str(pdf), team.admin)
    with pytest.raises(InvalidInput, match="no readable document QR code"):
        verify_chain(team.admin, root=str(pdf))
    with pytest.raises(InvalidInput, match="only from a document whose QR code is checked"):
        root_pin.given(str(pdf))  # the offline check has no register to check it with


def test_a_genuine_documents_keywords_rewritten_do_not_count(
    team: Team, decided: str, tmp_path: Path
) -> None:
    info = _issue(team, decided)
    signed = paper_trust.signed_trust(team.admin, str(_write(tmp_path / "d.pdf", info.pdf)))
    assert signed.audit_hash and signed.root == keys.root_fingerprint(team.admin)
    assert signed.audit_hash.encode() in info.pdf  # the keywords hold it as they are made
    doctored = info.pdf.replace(signed.audit_hash.encode(), FAKE_HEAD.encode())
    pdf = _write(tmp_path / "doctored.pdf", doctored)
    given = anchors.parse_given(str(pdf), team.admin)
    assert [(a.event_id, a.hash) for a in given] == [(signed.audit_id, signed.audit_hash)]
    assert verify_chain(team.admin, given=given, root=str(pdf)).ok


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
