"""The case dossier after the sixth legal reading (point 9): its timeline in time order,
the complaint's registration first; people by their names, never a login; a photo with
no recorded capture time says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fairdesk.domain.enums import Role
from fairdesk.services.casework.assignment import assign_cases
from fairdesk.services.inspection import evidence
from fairdesk.services.paper import documents as docs
from fairdesk.services.trust import users
from tests.conftest import Team
from tests.unit.test_documents import case_in, fair, needs_poppler, pdf_text  # noqa: F401
from tests.unit.test_patrols import photo


def _dossier(team: Team, number: str, tmp_path: Path) -> str:
    users.add_user(team.admin, "wang.li", Role.DESK, "wang-pass-1", "王丽")
    assign_cases(team.admin, [number], "wang.li")
    evidence.import_file(  # a photo without EXIF: no capture time is known
        team.desk, photo("no-exif.jpg"), owner_type="case", owner=number, caption="展位照片"
    )
    info = docs.issue_document(team.desk, "dossier", number)
    return "".join(pdf_text(info.pdf, tmp_path).split())


@needs_poppler
def test_the_complaint_is_registered_before_its_case_is_opened(
    team: Team,
    case_in: Callable[..., str],  # noqa: F811
    tmp_path: Path,
) -> None:
    flat = _dossier(team, case_in("NOTIFIED"), tmp_path)
    # Both at the same moment: the registration opened the case.
    assert flat.index("登记投诉") < flat.index("立案（被投诉人）")


@needs_poppler
def test_the_assignee_is_named_not_logged_in(
    team: Team,
    case_in: Callable[..., str],  # noqa: F811
    tmp_path: Path,
) -> None:
    flat = _dossier(team, case_in("NOTIFIED"), tmp_path)
    assert "承办人/assignedto:王丽" in flat and "wang.li" not in flat


@needs_poppler
def test_a_photo_without_a_capture_time_says_so(
    team: Team,
    case_in: Callable[..., str],  # noqa: F811
    tmp_path: Path,
) -> None:
    flat = _dossier(team, case_in("NOTIFIED"), tmp_path)
    assert "no-exif.jpg" in flat and "未记录拍摄时间/timenotrecorded" in flat
