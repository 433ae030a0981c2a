"""Serve a built site under the deployment sub-path (/course/) on 127.0.0.1, like GitHub Pages does.

Only /course/... exists (everything else is a 404), a directory URL serves its index.html, a directory without the
trailing slash redirects to it, and text responses are gzip-compressed when the client asks for it. Responses carry a
`LinkChecker` header: LinkChecker otherwise throttles itself to ~3 requests a second per host (hosts that send it get
the configured maxrequestspersecond).
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PREFIX = "/course/"
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
TYPES = {".js": "application/javascript", ".mjs": "application/javascript", ".json": "application/json",
         ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml", ".xml": "application/xml",
         ".map": "application/json", ".gz": "application/gzip", ".woff2": "font/woff2", ".txt": "text/plain",
         ".bib": "text/plain", ".pdf": "application/pdf", ".png": "image/png", ".ico": "image/x-icon"}


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime: float) -> bytes:  # mtime: a rebuilt file is compressed again
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root: Path  # set on the subclass made by make_server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _respond(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == PREFIX.rstrip("/"):
            return self._redirect(PREFIX)
        if not path.startswith(PREFIX):
            return self._status(HTTPStatus.NOT_FOUND, body)
        file = (self.root / path[len(PREFIX):]).resolve()
        if file != self.root and self.root not in file.parents:
            return self._status(HTTPStatus.NOT_FOUND, body)
        if file.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            file = file / "index.html"
        if not file.is_file():
            return self._status(HTTPStatus.NOT_FOUND, body)
        ctype = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
        data = _gzipped(file, file.stat().st_mtime) if gzip_ok else file.read_bytes()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith(COMPRESSIBLE) else ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("LinkChecker", "unthrottled")  # lets LinkChecker use its maxrequestspersecond on this host
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _status(self, status: HTTPStatus, body: bool) -> None:
        data = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client hanging up early is not an error here
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:<free port>/course/ in a background thread; yield that base URL."""
    handler = type("Handler", (SiteHandler,), {"root": Path(site_dir).resolve()})
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
