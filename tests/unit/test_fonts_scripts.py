"""Every exhibitor's name prints: a name in each script the fair meets gets a face that has
every one of its glyphs, reads back from the issued PDF, and a character no bundled face
has is printed as its code and reported, never drawn as a box."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from fairdesk.db.models import AuditEvent
from fairdesk.documents import fonts
from fairdesk.exports import pdf_fonts
from fairdesk.services.casework.steps import act_on_complaint
from fairdesk.services.fair.exhibitors import upsert_exhibitors
from fairdesk.services.fair.fairs import fair_by_code
from fairdesk.services.intake.intake import register_complaint
from fairdesk.services.paper import documents as docs
from tests.conftest import Team
from tests.helpers import FAIR, complaint_input, exhibitor, make_fair

NAMES = {
    "Chinese (simplified)": "上海国际贸易有限公司",
    "Chinese (traditional)": "臺灣優質機械股份有限公司",
    "Japanese": "カタカナひらがな株式会社",
    "Korean": "삼성전자 주식회사",
    "Vietnamese": "Công ty Cổ phần Thương mại Việt Nam",
    "Latin with accents": "Société Générale Müller Łódź Ñandú",
    "Greek": "Ελληνική Εταιρεία Α.Ε.",
    "Cyrillic": "ООО «Торговый дом Ёлка»",
    "Thai": "บริษัท ไทยเทรด จำกัด",
}

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils not installed",
)


@pytest.mark.parametrize("script", NAMES)
def test_every_character_of_each_script_has_a_glyph(script: str) -> None:
    name = NAMES[script]
    assert fonts.missing_in(name) == []
    for char in name:
        face = fonts.font_for(char)
        assert face is not None and ord(char) in fonts.covers(face), (script, char)
    for font, run in fonts.runs(name, bold=True):
        assert all(c.isspace() or ord(c) in fonts.covers(font) for c in run), (script, run)


def test_a_character_no_face_has_prints_as_its_code_and_is_collected() -> None:
    with fonts.collect_missing() as missing:
        pieces = fonts.runs("Smile 🦄 Co\U000e0001")
    assert missing == {"🦄"}
    text = "".join(run for _, run in pieces)
    assert text == "Smile [U+1F984] Co"  # a tag character has no ink: dropped, not reported
    assert fonts.missing_in("Smile 🦄 Co") == ["🦄"]
    assert pdf_fonts.markup("🦄").count("[U+1F984]") == 1


def _pdf_text(pdf: bytes, tmp_path: Path, tool: str = "pdftotext") -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = [tool, "-enc", "UTF-8", str(path), "-"] if tool == "pdftotext" else [tool, str(path)]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def named_cases(team: Team) -> dict[str, str]:
    """One accepted case per script, against an exhibitor whose names are in that script."""
    make_fair(team.admin, exhibitors=0)
    records = [
        dataclasses.replace(exhibitor(i, f"4.1A{i:02d}"), name_en=name)
        for i, name in enumerate([*NAMES.values(), "Emoji 🦄 Trading"], 1)
    ]
    with team.admin.db.writing() as session:
        upsert_exhibitors(session, fair_by_code(session, FAIR).id, records, team.admin.now())
    out = {}
    for i, script in enumerate([*NAMES, "emoji"], 1):
        reg = register_complaint(team.desk, FAIR, complaint_input(f"4.1A{i:02d}"))
        act_on_complaint(team.desk, reg.number, "accept")
        out[script] = reg.case_numbers[0]
    return out


@needs_poppler
def test_a_document_for_a_name_in_each_script_prints_every_glyph(
    team: Team, named_cases: dict[str, str], tmp_path: Path
) -> None:
    embedded = set()
    for script, name in NAMES.items():
        info = docs.issue_document(team.desk, "dossier", named_cases[script])
        assert info.missing_glyphs == (), script
        flat = "".join(_pdf_text(info.pdf, tmp_path).split())
        assert "".join(name.split()) in flat, script
        assert "[U+" not in flat
        fonts_out = _pdf_text(info.pdf, tmp_path, "pdffonts")
        rows = fonts_out.splitlines()[2:]
        assert all(" yes yes yes " in row for row in rows), fonts_out  # embedded subsets
        embedded.update(row.split()[0].split("+")[-1] for row in rows)
    assert {"NanumGothic", "Loma", "DejaVuSans"} <= embedded
    assert any(name.startswith("DroidSansFallback") for name in embedded), embedded


@needs_poppler
def test_issuing_reports_a_character_no_font_has(
    team: Team, named_cases: dict[str, str], tmp_path: Path
) -> None:
    info = docs.issue_document(team.desk, "dossier", named_cases["emoji"])
    assert info.missing_glyphs == ("🦄",)
    assert info.missing_codes == "[U+1F984]"
    assert "Emoji[U+1F984]Trading" in "".join(_pdf_text(info.pdf, tmp_path).split())
    with team.admin.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "document.issue")
        ).all()[-1]
        assert event.after is not None and event.after["missing_glyphs"] == ["🦄"]
    # The reprint from the register is the same document, and says the same.
    assert docs.render_document(team.desk, info.number) == info.pdf
