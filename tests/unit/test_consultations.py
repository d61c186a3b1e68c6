"""Consultations at the desk: logged, audited, counted."""

from __future__ import annotations

import re

import pytest

from fairdesk.domain.errors import InvalidInput, PermissionDenied
from fairdesk.services.casework.cases import last_change
from fairdesk.services.organizer.consultations import consultation_counts, log_consultation
from tests.conftest import Team
from tests.helpers import FAIR, make_fair


def test_log_and_count(team: Team) -> None:
    make_fair(team.admin)
    before = last_change(team.desk)
    info = log_consultation(team.desk, FAIR, "  patent ", "德国", "de", "问展品是否需要专利证书")
    log_consultation(team.desk, FAIR, "patent", "法国", "fr")
    log_consultation(team.desk, FAIR, "trademark")
    assert (info.topic, info.nationality, info.language) == ("patent", "德国", "de")
    assert last_change(team.desk) > before  # audited
    assert consultation_counts(team.organizer, FAIR) == {"patent": 2, "trademark": 1}


@pytest.mark.parametrize(
    ("topic", "message"),
    [("", "needs its topic"), ("   ", "needs its topic"), ("x" * 101, "longer than 100")],
)
def test_bad_topic(team: Team, topic: str, message: str) -> None:
    make_fair(team.admin)
    with pytest.raises(InvalidInput, match=message):
        log_consultation(team.desk, FAIR, topic)


def test_only_the_desk_logs(team: Team) -> None:
    make_fair(team.admin)
    with pytest.raises(PermissionDenied, match="signed in as organizer"):
        log_consultation(team.organizer, FAIR, "patent")


def test_the_statistics_report_counts_languages_in_words(team: Team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    from fairdesk.services.organizer.statistics_report import export_report

    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext")
    make_fair(team.admin)
    log_consultation(team.desk, FAIR, "patent", "德国", "de")
    log_consultation(team.desk, FAIR, "patent", "巴西", "葡萄牙语")  # typed, not offered
    path = tmp_path / "report.pdf"
    export_report(team.organizer, FAIR, path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    # (The small breakdowns stand two to a row: a language may follow another table's cell.)
    assert any("德语 / German" in line for line in lines)
    assert any("葡萄牙语" in line for line in lines)  # kept as typed
    bare = [line for line in lines if re.search(r"(^| )de 1( |$)", line)]  # the code, as before
    assert not bare, bare
