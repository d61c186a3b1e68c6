"""The round's log on the patrol tab: the visits the server has (kept, so the log stays
whole while the server is away) and what still waits on this laptop, newest first."""

from __future__ import annotations

from PySide6.QtCore import QObject

from fairdesk.domain import vocabulary
from fairdesk.domain.errors import FairDeskError, StorageError
from fairdesk.services.context import Context
from fairdesk.services.inspection import patrols
from fairdesk.services.inspection.outbox import Outbox
from fairdesk.ui.common.case_labels import word
from fairdesk.ui.inspection.inspector_models import LogItem, VisitLogModel


class RoundLog(QObject):
    def __init__(self, ctx: Context, outbox: Outbox, model: VisitLogModel) -> None:
        super().__init__(model)
        self.ctx, self.outbox, self.model = ctx, outbox, model
        self.server: list[LogItem] = []  # the server's visits of the round, as last read

    def forget_server(self) -> None:
        """Read the server's visits again next time (a new round, a corrected visit)."""
        self.server = []

    def load_server(self, fair_code: str, round_uid: str) -> None:
        """The round's visits as the server has them (raises StorageError when it is away)."""
        try:
            rows = patrols.list_visits(self.ctx, fair_code, round_uid=round_uid)
        except StorageError:
            raise  # the caller says the server is away
        except FairDeskError:
            rows = []  # the round has not reached the server yet
        items = []
        for v in rows:
            text = word(vocabulary.FINDINGS, v.finding) + (
                f" · {v.case_number}" if v.case_number else ""
            )
            items.append(LogItem(v.uid, v.visited_at, v.booth, text, v.photos, "sent"))
        self.server = items

    def show(self, round_uid: str | None) -> None:
        """The server's visits of the round, plus what waits on this laptop."""
        items = {i.uid: i for i in self.server}
        for p in self.outbox.pending_findings(self.ctx.actor.username):
            if p.round_uid not in (round_uid, None) or p.uid in items:
                continue
            if p.kind == "visit":
                booth, text = p.target, word(vocabulary.FINDINGS, p.answer)
            else:
                result = word(vocabulary.RECHECK_RESULTS, p.answer)
                booth, text = "", self.tr("Re-check {0}: {1}").format(p.target, result)
            items[p.uid] = LogItem(p.uid, p.at, booth, text, p.photos, p.status)
        self.model.set_items(sorted(items.values(), key=lambda i: i.at, reverse=True))
