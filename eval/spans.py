"""Character-level precision and recall of cited spans (LegalBench-RAG style).

Both sides are character ranges ``[start, end)`` of the corpus file
``data/corpus/tencent-cloud-agreements.txt`` (the lines joined with ``\\n``):

- gold: where a gold evidence string sits inside its gold document (found ignoring
  whitespace, since the evidence is written without the corpus's line breaks);
- cited: for every citation of an answer, where its ``quote`` sits inside the cited lines
  (a quote stitched from several sentences or table cells: where each piece of 4+
  characters sits), or the whole of lines ``line_start..line_end`` when it has no quote or
  no piece of it is found there.

precision = |cited ∩ gold| / |cited|, recall = |cited ∩ gold| / |gold|, each range set merged
first so overlapping citations count once. No citation gives precision 0 and recall 0.

    >>> char_precision_recall([(0, 10)], [(5, 25)])
    (0.5, 0.25)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]
_SPACE = re.compile(r"\s")
_PIECES = re.compile(r"[。；！？;!?…\s]+")


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, non-overlapping union of ``spans`` (empty ones dropped).

    >>> merge([(5, 8), (0, 3), (2, 6), (9, 9)])
    [(0, 8)]
    """
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def length(spans: Iterable[Span]) -> int:
    return sum(end - start for start, end in merge(spans))


def overlap(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Characters in both span sets."""
    left, right = merge(a), merge(b)
    total = i = j = 0
    while i < len(left) and j < len(right):
        start, end = max(left[i][0], right[j][0]), min(left[i][1], right[j][1])
        total += max(0, end - start)
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return total


def char_precision_recall(cited: Sequence[Span], gold: Sequence[Span]) -> tuple[float, float]:
    """(precision, recall) of ``cited`` against ``gold``; 0 where a side is empty."""
    shared = overlap(cited, gold)
    cited_len, gold_len = length(cited), length(gold)
    return (shared / cited_len if cited_len else 0.0, shared / gold_len if gold_len else 0.0)


@dataclass(frozen=True)
class CorpusText:
    """The corpus as one string with the offset of every line; finds text by its lines."""

    text: str
    line_starts: tuple[int, ...]  # index 0 = line 1; one extra entry = len(text) + 1

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> CorpusText:
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        return cls("\n".join(lines), tuple(starts))

    def lines_span(self, first: int, last: int) -> Span:
        """The characters of 1-based lines ``first..last`` (without the final newline)."""
        first = max(1, min(first, len(self.line_starts) - 1))
        last = max(first, min(last, len(self.line_starts) - 1))
        return self.line_starts[first - 1], self.line_starts[last] - 1

    def find(self, needle: str, within: Span) -> Span | None:
        """Where ``needle`` sits inside ``within``, whitespace ignored on both sides."""
        wanted = _SPACE.sub("", needle)
        if not wanted:
            return None
        start, end = within
        kept = [i for i in range(start, end) if not self.text[i].isspace()]
        squashed = "".join(self.text[i] for i in kept)
        at = squashed.find(wanted)
        if at < 0:
            return None
        return kept[at], kept[at + len(wanted) - 1] + 1

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)


def gold_spans(corpus: CorpusText, gold: Iterable[Any],
               doc_ends: Mapping[int, int]) -> list[Span] | None:
    """Spans of every gold evidence inside its document (``doc_line..doc_ends[doc_line]``);
    None when one cannot be found (the question is then left out of the char metrics)."""
    spans = []
    for g in gold:
        found = corpus.find(g.evidence, corpus.lines_span(g.doc_line, doc_ends.get(
            g.doc_line, g.doc_line)))
        if found is None:
            return None
        spans.append(found)
    return spans


def quote_spans(corpus: CorpusText, quote: str, within: Span) -> list[Span]:
    """Where ``quote`` sits in ``within``: whole, else piece by piece (sentences, cells)."""
    whole = corpus.find(quote, within)
    if whole is not None:
        return [whole]
    pieces = (corpus.find(p, within) for p in _PIECES.split(quote) if len(p) >= 4)
    return [p for p in pieces if p is not None]


def cited_spans(corpus: CorpusText, citations: Iterable[Mapping[str, Any]]) -> list[Span]:
    """The quote of each citation where it is in the cited lines, else the lines."""
    spans = []
    for c in citations:
        lines = corpus.lines_span(int(c["line_start"]), int(c["line_end"]))
        quote = str(c.get("quote") or "")
        spans.extend((quote_spans(corpus, quote, lines) if quote else []) or [lines])
    return spans
