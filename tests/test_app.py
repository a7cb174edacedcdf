"""``app.py``: start-up checks, the wiring, and the whole app end to end in headless Chromium.

The end-to-end tests serve the app on a free loopback port in a background thread, built over
a REAL assistant: a small real index of two real SLAs (cvm-sla, cos-sla) embedded with the
real default embedder (USE, numpy only; ~15 s to build), the real catalog and the parsed
agreements. They need no ``data/index``. The browser fails the test on any request that
leaves loopback; screenshots go to ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import gradio as gr
import pytest

import app
from assistant.web.library import Library
from assistant.web.theme import theme
from calculators.rules import load_catalog
from index.parser import Agreements
from tests.assistant.web.fakes import FakeAssistant

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DOCS = {"cvm-sla", "cos-sla"}
TODAY = date(2024, 5, 20)
CVM_QUESTION = "CVM 2024年3月断了90分钟，月费2000元，能赔多少，最晚哪天申请？"


@pytest.fixture(scope="module")
def library(agreements: Agreements) -> Library:
    return Library(agreements.documents, load_catalog())


def test_missing_index_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AGREEMENTS_INDEX_DIR", str(tmp_path / "none"))
    assert app.main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "make index" in err and "Traceback" not in err


def test_port_and_host_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRADIO_SERVER_PORT", raising=False)
    args = app._parser().parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 7860)
    monkeypatch.setenv("GRADIO_SERVER_PORT", "8123")
    assert app._parser().parse_args([]).port == 8123
    assert app._parser().parse_args(["--port", "9000", "--host", "0.0.0.0"]).port == 9000


def test_app_has_named_api_endpoints_and_stays_offline(library: Library) -> None:
    """Built over the fake assistant: the wiring, not the answers."""
    demo = app.build_app(FakeAssistant(library), library, today=TODAY)
    names = {fn.api_name for fn in demo.fns.values()}
    assert {"ask", "credit"} <= names
    assert demo.analytics_enabled is False
    look = theme()
    assert not any(isinstance(f, gr.themes.GoogleFont) for f in [*look._font, *look._font_mono])
    assert look._stylesheets == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.factory import build_assistant
    from assistant.settings import AssistantSettings
    from index.embedders import UseEmbedder
    from index.settings import IndexSettings
    from index.stores.builder import IndexBuilder

    index = IndexSettings(index_dir=tmp_path_factory.mktemp("index"), embedder="use")
    embedder = UseEmbedder()
    IndexBuilder(index, embedder, progress=False, doc_filter=DOCS).run()
    assistant = build_assistant(AssistantSettings(index=index), today=TODAY, embedder=embedder)
    demo = app.build_app(assistant, library, today=TODAY)
    port = free_port()
    app.serve(demo, "127.0.0.1", port, block=False)
    assert demo._queue.default_concurrency_limit == app.CONCURRENCY
    yield f"http://127.0.0.1:{port}"
    demo.close()


def loopback(url: str) -> bool:
    return url.startswith(("data:", "blob:")) or urlparse(url).hostname in ("127.0.0.1",
                                                                            "localhost")


@pytest.mark.integration
@pytest.mark.browser
def test_customer_and_agent_flows_in_headless_chromium(server: str) -> None:
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run `make browser` (Debian chromium) and test again")
    from playwright.sync_api import Route, expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if loopback(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: None if loopback(r.url) else outside.append(r.url))
        page.route("**/*", only_loopback)
        page.goto(server)

        # chat: a credit question, answered with the amount, the deadline and citations
        page.fill("#question textarea", CVM_QUESTION)
        page.click("#send")
        chat = page.locator("#chat")
        expect(chat.locator("details.cite").first).to_be_visible(timeout=30_000)
        expect(chat).to_contain_text("可获赔 200 元")
        expect(chat).to_contain_text("还有 10 天截止")
        expect(chat.locator("tr.hit")).to_contain_text("月度服务费的10%")
        page.screenshot(path=ARTIFACTS / "chat-credit.png")

        # an English question; open its first citation: the clause, the sentence marked
        page.fill("#question textarea", "What is the COS availability commitment?")
        page.click("#send")
        reply = chat.locator(".bot-row").last
        expect(reply.locator(".cites")).to_be_visible(timeout=30_000)
        expect(reply).to_contain_text("99.99%")
        page.wait_for_timeout(1000)  # the last streamed update has landed
        cite = reply.locator("details.cite").first
        cite.locator("summary").click()
        expect(cite.locator("mark")).to_be_visible()
        expect(cite).to_contain_text("对象存储服务等级协议")
        expect(cite).to_contain_text("文档更新于")
        page.screenshot(path=ARTIFACTS / "chat-citation.png")
        link = cite.locator("a").first.get_attribute("href")
        assert link and link.startswith("?doc=cos-sla&clause=cos-sla")

        # too long a question is refused with a message, not an error
        page.fill("#question textarea", "长" * 2001)
        page.click("#send")
        expect(chat).to_contain_text("问题太长", timeout=30_000)
        page.click("#clear")
        expect(chat.locator(".bot-row")).to_have_count(0)

        # the citation's deep link opens the agreements tab at that clause
        page.goto(server + "/" + link)
        expect(page.locator("#doc-view .clause.target")).to_be_visible(timeout=30_000)
        page.screenshot(path=ARTIFACTS / "agreements-deep-link.png")

        # claim checker: pick CVM by its alias, fill the form, read the credit
        page.get_by_role("tab", name="赔偿核对").click()
        page.click("#claim-product input")
        page.keyboard.type("CVM")
        page.keyboard.press("Enter")
        expect(page.locator("#claim-metric input")).to_have_value("单实例服务可用性")
        page.fill("#claim-month textarea", "2024-03")
        page.fill("#claim-fee textarea", "2000")
        page.fill("#claim-downtime textarea", "90")
        page.click("#claim-check")
        card = page.locator("#claim-card")
        expect(card).to_contain_text("符合赔偿条件", timeout=30_000)
        expect(card).to_contain_text("200 元（月度服务费的 10%）")
        expect(card).to_contain_text("可以申请")
        page.click("#claim-export")
        expect(page.locator("#claim-markdown")).to_contain_text("SLA 赔偿核对", timeout=30_000)
        page.screenshot(path=ARTIFACTS / "claim-checker.png", full_page=True)

        # bad input: the calculators' message, in words
        page.fill("#claim-fee textarea", "-5")
        page.click("#claim-check")
        expect(card).to_contain_text("请修改月度服务费", timeout=30_000)
        browser.close()
    assert outside == [], f"requests left loopback: {outside}"


@pytest.mark.integration
def test_api_endpoints_with_gradio_client(server: str) -> None:
    from gradio_client import Client

    client = Client(server, verbose=False)
    answer = client.predict("CVM 2024年3月断了90分钟，月费2000元，赔多少？", None,
                            api_name="/ask")
    assert answer["route"] == "calculator" and answer["calculation"]["credit_amount"] == 200
    assert answer["citations"] and answer["citations"][0]["link"].startswith("?doc=cvm-sla")
    result = client.predict({"doc": "CVM", "metric": "单实例服务可用性", "month": "2024-03",
                             "monthly_fee": 2000, "downtime_minutes": 90}, api_name="/credit")
    assert result["credit_amount"] == 200 and result["claim_window"]["deadline"] == "2024-05-30"


def _fetch(url: str, method: str = "GET", host: str | None = None,
           data: bytes | None = None) -> tuple[int, dict[str, str]]:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, method=method, data=data)
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}


@pytest.mark.integration
def test_the_server_sends_security_headers_and_refuses_uploads_and_other_hosts(
        server: str) -> None:
    status, headers = _fetch(server)
    assert status == 200 and headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'self'" in headers["content-security-policy"]  # nothing from outside
    assert _fetch(f"{server}/gradio_api/upload", "POST", data=b"x" * 1000)[0] == 403
    assert _fetch(server, host="attacker.example:80")[0] == 400  # DNS rebinding
    assert _fetch(server, host="localhost")[0] == 200
