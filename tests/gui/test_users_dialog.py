"""Tools > Users: an administrator adds, disables, resets and revokes from the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from fairdesk.services.paper import documents
from fairdesk.services.trust import users
from fairdesk.ui.setup.users_dialog import NewUserDialog, UsersDialog
from tests.conftest import Team

LEFT = Qt.MouseButton.LeftButton


def _row_of(dialog: UsersDialog, name: str) -> int:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, dialog.COL_USER).text() == name:
            return row
    raise AssertionError(name)


def test_admin_manages_users_in_the_app(
    qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = UsersDialog(team.admin)
    qtbot.addWidget(dialog)
    dialog.show()
    count = len(users.list_users(team.admin))
    assert dialog.table.rowCount() == count
    desk = _row_of(dialog, "desk1")
    assert dialog.table.item(desk, dialog.COL_ROLE).text() == "Desk staff"
    assert dialog.table.item(desk, dialog.COL_KEY).text()  # certified key id

    new = NewUserDialog(team.admin)
    qtbot.addWidget(new)
    qtbot.keyClicks(new.username_edit, "desk3")
    new.role_combo.setCurrentIndex(0)  # desk staff
    qtbot.keyClicks(new.password_edit, "desk3-pass-1")
    qtbot.keyClicks(new.confirm_edit, "desk3-pass-X")
    new.accept()
    assert "differ" in new.error_label.text()
    new.confirm_edit.clear()
    qtbot.keyClicks(new.confirm_edit, "desk3-pass-1")
    new.accept()
    assert new.result() == NewUserDialog.DialogCode.Accepted
    dialog.refresh()
    assert dialog.table.rowCount() == count + 1

    dialog.table.selectRow(_row_of(dialog, "desk2"))
    qtbot.mouseClick(dialog.toggle_button, LEFT)
    assert dialog.table.item(_row_of(dialog, "desk2"), dialog.COL_STATE).text() == "disabled"

    dialog.table.selectRow(_row_of(dialog, "desk1"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("short", True))
    qtbot.mouseClick(dialog.password_button, LEFT)
    assert "at least 8 characters" in dialog.error_label.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    qtbot.mouseClick(dialog.revoke_button, LEFT)
    assert "needs a reason" in dialog.error_label.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("laptop lost", True))
    qtbot.mouseClick(dialog.revoke_button, LEFT)
    assert dialog.error_label.text() == ""
    assert dialog.table.item(_row_of(dialog, "desk1"), dialog.COL_KEY).text() == "none"
    revoked = [k for k in documents.list_keys(team.admin) if k.owner == "desk1"]
    assert revoked and revoked[0].revoked_at is not None
    users.sign_in(team.admin, "desk1", "desk1-pass-1")  # a new key at the next sign-in
    dialog.refresh()
    assert dialog.table.item(_row_of(dialog, "desk1"), dialog.COL_KEY).text() != "none"
    assert (
        "awaits certification" in dialog.table.item(_row_of(dialog, "desk1"), dialog.COL_KEY).text()
    )
    waiting = [k for k in documents.list_keys(team.admin) if k.owner == "desk1" and not k.certified]
    dialog.table.selectRow(_row_of(dialog, "desk1"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("1234 5678", True))
    qtbot.mouseClick(dialog.certify_button, LEFT)
    assert "does not match" in dialog.error_label.text()
    read_out = waiting[0].fingerprint.lower()  # as a person might type it
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (read_out, True))
    qtbot.mouseClick(dialog.certify_button, LEFT)
    assert dialog.error_label.text() == ""
    key_text = dialog.table.item(_row_of(dialog, "desk1"), dialog.COL_KEY).text()
    assert key_text == waiting[0].key_id
