"""B3: a decision (处理意见书) as PDF, warm, against a bare reportlab document with the same
fonts, the same text on the same number of pages and the same QR code on each page."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.benchmarks.bare_pdf import BarePage
from tests.benchmarks.generate import NOW
from tests.benchmarks.harness import (
    REPO,
    Figure,
    installed_env,
    interleaved,
    log,
    ratio_figure,
)

LEGAL_BASIS = "展会知识产权保护指引 第十四条 / CNIPA Guidelines, Art. 14"


@dataclass
class Decided:
    case_number: str
    document: str
    pdf: bytes
    payload: str


def decided_case(db_url: str, fair_code: str, booth: str, serial: int) -> tuple[object, str]:
    """A complaint registered, accepted and decided through the real services, on the
    scratch copy of the history; returns the desk's context and the case number."""
    from fairdesk.app_context import SYSTEM
    from fairdesk.db.engine import Database
    from fairdesk.domain.enums import CaseState, ComplaintState
    from fairdesk.domain.materials import checklist, ticks_of
    from fairdesk.services.context import Context
    from fairdesk.services.demo.story import Story, walk_now
    from fairdesk.services.intake.intake import (
        ComplaintInput,
        ExhibitInput,
        PartyInput,
        RespondentInput,
        RightInput,
        register_complaint,
    )
    from fairdesk.services.trust import users

    db = Database(db_url)
    # Documents are signed with the desk user's own key, unlocked by a password: the
    # generated history has none, so give admin and desk1 passwords first.
    system = Context(db, SYSTEM, lambda: NOW)
    users.set_password(
        system.as_actor(users.get_user(system, "admin").actor), "admin", "bench-pw-1"
    )
    admin = users.sign_in(system, "admin", "bench-pw-1")  # makes the root key
    users.set_password(admin, "desk1", "bench-pw-2")
    desk = users.sign_in(system, "desk1", "bench-pw-2")
    items = checklist(["design"], agent=True)
    reg = register_complaint(
        desk,
        fair_code,
        ComplaintInput(
            complainant=PartyInput(
                "诺德丽希灯具有限公司",
                "Nordlicht Leuchten GmbH",
                id_doc_type="公司注册证明 / Certificate of incorporation",
                id_doc_no="HRB123456",
                country="德国",
            ),
            agent=PartyInput("上海明理知识产权代理有限公司", "Shanghai Mingli IP Agency Co., Ltd."),
            power_of_attorney=True,
            rights=[
                RightInput(
                    "design",
                    f"ZL2023{serial:07d}.1",
                    "LED台灯（DL-3）/ LED desk lamp (DL)",
                    "Nordlicht Leuchten GmbH",
                    valid_from=date(2023, 3, 1),
                    valid_until=date(2038, 2, 28),
                )
            ],
            respondents=[
                RespondentInput(
                    booth=booth, exhibits=[ExhibitInput("LED台灯 / LED desk lamp", "DL-208", 3)]
                )
            ],  # fmt: skip
            commitment_signed=True,
            materials=ticks_of(items, [m.key for m in items]),
            summary="投诉人认为被投诉人展出的LED台灯涉嫌侵犯其外观设计专利。 / The complainant "
            "alleges that the LED desk lamp shown by the respondent infringes its design patent.",
        ),
    )
    # Accepted, then decided on the merits: the story's steps come from the workflow's table.
    rng = random.Random(serial)
    walk_now(desk, reg.number, Story("accepted", (ComplaintState.ACCEPTED,)), rng)
    number = reg.case_numbers[0]
    decided = Story(
        "decided",
        (CaseState.INFRINGEMENT_FOUND,),
        {
            "summary": "被投诉人称系自主设计 / Own design",
            "trigger": "merits",
            "legal_basis": LEGAL_BASIS,
        },
    )
    walk_now(desk, number, decided, rng)
    return desk, number


def page_texts(pdf: bytes) -> list[list[str]]:
    """The text lines of each page (pypdfium2), to give the baseline the same volume."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for page in doc:
            text = page.get_textpage().get_text_range()
            out.append([line for line in text.replace("\r", "").split("\n") if line.strip()])
        return out
    finally:
        doc.close()


def bench_pdf(scratch: Path, fair_code: str, booth: str, size: int, reps: int) -> list[Figure]:
    from fairdesk.services.paper import documents

    ctx, number = decided_case(f"sqlite:///{scratch}", fair_code, booth, size % 9_999_999)
    first = documents.issue_document(ctx, "decision", number, copy="respondent")  # warm-up
    documents.render_document(ctx, first.number)
    pages = page_texts(first.pdf)
    bare = BarePage()
    bare.render(pages, first.payload)  # warm-up
    chars = sum(len(line) for page in pages for line in page)

    def issue() -> None:
        documents.issue_document(ctx, "decision", number, copy="respondent")

    def reprint() -> None:
        documents.render_document(ctx, first.number)

    def baseline() -> None:
        bare.render(pages, first.payload)

    values, bases = interleaved(issue, baseline, reps, seed=5)
    reprints, bases2 = interleaved(reprint, baseline, reps, seed=6)
    note = f"{len(pages)} pages, {chars:,} characters of text, QR on every page"
    log(f"  B3: issue {min(values) * 1000:.0f} ms, reprint {min(reprints) * 1000:.0f} ms, "
        f"bare {min(bases) * 1000:.0f} ms ({note})")  # fmt: skip
    ctx.db.dispose()  # type: ignore[attr-defined]
    extra = {"pages": len(pages), "characters": chars, "pdf_bytes": len(first.pdf)}
    return [
        ratio_figure("B3", "decision PDF, issued (warm)", size, values, bases, limit=1.5,
                     note=note, extra=extra),
        ratio_figure("B3r", "decision PDF, reprinted (warm)", size, reprints, bases2,
                     limit=1.5, note=note, extra=extra),
        _whole_process(scratch, number, pages, first.payload, size, max(3, reps // 3), note),
    ]  # fmt: skip


def _whole_process(
    scratch: Path, number: str, pages: list[list[str]], payload: str, size: int, reps: int,
    note: str,
) -> Figure:  # fmt: skip
    """B8: `fairdesk print decision` as a whole process (start, imports, database, issue,
    file written) against a bare reportlab process writing the same document."""
    with tempfile.TemporaryDirectory(prefix="fdbench-b8-") as tmp:
        folder = Path(tmp)
        spec = folder / "pages.json"
        spec.write_text(json.dumps({"pages": pages, "payload": payload}), encoding="utf-8")
        cli = [sys.executable, "-m", "fairdesk", "--db", f"sqlite:///{scratch}", "--user",
               "desk1", "print", "decision", number, "--copy", "respondent",
               "-o", str(folder / "cli.pdf")]  # fmt: skip
        bare = [sys.executable, "-m", "tests.benchmarks.bare_pdf", str(spec),
                str(folder / "bare.pdf")]  # fmt: skip

        # desk1 gives its password, as every CLI user now does.
        env = installed_env({**os.environ, "FAIRDESK_PASSWORD": "bench-pw-2"})

        def run(argv: list[str]) -> None:
            subprocess.run(argv, check=True, cwd=REPO, capture_output=True, env=env)

        run(cli)  # warm the file cache on both sides
        run(bare)
        values, bases = interleaved(lambda: run(cli), lambda: run(bare), reps, seed=8)
    log(f"  B8: fairdesk print {statistics.median(values):.2f} s, "
        f"bare process {statistics.median(bases):.2f} s")  # fmt: skip
    return ratio_figure("B8", "fairdesk print decision, whole process", size, values, bases,
                        limit=2.0, unit="s", scale=1.0, note=note)  # fmt: skip
