"""The ``python -m index`` command line, run as a user would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from index.__main__ import main
from index.browse import browse
from index.parser import Agreements

CONTRACT = {"id", "title", "kind", "category", "updated_at", "doc_line", "line_end",
            "page_start", "page_end", "clauses"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "index", *args], capture_output=True, text=True,
                          check=False, timeout=120)


def test_documents_json_is_the_interface_contract() -> None:
    result = run_cli("documents", "--json")
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)
    assert len(docs) == 360
    assert all(CONTRACT <= set(doc) for doc in docs)
    cvm = next(d for d in docs if d["doc_line"] == 1285)
    assert cvm["title"] == "云服务器服务等级协议" and cvm["kind"] == "sla"
    assert cvm["page_start"] <= cvm["page_end"] and cvm["clauses"] > 20
    assert "\\u" not in result.stdout


def test_show_prints_a_clause_with_page_and_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "tencent-cloud-terms", "3.2.4"]) == 0
    out = capsys.readouterr().out
    assert "万分之五" in out
    assert "第323–327行" in out and "页" in out


def test_show_by_doc_line_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "1285", "3.2", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "cvm-sla#3.2"
    assert "六十（60）个自然日" in record["text"]


def test_bad_input_exits_2_with_a_message_that_says_what_to_do() -> None:
    result = run_cli("show", "no-such-doc")
    assert result.returncode == 2
    assert "python -m index documents" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli("show", "cvm-sla", "9.9")
    assert result.returncode == 2
    assert "3.1" in result.stderr  # lists the sections there are


def test_browse_answers_commands_and_survives_mistakes(agreements: Agreements) -> None:
    script = iter(["help", "list 云服务器", "show cvm-sla 3.1", "show nothing", "bogus", "quit"])
    out: list[str] = []
    browse(agreements, input_fn=lambda _: next(script), output_fn=out.append)
    text = "\n".join(out)
    assert "cvm-sla" in text
    assert "低于99.975%但等于或高于99% 月度服务费的10%" in text
    assert "错误 / error" in text and "未知命令" in text
