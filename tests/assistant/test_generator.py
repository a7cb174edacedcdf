"""Generators and the grounded, post-checked answer.

``ScriptedGenerator`` is a unit-test fake (it replays fixed pieces, no model). The
OpenAI-compatible client is tested against a real HTTP server on 127.0.0.1 streaming
server-sent events. No test needs the real model (``make llm``).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant import generator as generator_module
from assistant.answer import Citation
from assistant.composer import Composition
from assistant.conversation import Resolved
from assistant.generator import (
    GeneratorError,
    LlamaCppGenerator,
    Messages,
    OpenAICompatibleGenerator,
    build_generator,
)
from assistant.grounded import Final, GroundedGenerator, Token, load_prompt
from assistant.params import CreditQuery
from assistant.settings import AssistantSettings

DEADLINE = Citation(doc_title="云服务器服务等级协议", doc_line=120, section="3.2",
                    heading="赔偿申请时限", page=31, line_start=140, line_end=142,
                    text="用户应在每个自然月结束后六十（60）个自然日内提出赔偿申请，逾期视为放弃。",
                    quote="用户应在每个自然月结束后六十（60）个自然日内提出赔偿申请，逾期视为放弃。")
CREDIT = Citation(doc_title="云服务器服务等级协议", doc_line=120, section="4", heading="赔偿标准",
                  page=32, line_start=150, line_end=153,
                  text="月度服务可用性低于99.95%但等于或高于99%，赔偿月度服务费的10%。")
EXTRACTIVE = Composition("答：六十（60）个自然日[1]。以下是协议原文：\n\n• “…” [1]\n\n出处：\n"
                         "[1] 《云服务器服务等级协议》3.2 赔偿申请时限，第31页（第140–142行）\n"
                         "[2] 《云服务器服务等级协议》4 赔偿标准，第32页（第150–153行）",
                         (DEADLINE, CREDIT), 0.8)


def resolved(question: str = "CVM 的赔偿最晚什么时候申请？", lang: str = "zh") -> Resolved:
    return Resolved(question, "zh" if lang == "zh" else "en", (), CreditQuery(), False, False)


class ScriptedGenerator:
    """Unit-test fake: replays a fixed reply in pieces and records the messages it got."""

    def __init__(self, *pieces: str, fail_after: int | None = None) -> None:
        self.pieces = pieces
        self.fail_after = fail_after
        self.calls: list[Messages] = []
        self.warmed = False

    def warm_up(self) -> None:
        self.warmed = True

    def stream(self, messages: Messages) -> Iterator[str]:
        self.calls.append(messages)
        for i, piece in enumerate(self.pieces):
            if self.fail_after is not None and i == self.fail_after:
                raise GeneratorError("No model server at http://127.0.0.1:9; start it")
            yield piece


# --- the grounded generator with a scripted fake --------------------------------------------

def test_the_model_sees_only_the_numbered_cited_clauses() -> None:
    fake = ScriptedGenerator("应在60个自然日内申请[1]。")
    GroundedGenerator(fake).run(resolved(), EXTRACTIVE)
    system, user = fake.calls[0]
    assert system["role"] == "system" and "[1]" in system["content"]
    assert user["content"].startswith("协议条款：")
    assert "[1] 《云服务器服务等级协议》3.2 赔偿申请时限，第31页\n用户应在" in user["content"]
    assert "[2] 《云服务器服务等级协议》4 赔偿标准，第32页\n月度服务可用性" in user["content"]
    assert "问题：CVM 的赔偿最晚什么时候申请？" in user["content"]
    assert "• “…”" not in user["content"]  # not the extractive answer, only the clauses


def test_english_questions_get_the_english_prompt() -> None:
    fake = ScriptedGenerator("Within 60 natural days [1].")
    out = GroundedGenerator(fake).run(resolved("When must I claim CVM credits?", "en"),
                                      EXTRACTIVE)
    assert "in English" in fake.calls[0][0]["content"]
    assert "Question: When must I claim CVM credits?" in fake.calls[0][1]["content"]
    assert out is not None and out.text.startswith("Within 60 natural days [1].")


def test_a_faithful_answer_replaces_the_lead_and_keeps_quotes_and_sources() -> None:
    fake = ScriptedGenerator("根据协议，", "应在每个自然月结束后", "六十个自然日内",
                             "提出赔偿申请[1]。")
    out = GroundedGenerator(fake).run(resolved(), EXTRACTIVE)
    assert out is not None
    assert out.text == ("根据协议，应在每个自然月结束后六十个自然日内提出赔偿申请[1]。\n\n"
                        + EXTRACTIVE.text.partition("\n")[2].lstrip("\n"))
    assert "答：" not in out.text and "• “…” [1]" in out.text
    assert out.citations == EXTRACTIVE.citations


def test_without_quotes_only_the_sources_follow() -> None:
    fake = ScriptedGenerator("应在六十个自然日内提出赔偿申请[1]。")
    out = GroundedGenerator(fake, keep_quotes=False).run(resolved(), EXTRACTIVE)
    assert out is not None
    assert out.text == ("应在六十个自然日内提出赔偿申请[1]。\n\n"
                        + EXTRACTIVE.text[EXTRACTIVE.text.index("出处：\n"):])


@pytest.mark.parametrize("reply", [
    "应在30个自然日内提出赔偿申请[1]。",  # invented digits
    "应在九十个自然日内提出赔偿申请[1]。",  # invented Chinese numeral
    "应在六十个自然日内提出赔偿申请。",  # cites nothing
    "应在六十个自然日内提出赔偿申请[5]。",  # cites a clause it was not given
    "可赔偿月度服务费的10%[1]。",  # a figure of clause 2 under the marker of clause 1
])
def test_an_unfaithful_answer_falls_back(reply: str) -> None:
    assert GroundedGenerator(ScriptedGenerator(reply)).run(resolved(), EXTRACTIVE) is None


def test_stream_shows_tokens_then_replaces_them_with_the_checked_answer() -> None:
    events = list(GroundedGenerator(ScriptedGenerator("应在", "60个自然日内申请[1]。"))
                  .stream(resolved(), EXTRACTIVE))
    assert [e.text for e in events if isinstance(e, Token)] == ["应在", "60个自然日内申请[1]。"]
    final = events[-1]
    assert isinstance(final, Final) and final.generated and final.pieces == 2
    assert final.text.startswith("应在60个自然日内申请[1]。")
    assert sum(isinstance(e, Final) for e in events) == 1


def test_stream_ends_with_the_extractive_answer_when_rejected() -> None:
    events = list(GroundedGenerator(ScriptedGenerator("应在", "30天内申请[1]。"))
                  .stream(resolved(), EXTRACTIVE))
    final = events[-1]
    assert isinstance(final, Final) and not final.generated
    assert final.text == EXTRACTIVE.text
    assert final.raw == "应在30天内申请[1]。"
    assert any("30" in r for r in final.reasons)


def test_a_generator_failing_mid_stream_falls_back() -> None:
    fake = ScriptedGenerator("应在", "60个自然日内", fail_after=1)
    events = list(GroundedGenerator(fake).stream(resolved(), EXTRACTIVE))
    final = events[-1]
    assert isinstance(final, Final) and not final.generated and final.text == EXTRACTIVE.text
    assert "generator error" in final.reasons[0]


def test_a_sources_list_the_model_adds_is_replaced_by_ours() -> None:
    fake = ScriptedGenerator("应在60个自然日内申请[1]。\n\n出处：\n[1] 某协议第99页")
    out = GroundedGenerator(fake).run(resolved(), EXTRACTIVE)
    assert out is not None and "99" not in out.text and out.text.count("出处：") == 1


def test_calculator_figures_may_be_quoted() -> None:
    result = {"credit_pct": 10, "credit_amount": 68.0,
              "claim_window": {"opens": "2024-04-01", "deadline": "2024-05-30"}}
    fake = ScriptedGenerator("可获赔68.0元（月费的10%），最晚2024-05-30申请[1]。")
    out = GroundedGenerator(fake).run(resolved(), EXTRACTIVE, result)
    assert out is not None
    assert '"credit_amount": 68.0' in fake.calls[0][1]["content"]
    assert GroundedGenerator(ScriptedGenerator("可获赔70元[1]。")).run(
        resolved(), EXTRACTIVE, result) is None


def test_no_citations_means_no_model_call() -> None:
    fake = ScriptedGenerator("应在60个自然日内申请[1]。")
    bare = Composition("无", (), 0.0)
    assert GroundedGenerator(fake).run(resolved(), bare) is None and fake.calls == []


def test_long_clauses_are_cut_around_the_quoted_sentence() -> None:
    long = Citation(doc_title="T", doc_line=1, section="1", page=1, line_start=1, line_end=9,
                    text="前文。" * 400 + "关键句在这里。" + "后文。" * 400, quote="关键句在这里。")
    source = GroundedGenerator(ScriptedGenerator(), max_clause_chars=200).sources(
        Composition("x", (long,), 1.0))[0]
    assert "关键句在这里。" in source and len(source) < 260


def test_prompts_hold_no_figures_the_model_could_copy() -> None:
    for lang in ("zh", "en"):
        prompt = load_prompt(lang)  # type: ignore[arg-type]
        text = prompt.system + prompt.user.replace("[1]", "") + prompt.calculation
        assert not any(ch.isdigit() for ch in text.replace("[1]", ""))


# --- the OpenAI-compatible client against a real local server -------------------------------

def sse(*pieces: str) -> list[bytes]:
    lines = [b": keep-alive\n\n"]
    for piece in pieces:
        event = {"choices": [{"index": 0, "delta": {"content": piece}}]}
        lines.append(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
    lines.append(b'data: {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}\n\n')
    lines.append(b"data: [DONE]\n\n")
    return lines


class Server:
    """A chat-completions endpoint on 127.0.0.1 that replays ``reply`` (status, chunks)."""

    def __init__(self, status: int = 200, chunks: list[bytes] | None = None,
                 delay: float = 0.0) -> None:
        self.status, self.chunks, self.delay = status, chunks or [], delay
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"data": []}')

            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                outer.requests.append({"path": self.path,
                                       "body": json.loads(self.rfile.read(length))})
                time.sleep(outer.delay)
                self.send_response(outer.status)
                self.send_header("Content-Type", "text/event-stream" if outer.status == 200
                                 else "application/json")
                self.end_headers()
                try:
                    for chunk in outer.chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> Server:
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


MESSAGES: Messages = [{"role": "user", "content": "你好"}]


def test_openai_client_streams_the_pieces() -> None:
    with Server(chunks=sse("应在", "60个自然日内", "申请[1]。")) as server:
        client = OpenAICompatibleGenerator(server.url + "/", "qwen2.5:1.5b", timeout=5)
        client.warm_up()
        assert list(client.stream(MESSAGES)) == ["应在", "60个自然日内", "申请[1]。"]
    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["stream"] is True and request["body"]["model"] == "qwen2.5:1.5b"
    assert request["body"]["messages"] == MESSAGES


def test_openai_client_under_the_grounded_generator() -> None:
    with Server(chunks=sse("应在六十个", "自然日内申请[1]。")) as server:
        grounded = GroundedGenerator(OpenAICompatibleGenerator(server.url, "m", timeout=5))
        events = list(grounded.stream(resolved(), EXTRACTIVE))
    final = events[-1]
    assert isinstance(final, Final) and final.generated
    assert final.text.startswith("应在六十个自然日内申请[1]。")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_nothing_listening_says_what_to_do() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    client = OpenAICompatibleGenerator(url, "m", timeout=2)
    with pytest.raises(GeneratorError, match=r"No model server at http://127\.0\.0\.1:\d+/v1; "
                                             r"start Ollama/vLLM .*unset AGREEMENTS_GENERATOR"):
        list(client.stream(MESSAGES))
    with pytest.raises(GeneratorError, match="No model server"):
        client.warm_up()


def test_http_errors_name_the_fix() -> None:
    with Server(status=404, chunks=[b'{"error": "model \\"m\\" not found"}']) as server:
        with pytest.raises(GeneratorError, match="404.*not found.*ollama pull m"):
            list(OpenAICompatibleGenerator(server.url, "m", timeout=5).stream(MESSAGES))
    with Server(status=500, chunks=[b"boom"]) as server:
        with pytest.raises(GeneratorError, match="answered 500: boom"):
            list(OpenAICompatibleGenerator(server.url, "m", timeout=5).stream(MESSAGES))


def test_an_error_event_in_the_stream_is_raised() -> None:
    chunks = [*sse("应在")[:2], b'data: {"error": {"message": "out of memory"}}\n\n']
    with Server(chunks=chunks) as server:
        pieces: list[str] = []
        with pytest.raises(GeneratorError, match="out of memory"):
            for piece in OpenAICompatibleGenerator(server.url, "m", timeout=5).stream(MESSAGES):
                pieces.append(piece)
    assert pieces == ["应在"]


def test_a_slow_server_times_out_with_a_message() -> None:
    with Server(chunks=sse("x"), delay=1.0) as server:
        client = OpenAICompatibleGenerator(server.url, "m", timeout=0.2)
        with pytest.raises(GeneratorError, match=r"did not answer within 0\.2 s"):
            list(client.stream(MESSAGES))


def test_bad_openai_settings_are_named() -> None:
    with pytest.raises(GeneratorError, match="AGREEMENTS_OPENAI_BASE_URL"):
        OpenAICompatibleGenerator("localhost:11434", "m")
    with pytest.raises(GeneratorError, match="AGREEMENTS_OPENAI_MODEL"):
        build_generator(AssistantSettings(generator="openai",
                                          openai_base_url="http://localhost:11434/v1"))


# --- the factory and the local model's errors -----------------------------------------------

def test_build_generator_picks_by_settings() -> None:
    assert build_generator(AssistantSettings(generator="none")) is None
    client = build_generator(AssistantSettings(generator="openai", openai_model="qwen",
                                               openai_base_url="http://localhost:11434/v1"))
    assert isinstance(client, OpenAICompatibleGenerator) and client.model == "qwen"
    assert isinstance(build_generator(AssistantSettings(generator="llama")), LlamaCppGenerator)


def test_llama_without_a_model_file_says_run_make_llm(tmp_path: Path) -> None:
    generator = LlamaCppGenerator(tmp_path / "missing.gguf")
    with pytest.raises(GeneratorError, match="run `make llm`"):
        generator.warm_up()


def test_llama_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="n_threads"):
        LlamaCppGenerator(n_threads=0)
    with pytest.raises(ValueError, match="n_ctx"):
        LlamaCppGenerator(n_ctx=16)


def test_llama_uses_fewer_threads_than_cpus_by_default() -> None:
    assert LlamaCppGenerator().n_threads >= 1
    assert LlamaCppGenerator(n_threads=3).n_threads == 3


def test_assembling_without_the_pieces_says_run_make_llm(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator_module, "MODEL_PARTS", ("no-such-model-piece-xyz",))
    with pytest.raises(GeneratorError, match=r"no-such-model-piece-xyz is not installed; "
                                             r"run `make llm`"):
        generator_module.assemble(tmp_path / "m.gguf")
    assert not (tmp_path / "m.gguf").exists()
    assert generator_module.main(["bogus"]) == 2
