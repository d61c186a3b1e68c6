"""`named(QLabel(text), "user_label")`: a new widget (or any QObject) with its object name,
the name tests, style sheets and saved window state find it by.

Qt also takes `objectName=` as a keyword of the constructor, but PySide6's stubs list only
the properties a class declares itself, not those it inherits (QObject's objectName among
them), so a type checker refuses the keyword."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Named = TypeVar("_Named", bound=QObject)


def named(obj: _Named, name: str) -> _Named:
    obj.setObjectName(name)
    return obj
