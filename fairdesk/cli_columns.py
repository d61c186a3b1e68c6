"""The titles of the CLI's table columns, in words for a person.

A row's keys stay codes (`next_due`): JSON gives them to programs as they are. A table or
a spreadsheet is read by a person, so its header line says the column's title here, in
the language `--lang` chose (the translation catalog, context "CommandLine").
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Marks a text for the translation catalog without loading Qt; translated when printed."""
    return text


def _title(text: str) -> str:
    return QT_TRANSLATE_NOOP("CommandLine", text)


TITLES = {
    # fair list
    "code": _title("Code"),
    "name": _title("Name"),
    "start": _title("Start"),
    "end": _title("End"),
    "hours": _title("Hours"),
    "rules": _title("Rules"),
    # cases
    "case": _title("Case"),
    "state": _title("State"),
    "kind": _title("Kind"),
    "hall": _title("Hall"),
    "booth": _title("Booth"),
    "exhibitor": _title("Exhibitor"),
    "complainant": _title("Complainant"),
    "deadline": _title("Deadline"),
    "next_due": _title("Due"),
    "decide_before_close": _title("Decide before close"),
    # user list
    "user": _title("User"),
    "role": _title("Role"),
    "role name": _title("Role name"),
    "active": _title("Active"),
    # document list
    "document": _title("Document"),
    "title": _title("Title"),
    "issued": _title("Issued"),
    "by": _title("Issued by"),
    "status": _title("Status"),
    # patrols and re-check tasks
    "inspector": _title("Inspector"),
    "started": _title("Started"),
    "ended": _title("Ended"),
    "visits": _title("Visits"),
    "time": _title("Time"),
    "finding": _title("Finding"),
    "photos": _title("Photos"),
    "notes": _title("Notes"),
    "due": _title("Due"),
    "overdue": _title("Overdue"),
    "task": _title("Task"),
    "measure": _title("Measure"),
    "ordered": _title("Ordered"),
    # watch list
    "credit_code": _title("Credit code"),
    "booths": _title("Booths"),
    "matched_by": _title("Matched by"),
    "country": _title("Country"),
    "earlier_names": _title("Earlier names"),
    "history": _title("History"),
    "editions_infringing": _title("Editions with infringement"),
    "in_a_row": _title("In a row"),
    "highest": _title("Highest measure"),
    "bar_proposal": _title("Proposed to be barred"),
    "recommended": _title("Recommended"),
    # verify: what the document says of itself
    "number": _title("Number"),
    "copy": _title("Copy"),
    "fair": _title("Fair"),
    "respondent": _title("Respondent"),
    "says": _title("It says"),
    "issued by": _title("Issued by"),
    "superseded by": _title("Superseded by"),
    # evidence check
    "file": _title("File"),
    "problem": _title("Problem"),
}


def title(key: str) -> str:
    """The English title of column `key` (a key with no title: its words, no underscores)."""
    return TITLES.get(key) or key.replace("_", " ")
