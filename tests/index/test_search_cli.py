"""`python -m index search` as a user runs it: one question, --json, --batch, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.embedders import build_embedder
from index.settings import IndexSettings
from index.stores.builder import IndexBuilder

pytestmark = pytest.mark.integration

HIT_FIELDS = {"doc_title", "doc_line", "section", "page", "line_start", "line_end", "score",
              "text"}


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-index")
    IndexBuilder(IndexSettings(index_dir=folder, embedder="use"), build_embedder("use"),
                 progress=False, doc_filter={"cvm-sla", "cos-sla", "tencent-cloud-terms"}).run()
    return folder


def run_cli(index_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"AGREEMENTS_INDEX_DIR": str(index_dir), "AGREEMENTS_EMBEDDER": "use"}
    return subprocess.run([sys.executable, "-m", "index", *args], capture_output=True,
                          text=True, check=False, timeout=120, env=env)


def test_search_prints_hits_with_page_and_lines(index_dir: Path) -> None:
    result = run_cli(index_dir, "search", "云服务器的可用性承诺是多少", "--k", "3")
    assert result.returncode == 0, result.stderr
    assert "云服务器服务等级协议" in result.stdout and "页" in result.stdout


def test_search_json(index_dir: Path) -> None:
    result = run_cli(index_dir, "search", "COS claim deadline", "--json", "--k", "2")
    hits = json.loads(result.stdout)
    assert len(hits) == 2 and HIT_FIELDS <= set(hits[0])
    assert hits[0]["doc_title"] == "对象存储服务等级协议"


def test_batch_writes_the_interface_contract(index_dir: Path, tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in [
        {"id": "a", "question": "CVM 可用性承诺"},
        {"id": "b", "question": "那赔多少？",
         "history": [{"role": "user", "content": "COS 的可用性承诺"},
                     {"role": "assistant", "content": "99.95%"}]},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_cli(index_dir, "search", "--batch", str(batch), "--out", str(out), "--k", "4")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert all(len(line["hits"]) == 4 and HIT_FIELDS <= set(line["hits"][0]) for line in lines)
    assert {h["doc_line"] for h in lines[1]["hits"]} == {5831}  # COS, from the history
    assert "\\u" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": 1, "question": "CVM"}\n{not json\n', "line 2"),
    ('{"id": 1, "question": "  "}\n', "question is empty"),
    ('{"question": "CVM"}\n', "id"),
])
def test_bad_batch_lines_exit_2_naming_the_line(index_dir: Path, tmp_path: Path,
                                                content: str, message: str) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text(content, encoding="utf-8")
    result = run_cli(index_dir, "search", "--batch", str(batch), "--out",
                     str(tmp_path / "out.jsonl"))
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_missing_index_and_empty_question_exit_2(tmp_path: Path, index_dir: Path) -> None:
    result = run_cli(tmp_path / "nothing", "search", "CVM")
    assert result.returncode == 2 and "python -m index build" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli(index_dir, "search", "  ")
    assert result.returncode == 2 and "Give a question" in result.stderr
