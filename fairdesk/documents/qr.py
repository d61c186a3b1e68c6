# mypy: disable-error-code="import-untyped"
"""A payload's QR modules, the same ones the `qrcode` library gives, found faster.

`qrcode` picks the mask by laying the data out eight times and scoring each layout
with its penalty rules cell by cell in Python: two thirds of the time of issuing a
document's QR code. Here the data is laid out once, the eight masks are applied as
whole rows of bits, the same penalty rules are counted on those rows, and the library
lays out the final code with the mask chosen. The result must be the library's to the
module (a reprint of a document issued before has to give the same bytes): a test
compares the two on many payloads.
"""

from __future__ import annotations

import re
from functools import lru_cache

import qrcode
import qrcode.constants
from qrcode import util

_RUN = re.compile(r"0{5,}|1{5,}")
# The 1:1:3:1:1 finder-like pattern with four light modules before or after it.
_FINDER = re.compile(r"(?=10111010000|00001011101)")


def matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules (error correction M, no quiet zone) of `payload`."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(payload)
    version = qr.best_fit(start=qr.version)
    data = util.create_data(version, qr.error_correction, qr.data_list)
    layout = _layout(version)
    unmasked = layout.place(data)
    n = len(unmasked)
    best = 0
    lowest = 0
    for i in range(8):
        flips = layout.masks[i]
        points = lost_point([row ^ flips[r] for r, row in enumerate(unmasked)], n)
        if i == 0 or lowest > points:  # the library's rule: the first of the lowest
            lowest, best = points, i
    flips = layout.masks[best]
    rows = [row ^ flips[r] for r, row in enumerate(unmasked)]
    frame = layout.frame(best)
    return tuple(
        tuple(
            bool(rows[r] >> c & 1) if fixed is None else bool(fixed) for c, fixed in enumerate(line)
        )
        for r, line in enumerate(frame)
    )


class _Layout:
    """One version's fixed patterns, the order the data fills the other modules in (the
    library's `map_data` walk: two columns at a time, up and down, from the right), and
    the modules each mask flips there."""

    def __init__(self, version: int) -> None:
        self.version = version
        blank = self._blank(True, 0)
        n = len(blank)
        self.order: list[tuple[int, int]] = []
        row, inc = n - 1, -1
        for right in range(n - 1, 0, -2):
            col = right - 1 if right <= 6 else right  # skip the vertical timing pattern
            while True:
                for c in (col, col - 1):
                    if blank[row][c] is None:
                        self.order.append((row, c))
                row += inc
                if row < 0 or row >= n:
                    row -= inc
                    inc = -inc
                    break
        self.masks = tuple(
            tuple(
                sum(1 << c for c in range(n) if blank[r][c] is None and util.mask_func(i)(r, c))
                for r in range(n)
            )
            for i in range(8)
        )
        # The fixed patterns' dark modules as the library scores them (format bits light).
        self.scored = tuple(_bits(row) for row in blank)
        self.frames: dict[int, list[list[bool | None]]] = {}

    def _blank(self, test: bool, mask: int) -> list[list[bool | None]]:
        qr = qrcode.QRCode(version=self.version, error_correction=qrcode.constants.ERROR_CORRECT_M)
        n = qr.modules_count = self.version * 4 + 17
        qr.modules = [[None] * n for _ in range(n)]
        qr.setup_position_probe_pattern(0, 0)
        qr.setup_position_probe_pattern(n - 7, 0)
        qr.setup_position_probe_pattern(0, n - 7)
        qr.setup_position_adjust_pattern()
        qr.setup_timing_pattern()
        qr.setup_type_info(test, mask)
        if self.version >= 7:
            qr.setup_type_number(test)
        modules: list[list[bool | None]] = qr.modules
        return modules

    def frame(self, mask: int) -> list[list[bool | None]]:
        """The fixed patterns with the format (and version) bits of `mask`."""
        if mask not in self.frames:
            self.frames[mask] = self._blank(False, mask)
        return self.frames[mask]

    def place(self, data: list[int]) -> list[int]:
        """The test layout before masking, as rows of bits (bit c: column c): the fixed
        patterns, the format bits light, the data's bits in their modules."""
        rows = list(self.scored)
        size = len(data)
        for index, (r, c) in enumerate(self.order):
            byte = index >> 3
            if byte < size and data[byte] >> (7 - (index & 7)) & 1:
                rows[r] |= 1 << c
        return rows


def _bits(row: list[bool | None]) -> int:
    """A row as an integer whose bit c is the module in column c."""
    return sum(1 << c for c, dark in enumerate(row) if dark)


@lru_cache(maxsize=8)
def _layout(version: int) -> _Layout:
    return _Layout(version)


def lost_point(rows: list[int], n: int) -> int:
    """`qrcode.util.lost_point` (the four penalty rules of ISO/IEC 18004) on rows of bits."""
    text = [format(row, f"0{n}b")[::-1] for row in rows]
    columns = ["".join(col) for col in zip(*text, strict=True)]
    points = 0
    for line in (*text, *columns):
        runs = _RUN.findall(line)  # runs of five or more
        points += sum(map(len, runs)) - 2 * len(runs)
        points += 40 * len(_FINDER.findall(line))  # finder-like patterns
    inner = (1 << (n - 1)) - 1
    for a, b in zip(rows, rows[1:], strict=False):  # 2×2 blocks of one colour
        same_below = ~(a ^ b)
        same_right = ~(a ^ (a >> 1))
        points += 3 * (same_below & (same_below >> 1) & same_right & inner).bit_count()
    dark = sum(row.bit_count() for row in rows)
    percent = float(dark) / (n**2)
    points += int(abs(percent * 100 - 50) / 5) * 10
    return points
