"""The evaluation question set: typed models and a strict JSONL loader.

One question per line of ``eval/datasets/questions.jsonl`` (UTF-8). See
``eval/datasets/README.md`` for the format. ``load_questions`` rejects anything malformed
with a :class:`DatasetError` naming the file and the 1-based line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_PATH = Path(__file__).resolve().parent / "datasets" / "questions.jsonl"

Kind = Literal["fact", "numeric", "comparison", "followup", "unanswerable"]
Lang = Literal["zh", "en"]
Split = Literal["tune", "heldout"]
Role = Literal["user", "assistant"]

KINDS: tuple[Kind, ...] = ("fact", "numeric", "comparison", "followup", "unanswerable")
LANGS: tuple[Lang, ...] = ("zh", "en")
SPLITS: tuple[Split, ...] = ("tune", "heldout")


class DatasetError(ValueError):
    """A question file that cannot be used: names the file and, where known, the line."""


class Strict(BaseModel):
    """Dataset records: unknown fields are mistakes, records never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class HistoryTurn(Strict):
    """One earlier turn of a conversation (follow-up questions only)."""

    role: Role
    content: str = Field(min_length=1)


class Gold(Strict):
    """Where the answer is written: a document (by title line) and one clause of it."""

    doc_line: int = Field(ge=1)
    doc_title: str = Field(min_length=1)
    section: str = Field(min_length=1)
    evidence: str = Field(min_length=1)


class Question(Strict):
    """One evaluation question with its expected sources and the facts an answer must hold."""

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    history: tuple[HistoryTurn, ...] = ()
    lang: Lang
    kind: Kind
    gold: tuple[Gold, ...] = ()
    key_facts: tuple[str, ...] = ()
    answerable: bool
    split: Split

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.answerable:
            if self.kind == "unanswerable":
                raise ValueError("kind 'unanswerable' needs answerable: false")
            if not self.gold:
                raise ValueError("an answerable question needs at least one gold entry")
            if not self.key_facts:
                raise ValueError("an answerable question needs at least one key fact")
        else:
            if self.kind != "unanswerable":
                raise ValueError(f"answerable: false needs kind 'unanswerable', not {self.kind!r}")
            if self.gold:
                raise ValueError("an unanswerable question must have no gold entries")
            if self.key_facts:
                raise ValueError("an unanswerable question must have no key facts")
        if self.kind == "followup" and not self.history:
            raise ValueError("a followup question needs a non-empty history")
        if self.kind == "comparison" and len({g.doc_line for g in self.gold}) < 2:
            raise ValueError("a comparison question needs gold entries from two or more documents")
        if any(not fact.strip() for fact in self.key_facts):
            raise ValueError("key facts must not be blank")
        return self

    @property
    def doc_lines(self) -> tuple[int, ...]:
        """The distinct gold documents, in order of first mention."""
        return tuple(dict.fromkeys(g.doc_line for g in self.gold))


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else str(item["msg"]))
    return "; ".join(parts)


R = TypeVar("R", bound="Strict")


def parse_records(lines: Iterable[str], source: str, model: type[R],
                  error: type[ValueError], blank_lines: bool = True) -> list[R]:
    """Records of a JSONL dev set, each validated by ``model``; the first defect raises
    ``error`` naming ``source`` and the line (bad JSON, invalid record, duplicate ``id``)."""
    records: list[R] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        where = f"{source}:{number}"
        if not text:
            if blank_lines:
                continue
            raise error(f"{where}: blank line (one JSON object per line)")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: invalid JSON ({exc.msg})") from exc
        if not isinstance(data, dict):
            raise error(f"{where}: expected a JSON object, got {type(data).__name__}")
        try:
            record = model.model_validate(data)
        except ValidationError as exc:
            raise error(f"{where}: {_describe(exc)}") from exc
        record_id = str(cast(Any, record).id)  # every dev-set record has an id
        if record_id in seen:
            raise error(f"{where}: duplicate id {record_id!r} (first on line {seen[record_id]})")
        seen[record_id] = number
        records.append(record)
    if not records:
        raise error(f"{source}: no questions")
    return records


def parse_questions(lines: Iterable[str], source: str = "<questions>") -> list[Question]:
    """Parse JSONL text; ``source`` names the input in error messages."""
    return parse_records(lines, source, Question, DatasetError)


def load_questions(path: str | Path = DEFAULT_PATH) -> list[Question]:
    """Load and validate a question file; raises :class:`DatasetError` on any problem."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise DatasetError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{file}: not UTF-8 ({exc.reason})") from exc
    return parse_questions(text.splitlines(), source=str(file))
