"""The sentences a notice prints about its own deadline: when it starts (the time of
service, written by hand when the paper is printed before it is served) and what happens
when the fair's close cuts it short (domain: no clock runs past the close; open cases go
to post-fair follow-up)."""

from __future__ import annotations

from fairdesk.documents.model import DocumentData

# Filled in by hand when the paper is served (the time of service is not known yet).
BLANK_TIME_ZH = "____年__月__日__时__分"
BLANK_TIME_EN = "____-__-__ __:__"


def hours(d: DocumentData) -> str:
    """The rule set's defence period in hours, as printed ("24", "4.5")."""
    h = d.fair.defence_hours
    return str(int(h)) if float(h).is_integer() else f"{h:g}"


def on_last_day(due: str, d: DocumentData) -> bool:
    """A deadline on the fair's last day ends at the close at the latest: the period the
    party was promised may be cut short."""
    return bool(due) and bool(d.fair.end_date) and due.startswith(d.fair.end_date)


def defence_cut_by_close(d: DocumentData) -> tuple[str, str]:
    due = d.fair_closes_at or d.defence_due_at  # papers issued before the close was kept
    return (
        f"因本届展会于{due}闭幕，答辩期限截至闭幕时止；届时未处理完毕的，本案转入展后跟踪处理，"
        "你方仍可向本中心或有关知识产权管理部门提交答辩及证据。",
        f"As the fair closes at {due}, the period ends at the close; a case not finished by "
        "then goes to post-fair follow-up, and you may still file your defence and evidence "
        "with the service center or the IP authority.",
    )


def supplement_cut_by_close(d: DocumentData) -> tuple[str, str]:
    """The request on the last day: the close is the deadline, said once."""
    due = d.supplement_due_at
    return (
        f"请于本届展会闭幕前（{due}）补正下列材料；未能补正的，你方可在展会结束后直接向有关"
        "知识产权管理部门或人民法院主张权利。",
        f"Please supply the items below before the fair closes ({due}); if you cannot, you "
        "may assert your rights after the fair directly before the IP authority or a "
        "people's court.",
    )
