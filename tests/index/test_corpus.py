"""The project's copy of the corpus is checked by sha256 when loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.corpus import CORPUS_FILE, load_corpus
from index.errors import CorpusError


def test_loads_the_project_copy_with_its_checksum() -> None:
    corpus = load_corpus()
    assert corpus.sha256 == "68f6c73ba7e49730ddbe6a41bb646c7df817095f71c937259eaeb0daf8634038"
    assert corpus.line(1285) == "云服务器服务等级协议"
    assert len(corpus.lines) == 58051  # 58,050 lines and the final newline


def test_changed_text_is_a_clear_error(tmp_path: Path) -> None:
    copy = tmp_path / CORPUS_FILE.name
    shutil.copy(CORPUS_FILE, copy)
    shutil.copy(CORPUS_FILE.parent / "SHA256SUMS", tmp_path / "SHA256SUMS")
    with copy.open("a", encoding="utf-8") as f:
        f.write("tampered\n")
    with pytest.raises(CorpusError, match="not the expected text.*git checkout data/corpus"):
        load_corpus(copy)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="Cannot read the corpus"):
        load_corpus(tmp_path / "missing.txt")


def test_missing_checksum_entry_is_a_clear_error(tmp_path: Path) -> None:
    copy = tmp_path / "other.txt"
    shutil.copy(CORPUS_FILE, copy)
    (tmp_path / "SHA256SUMS").write_text("abc  something-else.txt\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="has no checksum for other.txt"):
        load_corpus(copy)
