"""A question's text with the spans already read masked out, and a record of every read.

Each reading stage finds its phrase in ``scan.view`` (the text with earlier reads masked, so
two stages never read the same number), then calls ``scan.take(...)`` with the role the
phrase plays. What is left unmasked at the end is a number nobody accounted for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

MASK = "\x1f"
NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")

Role = str  # one of ROLE_WORDS' keys


@dataclass(frozen=True)
class NumberUse:
    """One phrase of the question that holds numbers, and what the reader made of it.

    ``role`` says where it went: a request field (``month``, ``monthly_fee``, ``downtime``,
    ``incident``, ``availability``, ``total_requests`` …), context it recognised and did not
    compute with (``ticket``, ``date``, ``threshold``, ``restated`` …), or ``unclear``.
    ``note`` is the conversion shown to the user (``预付 6000 元 ÷ 12 个月``)."""

    text: str
    role: Role
    note: str = ""
    start: int = 0
    end: int = 0
    around: str = field(default="", compare=False)  # a few characters either side, as written

    @property
    def computed(self) -> bool:
        """Whether this phrase is an input of the calculation (else context or unclear)."""
        return self.role in INPUT_ROLES


INPUT_ROLES = frozenset({
    "month", "monthly_fee", "fee_annual", "fee_prepaid", "fee_paid", "downtime", "incident",
    "unit_count", "availability", "denominator", "total_requests", "failed_requests",
    "unit_price", "daily_fee", "order_fee", "event_count", "service_end", "service_start",
    "instance_downtime", "error_windows", "instance_count", "quantity", "request_rate"})


class Scan:
    """The normalised question, masked as it is read."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._chars = list(text)
        self.uses: list[NumberUse] = []

    @property
    def view(self) -> str:
        return "".join(self._chars)

    def take(self, start: int, end: int, role: Role, note: str = "") -> NumberUse:
        """Record ``text[start:end]`` as read in ``role`` and mask it."""
        use = NumberUse(self.text[start:end].strip(), role, note, start, end,
                        self.text[max(0, start - 8):end + 8])
        self.uses.append(use)
        for i in range(start, end):
            self._chars[i] = MASK
        return use

    def relabel(self, roles: set[Role], role: Role, note: str) -> None:
        """Read again: what was taken in one of ``roles`` is ``role`` after all."""
        self.uses[:] = [replace(u, role=role, note=note) if u.role in roles else u
                        for u in self.uses]

    def mark(self, use: NumberUse, role: Role, note: str) -> None:
        """Read one recorded phrase again: ``use`` is ``role`` after all."""
        self.uses[self.uses.index(use)] = replace(use, role=role, note=note)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches in the current view (masked spans never match a number), never one that
        cuts a number in two (``invoice: 2345`` of ``2345.67``)."""
        view = self.view
        return (m for m in pattern.finditer(view) if not _cuts(view, m.start(), m.end()))

    def leftover(self) -> list[re.Match[str]]:
        """Numbers no stage read."""
        return list(NUMBER_RE.finditer(self.view))

    def ordered(self) -> tuple[NumberUse, ...]:
        return tuple(sorted(self.uses, key=lambda u: u.start))


def _cuts(view: str, start: int, end: int) -> bool:
    """Whether ``view[start:end]`` begins or ends inside a number."""
    if start == end:
        return False
    inside_end = view[end - 1].isdigit() and (
        end < len(view) and view[end].isdigit()
        or view[end:end + 1] == "." and view[end + 1:end + 2].isdigit())
    inside_start = view[start].isdigit() and start > 0 and (
        view[start - 1].isdigit()
        or view[start - 1] == "." and start > 1 and view[start - 2].isdigit())
    return inside_end or inside_start
