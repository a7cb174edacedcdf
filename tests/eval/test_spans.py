"""Character-level precision/recall of cited spans, on hand-made ranges and a tiny corpus."""

from __future__ import annotations

import pytest

from eval.dataset import Gold
from eval.spans import (
    CorpusText,
    char_precision_recall,
    cited_spans,
    gold_spans,
    length,
    merge,
    overlap,
)


def test_merge_joins_overlapping_and_touching_ranges() -> None:
    assert merge([(5, 8), (0, 3), (2, 6), (9, 9)]) == [(0, 8)]
    assert merge([(0, 2), (2, 4), (6, 7)]) == [(0, 4), (6, 7)]
    assert length([(0, 10), (5, 15)]) == 15


def test_overlap_counts_shared_characters_once() -> None:
    # cited 0-10 and 20-30, gold 5-25: shared 5-10 (5) + 20-25 (5) = 10
    assert overlap([(0, 10), (20, 30)], [(5, 25)]) == 10
    assert overlap([(0, 10), (0, 10)], [(0, 4)]) == 4  # a span cited twice counts once
    assert overlap([(0, 5)], [(5, 9)]) == 0


@pytest.mark.parametrize(("cited", "gold", "expected"), [
    ([(0, 10)], [(5, 25)], (0.5, 0.25)),            # 5 shared of 10 cited, of 20 gold
    ([(10, 20)], [(10, 20)], (1.0, 1.0)),           # exact
    ([(0, 100)], [(40, 60)], (0.2, 1.0)),           # whole clause cited around the evidence
    ([(0, 10), (20, 30)], [(5, 25)], (0.5, 0.5)),   # 10 shared of 20 cited, of 20 gold
    ([(0, 10)], [(50, 60)], (0.0, 0.0)),            # wrong place
    ([], [(0, 10)], (0.0, 0.0)),                    # nothing cited
])
def test_char_precision_recall(cited: list[tuple[int, int]], gold: list[tuple[int, int]],
                               expected: tuple[float, float]) -> None:
    assert char_precision_recall(cited, gold) == pytest.approx(expected)


# line 1 "标题" (0-2), 2 "第一条 违约金为" (3-11), 3 "万分之五。" (12-17), 4 "其他" (18-20)
LINES = ["标题", "第一条 违约金为", "万分之五。", "其他"]


def test_corpus_offsets_and_lines() -> None:
    corpus = CorpusText.from_lines(LINES)
    assert corpus.line_starts == (0, 3, 12, 18, 21)
    assert corpus.lines_span(2, 3) == (3, 17)
    assert corpus.text[3:17] == "第一条 违约金为\n万分之五。"
    assert corpus.line_of(12) == 3


def test_find_ignores_whitespace_and_line_breaks() -> None:
    corpus = CorpusText.from_lines(LINES)
    # "违约金为万分之五" spans the line break: starts at 违 (7), ends after 五 (16)
    assert corpus.find("违约金为 万分之五", corpus.lines_span(1, 4)) == (7, 16)
    assert corpus.find("违约金", corpus.lines_span(3, 4)) is None  # outside the range


def test_gold_and_cited_spans() -> None:
    corpus = CorpusText.from_lines(LINES)
    gold = [Gold(doc_line=1, doc_title="标题", section="1", evidence="万分之五")]
    assert gold_spans(corpus, gold, {1: 4}) == [(12, 16)]
    missing = [Gold(doc_line=1, doc_title="标题", section="1", evidence="千分之三")]
    assert gold_spans(corpus, missing, {1: 4}) is None
    quoted = {"line_start": 2, "line_end": 3, "quote": "违约金为万分之五。"}
    unquoted = {"line_start": 2, "line_end": 3, "quote": ""}
    stitched = {"line_start": 1, "line_end": 4, "quote": "标题 … 万分之五"}
    assert cited_spans(corpus, [quoted]) == [(7, 17)]
    assert cited_spans(corpus, [unquoted]) == [(3, 17)]
    assert cited_spans(corpus, [stitched]) == [(12, 16)]  # "标题" is under 4 characters
    # quote: precision 4/10, recall 1; whole lines: 4/14, recall 1
    assert char_precision_recall(cited_spans(corpus, [quoted]), [(12, 16)]) == (0.4, 1.0)
    assert char_precision_recall(cited_spans(corpus, [unquoted]), [(12, 16)]) == (4 / 14, 1.0)
