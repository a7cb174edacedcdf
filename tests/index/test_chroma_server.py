"""The same search against a Chroma server (`chroma run` on loopback) instead of the embedded
store, selected by the AGREEMENTS_CHROMA_URL setting."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.retrieval.factory import build_retriever
from index.settings import IndexSettings
from index.stores.builder import IndexBuilder
from index.stores.dense import DenseStore, chroma_client
from tests.index.fakes import FakeEmbedder

pytestmark = pytest.mark.integration

DOCS = {"cvm-sla", "cos-sla", "tencent-cloud-terms"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        exe = Path(shutil.which("chroma") or "chroma")
    port = _free_port()
    server = subprocess.Popen(
        [str(exe), "run", "--path", str(tmp_path_factory.mktemp("chroma-server")),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma run did not answer on {url}")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_build_and_search_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    settings = IndexSettings(index_dir=tmp_path, embedder="fake", chroma_url=chroma_url)
    report = IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter=DOCS).run()
    store = DenseStore.open(chroma_client(settings), "fake")
    assert store.count() == report.chunks
    assert not (tmp_path / "chroma").exists()  # nothing went to the embedded store
    IndexBuilder(settings, FakeEmbedder(), progress=False, doc_filter=DOCS).run(force=True)
    assert store.count() == report.chunks  # upserts, no duplicates
    retriever = build_retriever(settings, embedder=FakeEmbedder())
    hits = retriever.run("COS 的赔偿标准", k=3)
    assert hits and all(h.chunk.doc_id == "cos-sla" for h in hits)
    assert retriever.run("欠费违约金每天按多少收取", k=5)


def test_unreachable_server_says_what_to_do(tmp_path: Path) -> None:
    from index.errors import UserError

    settings = IndexSettings(index_dir=tmp_path, chroma_url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(UserError, match="chroma run"):
        chroma_client(settings)
