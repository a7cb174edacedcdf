"""The intent model's examples: every dev question file, labelled by the kind of file."""

from __future__ import annotations

from eval.intent import examples


def test_every_dev_file_gives_examples_labelled_by_its_kind() -> None:
    rows = examples()
    files = {r.file for r in rows}
    assert len(files) >= 80 and "calc_questions" in files and "questions" in files
    assert all(r.credit == r.file.startswith("calc_") for r in rows)
    assert 2000 < sum(r.credit for r in rows) < len(rows) - 2000
    assert any(r.history for r in rows if r.credit) and any(r.history for r in rows if not r.credit)
