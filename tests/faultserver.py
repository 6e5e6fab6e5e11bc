"""A fault-injecting local HTTP server for crawl tests (127.0.0.1 only, free port).

Routes map a path to a `Route` (or a list of them, served in turn: a 429 then a 200). A route
can lie, drip, reset the connection mid-body, send a gzip bomb, redirect anywhere… Requests
come proxy-style (through NEWSSPIDER_MIRRORS: ``GET http://host/path``) or direct; every
request is recorded in ``hits`` as (host, path, monotonic time), so a test can assert that
nothing reached a server it must not reach.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    drip: tuple[int, float] | None = None  # (bytes per write, seconds between writes)
    reset_after: int | None = None  # send this many body bytes, then RST
    content_length: int | None = None  # announce this instead of len(body)
    stream: int = 0  # instead of `body`: this many bytes of HTML paragraphs, chunked, no length


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (1 GB -> ~1 MB)."""
    out = bytearray()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    for _ in range(size >> 20):
        out += comp.compress(chunk)
    out += comp.flush()
    return bytes(out)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        target = self.path
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            host, path = parts.hostname or "", parts.path
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            path = urlsplit(target).path
        route = self.server.route(host.lower(), path or "/")
        if route is None:
            self._plain(404, b"not found\n")
            return
        if route.stream:
            self._stream(route)
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.ctype)
        length = route.content_length if route.content_length is not None else len(route.body)
        self.send_header("Content-Length", str(length))
        for k, v in route.headers.items():
            self.send_header(k, v)
        self.end_headers()
        body = route.body
        try:
            if route.reset_after is not None:
                self.wfile.write(body[: route.reset_after])
                self.wfile.flush()
                time.sleep(0.05)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True
                return
            if route.drip:
                n, pause = route.drip
                for i in range(0, len(body), n):
                    self.wfile.write(body[i:i + n])
                    self.wfile.flush()
                    time.sleep(pause)
                    if self.server.stopping:
                        return
                return
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout, size cap): what these faults are for
            self.close_connection = True

    do_HEAD = do_GET

    def _plain(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, route: Route) -> None:
        self.send_response(route.status)
        self.send_header("Content-Type", route.ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        para = b"<p>" + b"Endless words of an endless page. " * 30 + b"</p>\n"
        chunk = para * max(1, (64 * 1024) // len(para))
        sent = 0
        try:
            self.wfile.write(b"%x\r\n<html><body>\r\n" % len(b"<html><body>"))
            while sent < route.stream and not self.server.stopping:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            self.wfile.write(b"0\r\n\r\n")
        except OSError:
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr: tuple[str, int], routes: dict[str, Route | list[Route]]):
        super().__init__(addr, _Handler)
        self.routes = routes
        self.served: dict[str, int] = {}
        self.hits: list[tuple[str, str, float]] = []
        self.stopping = False
        self._lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on purpose here

    def route(self, host: str, path: str) -> Route | None:
        with self._lock:
            self.hits.append((host, path, time.monotonic()))
            r = self.routes.get(path)
            if isinstance(r, list):
                i = self.served.get(path, 0)
                self.served[path] = i + 1
                return r[min(i, len(r) - 1)]
            return r


class FaultServer:
    """``with FaultServer({"/a.html": Route(body=...)}) as srv: srv.url("/a.html")``."""

    def __init__(self, routes: dict[str, Route | list[Route]] | None = None, host: str = "127.0.0.1"):
        self._server = _Server((host, 0), dict(routes or {}))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def routes(self) -> dict[str, Route | list[Route]]:
        return self._server.routes

    @property
    def hits(self) -> list[tuple[str, str, float]]:
        with self._server._lock:
            return list(self._server.hits)

    def hit_paths(self) -> list[str]:
        return [p for _, p, _ in self.hits]

    def __enter__(self) -> FaultServer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="fault-server", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stopping = True
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
