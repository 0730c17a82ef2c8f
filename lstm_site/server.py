"""Serve a built site on 127.0.0.1, optionally gzip-compressed as static hosts serve it.

`python -m lstm_site.server DIR PORT OWNER_PID [--gzip]` serves until the process OWNER_PID
ends, so a server started by one pytest-xdist worker outlives that worker but not the run.
`serving(DIR, PORT)` serves in a thread for the length of a `with` block (the tools).
"""

import argparse
import contextlib
import functools
import gzip
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class GzipHandler(QuietHandler):
    """Text files gzip-compressed, as GitHub Pages and every static host send them."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in TEXT and path.is_file()):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_server(directory: Path, port: int, compress: bool = False) -> ThreadingHTTPServer:
    handler = functools.partial(GzipHandler if compress else QuietHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


@contextlib.contextmanager
def serving(directory: Path, port: int = 0, compress: bool = False) -> Iterator[str]:
    """The site's URL while the block runs; port 0 takes any free port."""
    server = make_server(directory, port, compress)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def wait_until_served(url: str, seconds: float = 30, text: str | None = None) -> None:
    """Return once `url` answers (and shows `text`, if given); raise after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text is None or text in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer{f' with {text!r}' if text else ''} in {seconds} s")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("port", type=int)
    parser.add_argument("owner", type=int, help="serve while this process lives")
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()
    server = make_server(args.directory, args.port, args.gzip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while alive(args.owner):
        time.sleep(0.5)


if __name__ == "__main__":
    main()
