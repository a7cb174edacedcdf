"""What every response of the web app carries, and what it turns away.

- Security headers: a Content-Security-Policy that lets the page load nothing from outside
  (the app promises to run offline) and never be framed, ``nosniff``, no referrer.
- Uploads: no component takes a file, so ``POST …/upload`` is refused (403) before gradio
  stores anything.
- Host names: served on a loopback address, only ``localhost`` / ``127.0.0.1`` / ``[::1]``
  are accepted (a page on another site cannot reach it by DNS rebinding); served on the
  network on purpose (``--host 0.0.0.0``), any host is.

A pure ASGI middleware (no body buffering, streaming answers pass through), given to gradio's
FastAPI app through ``launch(app_kwargs={"middleware": [...]})``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "connect-src 'self' ws: wss:; media-src 'self' blob:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS


class Hardening:
    """Headers on every HTTP response; uploads and foreign host names refused."""

    def __init__(self, app: ASGIApp, local_only: bool = True) -> None:
        self.app = app
        self.local_only = local_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _refuse(scope, send, *refusal)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((n, v) for n, v in HEADERS if n not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        if scope["type"] == "http" and scope.get("method") == "POST" \
                and scope.get("path", "").rstrip("/").endswith("/upload"):
            return 403, "This app takes no file uploads."
        if self.local_only:
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
            if not loopback(name.lower()):
                return 400, ("Unknown host name: this app answers on localhost only "
                             "(start it with --host 0.0.0.0 to serve it on the network).")
        return None


async def _refuse(scope: Scope, send: Send, status: int, words: str) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = words.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *HEADERS]})
    await send({"type": "http.response.body", "body": body})
