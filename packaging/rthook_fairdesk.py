"""PyInstaller runtime hook: let pyzbar find the zbar library the bundle carries.

pyzbar asks ctypes.util.find_library("zbar"), which looks only at the system's library
folders; on Linux the bundle carries libzbar in <bundle>/zbar (build_installer.py).
"""

import ctypes.util
import sys
from pathlib import Path

_bundle = Path(getattr(sys, "_MEIPASS", ""))
_carried = sorted((_bundle / "zbar").glob("libzbar*")) if _bundle.name else []
if _carried:
    _find_library = ctypes.util.find_library

    def _find_with_bundle(name: str) -> str | None:
        if name == "zbar":
            return str(_carried[0])
        return _find_library(name)

    ctypes.util.find_library = _find_with_bundle
