"""Benchmark of a full parse: wall time (best and median of several runs) and counts.

Run with ``python -m index bench``; the figures go into the closing note and README.
"""

from __future__ import annotations

import statistics
import time

from index.corpus import load_corpus
from index.layout import is_heading, is_table_row, section_number
from index.parser import parse_corpus

RUNS = 3


def _clear_caches() -> None:
    for cached in (is_heading, is_table_row, section_number):
        cached.cache_clear()


def run_benchmark(runs: int = RUNS) -> str:
    """Parse the corpus ``runs`` times from cold caches and report time and counts."""
    corpus = load_corpus()
    times = []
    agreements = None
    for _ in range(runs):
        _clear_caches()
        start = time.perf_counter()
        agreements = parse_corpus(corpus)
        times.append(time.perf_counter() - start)
    assert agreements is not None
    docs = agreements.documents
    clauses = [c for d in docs for c in d.clauses]
    tables = sum(len(c.tables) for c in clauses)
    rows = sum(len(t.rows) for c in clauses for t in c.tables)
    pages = {p for d in docs for p in range(d.page_start, d.page_end + 1)}
    start = time.perf_counter()
    load_corpus()
    load_s = time.perf_counter() - start
    return "\n".join([
        f"corpus load + sha256 check: {load_s:.3f} s",
        f"full parse: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
        f"over {runs} runs (target < 5 s)",
        f"documents: {len(docs)} ({sum(d.kind == 'sla' for d in docs)} SLAs)",
        f"clauses: {len(clauses)}",
        f"tables: {tables} ({rows} rows)",
        f"pages: {len(agreements.pages.starts)} page starts, documents cover {len(pages)} pages",
        f"footers checked: {len(agreements.pages.footers)}, "
        f"mismatches: {len(agreements.pages.mismatches())}",
    ])
