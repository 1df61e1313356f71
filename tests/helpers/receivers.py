"""A bank's webhook receiver on 127.0.0.1 for end-to-end tests: it keeps what the processes under test push."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Received:
    def __init__(self) -> None:
        self.hits: list[tuple[dict[str, str], bytes]] = []
        self.arrived = threading.Event()


@contextmanager
def webhook_receiver() -> Iterator[tuple[str, Received]]:
    """(the receiver's URL, what it received), answering 204 to every POST."""
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.hits.append((dict(self.headers), body))
            received.arrived.set()
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/kuaiban", received
    finally:
        server.shutdown()
        server.server_close()
