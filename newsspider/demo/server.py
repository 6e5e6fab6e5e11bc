"""A local HTTP server for saved sites (the bundled demo site, test fixture sites).

It serves ``<root>/<host>/<path>`` and understands proxy-style requests
(``GET http://kpopdemo.example/news/ HTTP/1.1``), so a crawl routed through it with
``NEWSSPIDER_MIRRORS`` keeps the site's own URLs. A path ending in ``/`` serves its
``index.html``; the query string is ignored (so tracking-parameter variants hit the same page).
Answers carry ETag and Last-Modified and honour If-None-Match / If-Modified-Since with 304.
``delay`` slows every answer (crash tests); ``slow`` maps path prefixes to a delay (timeouts).
Listens on 127.0.0.1 only, on a free port unless one is given.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SITE_DIR = Path(__file__).parent / "site"
# One fixed modification time for every page, so conditional requests are reproducible.
LAST_MODIFIED = formatdate(1763942400, usegmt=True)  # 2025-11-24 00:00 UTC
TYPES = {".html": "text/html", ".xml": "application/xml", ".txt": "text/plain",
         ".json": "application/json", ".gz": "application/gzip"}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _resolve(self) -> tuple[str, Path | None]:
        target = self.path
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            host, path = (parts.hostname or ""), parts.path
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            path = urlsplit(target).path
        host = host.lower()
        if host not in self.server.hosts:
            host = self.server.default_host
        path = unquote(path or "/")
        site = (self.server.root / host).resolve()
        rel = path.lstrip("/")
        file = (site / rel).resolve()
        if path.endswith("/"):
            file = file / "index.html"
        if site not in file.parents and file != site:
            return path, None
        return path, file if file.is_file() else None

    def _send(self, status: int, body: bytes, ctype: str = "text/plain", extra: dict[str, str] | None = None,
              head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_GET(self, head: bool = False) -> None:
        path, file = self._resolve()
        self.server.count(path)
        self.server.gate.wait()  # DemoServer.paused()
        delay = self.server.delay + max(
            (s for prefix, s in self.server.slow.items() if path.startswith(prefix)), default=0.0
        )
        if delay:
            time.sleep(delay)
        fault = next((status for prefix, status in self.server.faults.items() if path.startswith(prefix)), None)
        if fault is not None:  # tests: a page that answers with an error status
            self._send(fault, b"temporarily unavailable\n", head=head)
            return
        if file is None:
            self._send(404, b"not found\n", head=head)
            return
        data = file.read_bytes()
        etag = f'"{hashlib.sha1(data).hexdigest()[:16]}"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if self._not_modified(etag):
            self.send_response(304)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        ctype = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(200, data, ctype, headers, head=head)

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def _not_modified(self, etag: str) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")]
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return parsedate_to_datetime(ims) >= parsedate_to_datetime(LAST_MODIFIED)
            except (TypeError, ValueError):
                return False
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # the default backlog of 5 drops SYNs under a burst of connections

    def __init__(self, addr: tuple[str, int], root: Path, delay: float, slow: dict[str, float],
                 faults: dict[str, int] | None = None):
        super().__init__(addr, _Handler)
        self.faults = dict(faults or {})
        self.root = root
        self.hosts = sorted(p.name for p in root.iterdir() if p.is_dir())
        self.default_host = self.hosts[0] if self.hosts else ""
        self.delay = delay
        self.slow = slow
        self.hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.gate = threading.Event()
        self.gate.set()

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):  # a client went away (killed crawl)
            return
        super().handle_error(request, client_address)

    def count(self, path: str) -> None:
        with self._lock:
            self.hits[path] = self.hits.get(path, 0) + 1


class DemoServer:
    """``with DemoServer() as srv: srv.mirrors`` -> {"kpopdemo.example": "http://127.0.0.1:PORT"}."""

    def __init__(self, root: str | Path = SITE_DIR, *, port: int = 0, delay: float = 0.0,
                 slow: dict[str, float] | None = None, faults: dict[str, int] | None = None):
        self.root = Path(root)
        self._server = _Server(("127.0.0.1", port), self.root, delay, dict(slow or {}), faults)
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def hosts(self) -> list[str]:
        return list(self._server.hosts)

    @property
    def mirrors(self) -> dict[str, str]:
        return {host: self.base_url for host in self._server.hosts}

    @property
    def hits(self) -> dict[str, int]:
        return dict(self._server.hits)

    @contextmanager
    def paused(self) -> Iterator[DemoServer]:
        """No page is answered inside the block (requests wait, then are answered): tests keep
        a crawl running, holding its lease, for as long as they need."""
        self._server.gate.clear()
        try:
            yield self
        finally:
            self._server.gate.set()

    def start(self) -> DemoServer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m newsspider.demo.server [--port N] [--delay S]``: serve until Ctrl-C."""
    import argparse

    ap = argparse.ArgumentParser(prog="newsspider.demo.server")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each answer")
    ap.add_argument("--root", default=str(SITE_DIR))
    args = ap.parse_args(argv)
    srv = DemoServer(args.root, port=args.port, delay=args.delay).start()
    print(f"serving {', '.join(srv.hosts)} at {srv.base_url} (Ctrl-C stops)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
