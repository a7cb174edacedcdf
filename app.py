"""The web app: chat with citations, an SLA claim checker, the agreements, and an API.

  python app.py                   # http://127.0.0.1:7860 (the embedded default: bundled model,
                                  # local Chroma index at data/index, no external service)
  python app.py --port 8080       # or GRADIO_SERVER_PORT=8080
  python app.py --host 0.0.0.0    # expose it on the network, deliberately

Needs a built index (`make index`). Everything runs offline: analytics off, system fonts, no
script or font fetched from outside; what customers type is never logged.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry

import argparse  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from collections.abc import Mapping, Sequence  # noqa: E402
from datetime import date  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from assistant.web.agreements import (  # noqa: E402
    AGREEMENTS_TAB,
    CHAT_TAB,
    SCROLL_JS,
    agreements_tab,
    open_from_query,
    view,
)
from assistant.web.api import register_api  # noqa: E402
from assistant.web.chat import Asks, chat_tab  # noqa: E402
from assistant.web.claims_ui import claims_tab  # noqa: E402
from assistant.web.guard import guarded  # noqa: E402
from assistant.web.hardening import Hardening, loopback  # noqa: E402
from assistant.web.library import Library  # noqa: E402
from assistant.web.theme import CSS, theme  # noqa: E402
from index.errors import UserError  # noqa: E402
from index.settings import IndexSettings  # noqa: E402

log = logging.getLogger("app")

CONCURRENCY = 2      # questions answered at once; the rest wait in the queue
QUEUE_SIZE = 64      # beyond this a request is turned away with "queue full"
DEFAULT_PORT = 7860


def default_library() -> Library:
    """The parsed agreements (with clauses) and the SLA catalog."""
    from calculators.rules import load_catalog
    from index.parser import parse_corpus

    return Library(parse_corpus().documents, load_catalog())


def build_app(assistant: Asks, library: Library | None = None,
              today: date | None = None) -> gr.Blocks:
    """The three tabs and the API over one assistant. ``today`` fixes the date (tests)."""
    library = library or default_library()

    def clock() -> date:
        return today or date.today()

    with gr.Blocks(title="腾讯云协议助手", analytics_enabled=False) as demo:
        gr.Markdown("## 腾讯云协议助手 · Tencent Cloud agreements assistant")
        with gr.Tabs() as tabs:
            with gr.Tab("问答", id=CHAT_TAB):
                chat_tab(assistant, library, clock)
            with gr.Tab("赔偿核对", id="claims"):
                claims_tab(library, clock)
            with gr.Tab("协议库", id=AGREEMENTS_TAB):
                picker, viewer = agreements_tab(library)
        register_api(assistant, library)

        def load_failed(words: str, *_: Any) -> tuple[Any, Any, str]:
            return gr.Tabs(), gr.Dropdown(), view(library, None)

        @guarded(load_failed)
        def on_load(request: gr.Request) -> tuple[Any, Any, str]:
            params: Mapping[str, str] = dict(request.query_params) if request else {}
            return open_from_query(library, params)

        demo.load(on_load, None, [tabs, picker, viewer], api_visibility="private").then(
            None, None, None, js=SCROLL_JS, api_visibility="private")
    return demo


def serve(demo: gr.Blocks, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          block: bool = True) -> None:
    """Queue (concurrency limit) and launch; ``block=False`` returns once it is serving."""
    from starlette.middleware import Middleware

    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=QUEUE_SIZE)
    hardening = Middleware(Hardening, local_only=loopback(host))  # headers; no uploads
    demo.launch(server_name=host, server_port=port, theme=theme(), css=CSS, ssr_mode=False,
                app_kwargs={"middleware": [hardening]}, max_file_size="1mb",
                show_error=False, footer_links=["api"], prevent_thread_lock=not block,
                share=False, inbrowser=False, pwa=False, mcp_server=False,
                enable_monitoring=False, quiet=not block)


def index_problem(settings: IndexSettings) -> str | None:
    """Why the index cannot be used, in one line, or None."""
    needed = (settings.chunks_file, settings.index_dir / "documents.json",
              settings.bm25_dir / "ids.json")
    if all(path.exists() for path in needed):
        return None
    return f"No index at {settings.index_dir}; run `make index` first (it builds it)."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python app.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    env_port = os.environ.get("GRADIO_SERVER_PORT", "")
    parser.add_argument("--port", type=int,
                        default=int(env_port) if env_port.isdigit() else DEFAULT_PORT,
                        help="port (default 7860, or GRADIO_SERVER_PORT)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 exposes it)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                                                   "%(message)s")
    problem = index_problem(IndexSettings())
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        from assistant.factory import build_assistant

        demo = build_app(build_assistant())
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"serving on http://{args.host}:{args.port}", file=sys.stderr)
    serve(demo, args.host, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
