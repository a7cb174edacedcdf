"""The evaluation question set loads, meets its minimums and is anchored in the parsed corpus."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval.dataset import DEFAULT_PATH, DatasetError, Question, load_questions
from index.domain import Clause, Document
from index.parser import Agreements

ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z \-']*")


def squash(text: str) -> str:
    """Text with all whitespace removed (clause texts join wrapped lines and table cells)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return load_questions(DEFAULT_PATH)


def find_clause(doc: Document, section: str) -> Clause | None:
    """The clause a gold entry names: its id suffix as `python -m index show` prints it."""
    for clause in doc.clauses:
        if clause.id.split("#", 1)[1] == section:
            return clause
    return doc.clause(section)


# --- the file itself ---------------------------------------------------------------------


def test_file_loads_with_unique_ids(questions: list[Question]) -> None:
    assert len({q.id for q in questions}) == len(questions)
    assert all(re.fullmatch(r"q\d{3,}", q.id) for q in questions)


def test_lines_are_plain_utf8_json_objects() -> None:
    for line in DEFAULT_PATH.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        assert isinstance(data, dict)
        assert "\\u" not in line  # written with ensure_ascii=False


def test_minimum_counts(questions: list[Question]) -> None:
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 230
    assert sum(q.lang == "en" for q in questions) >= 35
    assert kinds["unanswerable"] >= 25
    assert kinds["followup"] >= 25
    assert kinds["comparison"] >= 15
    assert kinds["fact"] >= 50 and kinds["numeric"] >= 50
    docs = {g.doc_line for q in questions for g in q.gold}
    assert len(docs) >= 85


def test_every_kind_has_english_questions(questions: list[Question]) -> None:
    en_kinds = {q.kind for q in questions if q.lang == "en"}
    assert en_kinds == {"fact", "numeric", "comparison", "followup", "unanswerable"}


def test_split_is_about_forty_percent_heldout_in_every_kind(questions: list[Question]) -> None:
    for kind in {q.kind for q in questions}:
        group = [q for q in questions if q.kind == kind]
        share = sum(q.split == "heldout" for q in group) / len(group)
        assert 0.3 <= share <= 0.5, (kind, share)


def test_questions_are_not_duplicated(questions: list[Question]) -> None:
    texts = Counter((q.question, tuple(t.content for t in q.history)) for q in questions)
    assert [t for t, n in texts.items() if n > 1] == []


def test_history_alternates_and_ends_with_the_assistant(questions: list[Question]) -> None:
    for q in questions:
        if not q.history:
            continue
        roles = [turn.role for turn in q.history]
        assert roles[0] == "user" and roles[-1] == "assistant", q.id
        assert all(a != b for a, b in zip(roles, roles[1:])), q.id


# --- anchored in the parsed corpus ------------------------------------------------------


def test_gold_documents_are_real_title_lines(
        questions: list[Question], agreements: Agreements) -> None:
    titles = {doc.doc_line: doc.title for doc in agreements.documents}
    lines = agreements.corpus.lines
    for q in questions:
        for g in q.gold:
            assert titles.get(g.doc_line) == g.doc_title, (q.id, g.doc_line, g.doc_title)
            assert lines[g.doc_line - 1].strip() == g.doc_title, (q.id, g.doc_line)


def test_evidence_is_in_the_named_clause(
        questions: list[Question], agreements: Agreements) -> None:
    docs = {doc.doc_line: doc for doc in agreements.documents}
    problems = []
    for q in questions:
        for g in q.gold:
            assert 10 <= len(g.evidence) <= 60, (q.id, g.evidence)
            clause = find_clause(docs[g.doc_line], g.section)
            if clause is None:
                problems.append(f"{q.id}: no clause {g.section!r} in {g.doc_title}")
            elif squash(g.evidence) not in squash(clause.text):
                problems.append(f"{q.id}: evidence not in {g.doc_title} {g.section}: {g.evidence}")
    assert problems == []


def test_key_facts_are_in_the_gold_clauses(
        questions: list[Question], agreements: Agreements) -> None:
    docs = {doc.doc_line: doc for doc in agreements.documents}
    problems = []
    for q in questions:
        if not q.answerable:
            continue
        texts = []
        for g in q.gold:
            clause = find_clause(docs[g.doc_line], g.section)
            if clause is not None:
                texts.append(squash(clause.text))
        for fact in q.key_facts:
            if q.lang == "en" and ENGLISH_WORD.fullmatch(fact):
                continue
            if not any(squash(fact) in text for text in texts):
                problems.append(f"{q.id}: key fact {fact!r} not in its gold clauses")
    assert problems == []


# --- the loader rejects malformed input -------------------------------------------------


GOOD = {
    "id": "q1", "question": "CVM 单实例可用性是多少？", "history": [], "lang": "zh",
    "kind": "numeric",
    "gold": [{"doc_line": 1285, "doc_title": "云服务器服务等级协议", "section": "2.2",
              "evidence": "单实例服务可用性不低于99.975%"}],
    "key_facts": ["99.975%"], "answerable": True, "split": "tune",
}


def write(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "questions.jsonl"
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
             for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def variant(**changes: object) -> dict[str, object]:
    row = dict(GOOD)
    row.update(changes)
    return row


def test_a_good_file_loads(tmp_path: Path) -> None:
    loaded = load_questions(write(tmp_path, [GOOD, variant(id="q2")]))
    assert [q.id for q in loaded] == ["q1", "q2"]
    assert loaded[0].gold[0].doc_line == 1285


@pytest.mark.parametrize("bad", [
    "{not json",
    "[1, 2]",
    variant(kind="opinion"),
    variant(lang="fr"),
    variant(split="dev"),
    variant(gold=[]),
    variant(key_facts=[]),
    variant(kind="unanswerable", answerable=False),
    variant(kind="unanswerable", answerable=False, key_facts=[], gold=[
        {"doc_line": 1285, "doc_title": "x", "section": "1", "evidence": "y"}]),
    variant(kind="fact", answerable=False, gold=[], key_facts=[]),
    variant(kind="followup"),
    variant(kind="comparison"),
    variant(history=[{"role": "system", "content": "hi"}]),
    variant(gold=[{"doc_line": "L1285", "doc_title": "x", "section": "1", "evidence": "y"}]),
    variant(extra_field=1),
    {k: v for k, v in GOOD.items() if k != "question"},
])
def test_malformed_line_names_file_and_line(tmp_path: Path, bad: object) -> None:
    path = write(tmp_path, [GOOD, variant(id="q2"), bad])
    with pytest.raises(DatasetError) as info:
        load_questions(path)
    message = str(info.value)
    assert f"{path}:3" in message


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD, variant(id="q2"), variant(id="q1")])
    with pytest.raises(DatasetError, match=r":3: duplicate id 'q1' \(first on line 1\)"):
        load_questions(path)


def test_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD, "", variant(lang="de")])
    with pytest.raises(DatasetError, match=r"questions\.jsonl:3:"):
        load_questions(path)


def test_unanswerable_question_without_gold_loads(tmp_path: Path) -> None:
    row = variant(kind="unanswerable", answerable=False, gold=[], key_facts=[])
    assert load_questions(write(tmp_path, [row]))[0].answerable is False


def test_missing_or_empty_file_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="cannot read"):
        load_questions(tmp_path / "absent.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(DatasetError, match="no questions"):
        load_questions(empty)


def test_dataset_error_is_a_value_error() -> None:
    assert issubclass(DatasetError, ValueError)
