"""One unit of work per request: one session, one transaction, one commit.

`UnitOfWork` opens a session for every HTTP request (it connects only when a query runs), and the route
gets it through `SessionDep`. The session commits once, when the answer is a success (status < 400),
before the client sees a byte of it; an error answer or an exception rolls it back. A failing commit
becomes the answer (409, 503 or 500 problem+json), so no client is told of work that was not kept.

A POST with an `Idempotency-Key` and a valid token runs in the same transaction as its key: claim the
key, run the route, store the answer, commit. A 4xx answer rolls the work back and is still stored (in a
transaction of its own, the key claimed again), so a retry replays it; a 5xx keeps nothing. A success the route
marks with `shows_secret` (`Cache-Control: no-store`: a secret shown once) is not kept: a retry gets 409.
"""

from sqlalchemy.sql.schema import Table
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.common import idempotency
from services.common.audit import ScopeCall, bind_call
from services.common.auth import TokenVerifier
from services.common.db import commit_or_answer
from services.common.problems import PROBLEM_MEDIA_TYPE, ProblemKind, Unauthorized, problem_body, send_problem
from services.common.texts import Text

SHOWN_ONCE = Text(
    "此幂等键的首次答复含只显示一次的密钥，不再重放；请查看该资源。",
    "The first answer to this Idempotency-Key showed a secret once and is not replayed; look the resource up.",
)
BAD_KEY = Text(
    "幂等键（Idempotency-Key）须为 1 至 255 个可打印字符。", "Idempotency-Key must be 1 to 255 printable characters."
)


# RFC 6749 §5.1 for answers with secrets or tokens; the unit of work reads it as "do not keep for replay".
SHOWS_SECRET = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def shows_secret(response: Response) -> None:
    """Mark an answer that shows a secret once: no cache keeps it, and an Idempotency-Key retry gets 409."""
    response.headers.update(SHOWS_SECRET)


class UnitOfWork:
    """ASGI middleware around a service's routes; `keys` is the service's idempotency table."""

    def __init__(self, app: ASGIApp, keys: Table | None = None) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        runtime = scope["app"].state.runtime
        async with runtime.sessions() as session:
            scope.setdefault("state", {})["session"] = session
            bind_call(session, ScopeCall(scope, runtime.verifier))  # resolved only if the request writes
            key = (
                _header(scope["headers"], idempotency.HEADER)
                if scope["method"] == "POST" and self.keys is not None and not _is_upload(scope)
                else None
            )
            caller = _caller(scope, runtime.verifier) if key is not None else None
            try:
                if key is None or caller is None:  # without a valid token the route answers 401 itself
                    await self._run(session, scope, receive, send)
                elif not 1 <= len(key) <= 255 or not key.isprintable():
                    await send_problem(send, 422, BAD_KEY, kind=ProblemKind.invalid_idempotency_key, scope=scope)
                else:
                    use = idempotency.Use(caller=caller, key=key, path=scope["path"], body=await _read_body(receive))
                    await self._run_once(session, use, scope, send, now=runtime.clock())
            except BaseException:
                await session.rollback()
                raise

    async def _run(self, session: AsyncSession, scope: Scope, receive: Receive, send: Send) -> None:
        dropped = False

        async def commit_then_send(message: Message) -> None:
            nonlocal dropped
            if dropped:
                return
            if message["type"] == "http.response.start":
                if message["status"] >= 400:
                    await session.rollback()
                elif not await commit_or_answer(session, send, scope):
                    dropped = True  # a problem went out instead; the app's answer is dropped
                    return
            await send(message)

        await self.app(scope, receive, commit_then_send)

    async def _run_once(self, session: AsyncSession, use: idempotency.Use, scope: Scope, send: Send, *, now) -> None:
        assert self.keys is not None
        keys = self.keys
        claimed = await idempotency.claim(session, keys, use, now=now)
        if claimed is not None:
            await session.rollback()
            await _answer_claimed(send, claimed, scope)
            return
        held: list[Message] = []

        async def body() -> Message:
            return {"type": "http.request", "body": use.body, "more_body": False}

        async def store_then_send(message: Message) -> None:
            held.append(message)
            if message["type"] != "http.response.body" or message.get("more_body", False):
                return
            start = held[0]
            answer = idempotency.Answer(
                status=start["status"],
                content_type=_header(start.get("headers", ()), b"content-type"),
                body=b"".join(m.get("body", b"") for m in held[1:]),
            )
            if answer.status >= 500:
                await session.rollback()
            else:
                if answer.status >= 400:
                    # The work is undone and the answer kept, in a transaction of its own (rarer than a savepoint
                    # around every request's work is dear): the key is claimed again first, and when another
                    # request with it answered in between, that answer is the one both get.
                    await session.rollback()
                    if (claimed := await idempotency.claim(session, keys, use, now=now)) is not None:
                        await session.rollback()
                        await _answer_claimed(send, claimed, scope)
                        return
                elif "no-store" in (_header(start.get("headers", ()), b"cache-control") or ""):
                    answer = idempotency.Answer(409, PROBLEM_MEDIA_TYPE, problem_body(409, SHOWN_ONCE))
                await idempotency.remember(session, keys, use, answer, now=now)
                if not await commit_or_answer(session, send, scope):
                    return
            for message in held:
                await send(message)

        await self.app(scope, body, store_then_send)


async def _answer_claimed(send: Send, claimed: idempotency.Answer | idempotency.Refusal, scope: Scope) -> None:
    if isinstance(claimed, idempotency.Refusal):
        await send_problem(send, claimed.status, claimed.detail, kind=claimed.kind, scope=scope)
    else:
        await _replay(send, claimed)


def _is_upload(scope: Scope) -> bool:
    """An upload streams into the document store and is never held whole, so no key can keep its body: upload
    routes are idempotent by what they store (the same file again answers the same document)."""
    return (_header(scope["headers"], b"content-type") or "").lower().startswith("multipart/form-data")


def _header(headers, name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _caller(scope: Scope, verifier: TokenVerifier) -> str | None:
    """The key's owner; none for no token, a bad one or a revoked one (the route answers 401, nothing is stored)."""
    try:
        return verifier.verify_scope(scope).subject
    except Unauthorized:
        return None


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _replay(send: Send, answer: idempotency.Answer) -> None:
    headers = [(b"content-length", str(len(answer.body)).encode()), (b"idempotent-replayed", b"true")]
    if answer.content_type:
        headers.append((b"content-type", answer.content_type.encode("latin-1")))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})
