"""A widget with its object name, the name tests and style sheets find it by.

Qt takes any property as a keyword when a widget is built (``QLabel(objectName="x")``), but
PySide6's stubs list only a class's own properties, so ``objectName`` on a label does not
type-check; setting it right after building is the same thing, typed.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Obj = TypeVar("_Obj", bound=QObject)


def named(obj: _Obj, name: str) -> _Obj:
    """``obj`` with its object name set to ``name``."""
    obj.setObjectName(name)
    return obj
