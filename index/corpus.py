"""Read the agreement corpus kept inside the project and check it is the expected text."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from index.errors import CorpusError

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "data" / "corpus"
CORPUS_FILE = CORPUS_DIR / "tencent-cloud-agreements.txt"
CHECKSUMS_FILE = CORPUS_DIR / "SHA256SUMS"


@dataclass(frozen=True)
class Corpus:
    """The corpus as a list of raw lines (index 0 = line 1) and its sha256."""

    path: Path
    sha256: str
    lines: tuple[str, ...]

    def line(self, no: int) -> str:
        """The raw text of 1-based line ``no``."""
        return self.lines[no - 1]


def expected_sha256(path: Path, checksums: Path) -> str:
    """The sha256 recorded for ``path``'s file name in a ``sha256sum`` style file."""
    try:
        for row in checksums.read_text(encoding="utf-8").splitlines():
            digest, _, name = row.strip().partition("  ")
            if name.strip().lstrip("*") == path.name:
                return digest.lower()
    except OSError as exc:
        raise CorpusError(f"Cannot read the checksum file {checksums}: {exc}. "
                          "Restore it from the repository (git checkout data/corpus).") from exc
    raise CorpusError(f"{checksums} has no checksum for {path.name}; "
                      "restore it from the repository (git checkout data/corpus).")


def load_corpus(path: Path = CORPUS_FILE, checksums: Path | None = None) -> Corpus:
    """Load the corpus and verify its sha256 against ``SHA256SUMS`` beside it.

    A missing file or a mismatch raises :class:`CorpusError` with what to do.
    """
    checksums = checksums or path.parent / "SHA256SUMS"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"Cannot read the corpus at {path}: {exc.strerror or exc}. "
                          "Restore it from the repository (git checkout data/corpus).") from exc
    digest = hashlib.sha256(raw).hexdigest()
    expected = expected_sha256(path, checksums)
    if digest != expected:
        raise CorpusError(
            f"The corpus at {path} is not the expected text (sha256 {digest[:12]}…, "
            f"expected {expected[:12]}…). Restore it with `git checkout data/corpus` "
            "or update SHA256SUMS if the new text was reviewed."
        )
    text = raw.decode("utf-8")
    log.debug("loaded corpus %s (%d bytes)", path, len(raw))
    return Corpus(path=path, sha256=digest, lines=tuple(text.split("\n")))
