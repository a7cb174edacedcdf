"""What an index was built from; ``python -m index build`` skips when nothing changed.

The fingerprint is the corpus sha256, the embedder name and a hash of the code and data
that decide the chunks and tokens (parser, chunker, product table and aliases, tokenizer).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

INDEX_PACKAGE = Path(__file__).resolve().parent.parent
CHUNKING_SOURCES = (
    "corpus.py", "pages.py", "layout.py", "documents.py", "clauses.py", "placement.py",
    "slugs.py", "domain.py", "parser.py", "products.py", "chunks.py", "data/product_aliases.json",
    "stores/tokens.py", "stores/sparse.py", "stores/chunkstore.py",
)


def file_digests(folder: Path, names: list[str]) -> dict[str, str]:
    """sha256 of each named file under ``folder`` (relative POSIX names as keys)."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names
            if (folder / name).is_file()}


def chunking_code_hash(package: Path = INDEX_PACKAGE) -> str:
    """sha256 over the sources and data files that decide the chunks and their tokens."""
    digest = hashlib.sha256()
    for file in (package / name for name in CHUNKING_SOURCES):
        digest.update(file.relative_to(package).as_posix().encode())
        digest.update(file.read_bytes() if file.exists() else b"")
    return digest.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """Inputs of the built chunks/BM25 index and the embedders whose collections are current."""

    corpus_sha256: str
    code_hash: str
    chunks: int = 0
    embedders: tuple[str, ...] = ()
    built_at: str = ""
    files: dict[str, str] = field(default_factory=dict)  # sha256 of each written file

    def damaged(self, folder: Path) -> str | None:
        """The first recorded file of ``folder`` that is missing or not as it was written."""
        for name, digest in sorted(self.files.items()):
            file = folder / name
            if not file.exists() or hashlib.sha256(file.read_bytes()).hexdigest() != digest:
                return name
        return None

    def same_chunks(self, other: Manifest) -> bool:
        return (self.corpus_sha256, self.code_hash) == (other.corpus_sha256, other.code_hash)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            return cls(**(record | {"embedders": tuple(record.get("embedders", ()))}))
        except (OSError, ValueError, TypeError):
            return None
