"""Peers on loopback that misbehave on purpose, for the gateway's proxy tests: a raw TCP server with scripted
replies, a port nothing listens on, and the problem a proxy sent."""

import asyncio
import json
import socket

from services.common.problems import PROBLEM_MEDIA_TYPE


class RawPeer:
    """Answers its n-th connection with the n-th scripted reply (the last one repeats) and closes;
    None closes without answering. Keeps the head of every request it got."""

    def __init__(self, *replies: bytes | None) -> None:
        self.replies = replies
        self.connections = 0
        self.heads: list[str] = []

    async def start(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        reply = self.replies[min(self.connections, len(self.replies) - 1)]
        self.connections += 1
        self.heads.append((await reader.readuntil(b"\r\n\r\n")).decode("latin-1"))
        if reply is not None:
            writer.write(reply)
            await writer.drain()
        writer.close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released): connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_url() -> str:
    return f"http://127.0.0.1:{closed_port()}"


def problem_of(sent: list[dict]) -> dict:
    """The problem an ASGI answer of two messages (start, body) carried."""
    start, body = sent
    assert (b"content-type", PROBLEM_MEDIA_TYPE.encode()) in start["headers"]
    problem = json.loads(body["body"])
    assert problem["status"] == start["status"]
    return problem
