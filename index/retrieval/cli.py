"""``python -m index build`` and ``python -m index search`` (single and ``--batch``)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError, field_validator

from index.errors import UserError
from index.retrieval.types import Turn
from index.settings import IndexSettings

log = logging.getLogger(__name__)


class _TurnIn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class BatchLine(BaseModel):
    """One line of a ``search --batch`` input file (interfaces.md)."""

    id: str | int
    question: str
    history: list[_TurnIn] = []

    @field_validator("question")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("question is empty")
        return value

    def turns(self) -> tuple[Turn, ...]:
        return tuple(Turn(t.role, t.content) for t in self.history)


def read_batch(path: Path) -> list[BatchLine]:
    """Every line of ``path`` validated; the first bad one raises a UserError naming it."""
    try:
        raw = path.read_bytes().split(b"\n")  # only \n ends a line: U+2028 inside a question stays
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}; pass an existing "
                        "JSONL file to --batch.") from exc
    lines = []
    for no, data in enumerate(raw, start=1):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UserError(f"{path} line {no} is not UTF-8 text; save the file as UTF-8.") \
                from None
        if not text.strip():
            continue
        try:
            lines.append(BatchLine.model_validate_json(text))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            raise UserError(f"{path} line {no}: {where}: {first['msg']}; each line must be "
                            '{"id", "question", "history"?: [{"role", "content"}]}.') from None
    return lines


def cmd_build(args: argparse.Namespace) -> None:
    from index.embedders import build_embedder
    from index.stores.builder import IndexBuilder

    settings = IndexSettings()
    if args.embedder:
        settings = settings.model_copy(update={"embedder": args.embedder})
    builder = IndexBuilder(settings, build_embedder(settings.embedder),
                           progress=not args.quiet)
    report = builder.run(force=args.force)
    if report.skipped:
        print(f"index at {settings.index_dir} is up to date ({report.chunks} chunks, "
              f"embedder {report.embedder}); nothing to do (--force rebuilds)")
    else:
        print(f"built {report.chunks} chunks in {report.seconds:.1f} s: embedded "
              f"{report.embedded}, pruned {report.pruned}, embedder {report.embedder}, "
              f"index {settings.index_dir}")


def cmd_search(args: argparse.Namespace) -> None:
    from index.retrieval.factory import build_retriever

    settings = IndexSettings()
    k = args.k if args.k is not None else (10 if args.batch is not None else settings.k)
    if k < 1:
        raise UserError(f"--k must be at least 1, got {k}.")
    if args.batch is None and (args.question is None or not args.question.strip()):
        raise UserError('Give a question, e.g. `python -m index search "云服务器的可用性承诺"`, '
                        "or --batch IN.jsonl --out OUT.jsonl.")
    if args.batch is not None and args.out is None:
        raise UserError("--batch needs --out OUT.jsonl (where the hits are written).")
    batch = read_batch(args.batch) if args.batch is not None else None
    retriever = build_retriever(settings)
    if batch is None:
        records = [h.record() for h in retriever.run(args.question, k=k)]
        print(json.dumps(records, ensure_ascii=False, indent=1) if args.json
              else _render(records))
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for line in batch:
            hits = retriever.run(line.question, line.turns(), k=k)
            record: dict[str, Any] = {"id": line.id, "hits": [h.record() for h in hits]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(batch)} results to {args.out}", file=sys.stderr)


def _render(hits: list[dict[str, Any]]) -> str:
    blocks = []
    for n, hit in enumerate(hits, start=1):
        where = f"第{hit['page']}页，第{hit['line_start']}–{hit['line_end']}行"
        blocks.append(f"{n}. [{hit['score']:.4f}] {hit['doc_title']} {hit['section']} "
                      f"（{where}）\n   {hit['text'][:300]}")
    return "\n".join(blocks) or "no hits"


def add_commands(sub: Any) -> None:
    build = sub.add_parser("build", help="build or refresh the indexes under data/index/")
    build.add_argument("--embedder", choices=["use", "e5", "m3e"],
                       help="embedder (default: AGREEMENTS_EMBEDDER or use)")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build.add_argument("--quiet", action="store_true", help="no progress bars")
    search = sub.add_parser("search", help="search the agreements (one question or --batch)")
    search.add_argument("question", nargs="?", help="the question, e.g. 云服务器赔偿标准")
    search.add_argument("--k", type=int, help="hits (default AGREEMENTS_K or 5; 10 for --batch)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON")
    search.add_argument("--batch", type=Path, help="IN.jsonl: {id, question, history?}")
    search.add_argument("--out", type=Path, help="OUT.jsonl: {id, hits: [...]}")
