"""Saved views of the desk's case list: a name and a filter, kept in the settings file.

A view holds only the filter (states, type of right, hall, overdue, due within N hours,
search text, sort), never case data. Two presets ship with the desk; the user's own views
are stored under SAVED_VIEWS as plain JSON:

    {"name": "Hall 4.1 re-checks", "states": ["RECHECK_DUE"], "hall": "4.1",
     "ip_type": "", "overdue": false, "due_within_hours": null, "search": "",
     "sort": "due", "descending": false}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from fairdesk.domain.enums import CaseState
from fairdesk.services.casework.cases import SORT_KEYS
from fairdesk.settings import SAVED_VIEWS, Settings

__all__ = ["PRESETS", "SavedView", "delete_view", "load_views", "save_view", "user_views"]


@dataclass(frozen=True)
class SavedView:
    name: str
    states: tuple[str, ...] = ()
    ip_type: str = ""
    hall: str = ""
    overdue: bool = False
    due_within_hours: float | None = None
    search: str = ""
    mine: bool = False  # only the cases assigned to the signed-in user
    sort: str = "number"
    descending: bool = False
    preset: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("preset")
        data["states"] = list(self.states)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SavedView | None:
        """The view, or None when the stored entry is not one FairDesk can apply."""
        try:
            states = tuple(str(s) for s in data.get("states") or ())
            due = data.get("due_within_hours")
            view = cls(
                name=str(data["name"]).strip(),
                states=tuple(s for s in states if s in CaseState.__members__),
                ip_type=str(data.get("ip_type") or ""),
                hall=str(data.get("hall") or ""),
                overdue=bool(data.get("overdue", False)),
                due_within_hours=None if due is None else float(due),
                search=str(data.get("search") or ""),
                mine=bool(data.get("mine", False)),
                sort=str(data.get("sort") or "number"),
                descending=bool(data.get("descending", False)),
            )
        except (KeyError, TypeError, ValueError):
            return None
        if not view.name or view.sort not in SORT_KEYS:
            return None
        return view


# Names are translated where shown (context "SavedViews"). str(): PySide6's stub says the
# marker returns an object; it returns the text it marks.
PRESETS = (
    SavedView(
        str(QT_TRANSLATE_NOOP("SavedViews", "My defences due in 2 h")),
        states=(CaseState.NOTIFIED.value,),
        due_within_hours=2.0,
        sort="due",
        preset=True,
    ),
    SavedView(
        str(QT_TRANSLATE_NOOP("SavedViews", "Re-checks due")),
        states=(CaseState.RECHECK_DUE.value, CaseState.REMEDY_ORDERED.value),
        sort="due",
        preset=True,
    ),
)


def user_views(settings: Settings) -> list[SavedView]:
    views = (SavedView.from_json(v) for v in settings.get(SAVED_VIEWS) if isinstance(v, dict))
    return [v for v in views if v is not None]


def load_views(settings: Settings) -> list[SavedView]:
    """The presets, then the user's views in the order they were saved."""
    return [*PRESETS, *user_views(settings)]


def save_view(settings: Settings, view: SavedView) -> None:
    """Store the view under its name (replacing one of the same name) and write the file."""
    if not view.name.strip():
        raise ValueError("A saved view needs a name.")
    if any(p.name == view.name for p in PRESETS):
        raise ValueError(f"'{view.name}' is a built-in view; choose another name.")
    kept = [v for v in user_views(settings) if v.name != view.name]
    settings.set(SAVED_VIEWS, [v.to_json() for v in (*kept, view)])
    settings.sync()


def delete_view(settings: Settings, name: str) -> bool:
    """Forget the user's view of that name; False when there is none (presets stay)."""
    views = user_views(settings)
    kept = [v for v in views if v.name != name]
    if len(kept) == len(views):
        return False
    settings.set(SAVED_VIEWS, [v.to_json() for v in kept])
    settings.sync()
    return True
