"""Chunks and document headers on disk (``chunks.jsonl``, ``documents.json``), so a search
process needs neither the parser nor the corpus text, and can rebuild the product table."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.chunks import Chunk
from index.domain import Document
from index.errors import UserError

DOCUMENTS_FILE = "documents.json"


def _chunk_from(record: dict[str, Any]) -> Chunk:
    return Chunk(**(record | {"path": tuple(record["path"])}))


def save_chunks(path: Path, chunks: Sequence[Chunk], documents: Sequence[Document]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(dataclasses.asdict(chunk), ensure_ascii=False) + "\n")
    tmp.replace(path)
    headers = [{f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)
                if f.name != "clauses"} for doc in documents]
    (path.parent / DOCUMENTS_FILE).write_text(json.dumps(headers, ensure_ascii=False),
                                              encoding="utf-8")


def load_chunks(path: Path) -> list[Chunk]:
    if not path.exists():
        raise UserError(f"No index at {path.parent}; run `python -m index build`.")
    with path.open(encoding="utf-8") as lines:
        return [_chunk_from(json.loads(line)) for line in lines if line.strip()]


def load_documents(folder: Path) -> list[Document]:
    """Document headers (no clauses) as saved by :func:`save_chunks`."""
    file = folder / DOCUMENTS_FILE
    if not file.exists():
        raise UserError(f"No index at {folder}; run `python -m index build`.")
    return [Document(**(record | {"links": tuple(tuple(link) for link in record.get("links", []))}))
            for record in json.loads(file.read_text(encoding="utf-8"))]
