"""The one way a screen says what stopped a service call (mostly one run off the UI thread).

- A `FairDeskError` is the service refusing or in trouble (a permission, a missing row,
  a locked database, a full disk): its words, in the desk's language, go to the screen's
  own `show` (a status line, a message bar, a box).
- `Cancelled` is the user's own doing: `cancelled` hears it; nothing is shown otherwise.
- Anything else is a bug: the crash handler shows it and writes the log, so it is never
  passed off as a message.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from fairdesk.domain.errors import FairDeskError
from fairdesk.i18n import error_text
from fairdesk.ui.common.tasks import Cancelled


def report_failure(
    exc: BaseException,
    show: Callable[[str], object],
    *,
    cancelled: Callable[[], object] | None = None,
) -> None:
    if isinstance(exc, Cancelled):
        if cancelled is not None:
            cancelled()
    elif isinstance(exc, FairDeskError):
        show(error_text(exc))
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)
