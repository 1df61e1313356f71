"""Attachments of requests (诉求): the photos and documents an enterprise sends with its request, and those the
lead department sends with its reply. They are kept like every document (`services.common.documents`: the same
store, size limit, accepted types and scan) and seen by whoever sees the request.

An upload is checked twice. `check_attach` runs before a byte is read (the request visible, the caller's part,
the request's state), so a refused caller stores nothing. `attach` runs once the bytes are stored, under the
request's lock (the state may have moved meanwhile, and the form's fields may come after the file); a refusal
then deletes the bytes it stored. Uploads carry no Idempotency-Key, so they are idempotent by content: the same
file attached again to the same request and part is the attachment already there, and its new copy is deleted.
"""

import logging
import uuid
from datetime import datetime

from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.auth import Principal
from services.common.documents import Upload, record_fields
from services.common.problems import Invalid, NotFound
from services.common.storage import Documents
from services.common.texts import Text, no_such
from services.intake import domain, policy
from services.intake.domain import ATTACHABLE, ATTACHING, MAX_ATTACHMENTS, AttachmentPart
from services.intake.models import EnterpriseRequest, RequestAttachment
from services.intake.service import visible_request

log = logging.getLogger("kuaiban.intake.attachments")

PART_FIELD = "part"


def _require_attachable(principal: Principal, request: EnterpriseRequest, part: AttachmentPart) -> None:
    """The caller's own part (403), then the request's state (409), then for the reply its lead department (403),
    in the order replies are checked."""
    policy.require_own_part(principal, part)
    domain.require(request, ATTACHABLE[part], action=ATTACHING)
    if part is AttachmentPart.reply:
        policy.require_lead(principal, request)


async def check_attach(session: AsyncSession, *, request_id: uuid.UUID, principal: Principal) -> None:
    """Whether the caller may attach to the request now, before the upload is read: 404, 409 or 403 if not.

    Then the read-only transaction ends, so no database connection is held while the bytes stream in.
    """
    request = await visible_request(session, request_id=request_id, principal=principal)
    _require_attachable(principal, request, policy.attachment_part(principal))
    await session.rollback()  # nothing was written: this only gives the connection back until `attach`


async def attach(
    session: AsyncSession,
    documents: Documents,
    *,
    request_id: uuid.UUID,
    upload: Upload,
    principal: Principal,
    now: datetime,
) -> tuple[RequestAttachment, bool]:
    """Record a stored upload as an attachment of the request: (it, True). The same file already attached to that
    part: (that one, False). Any refusal, and a duplicate, deletes the bytes just stored."""
    try:
        part = _part(upload.fields, principal)
        request = await visible_request(session, request_id=request_id, principal=principal, lock=True)
        _require_attachable(principal, request, part)
        A = RequestAttachment
        same = select(A).where(A.request_id == request_id, A.part == part, A.sha256 == upload.stored.sha256)
        if (existing := (await session.exec(same)).first()) is not None:
            await _discard(documents, upload.stored.key)
            return existing, False
        count = (await session.exec(select(func.count()).where(A.request_id == request_id))).one()
        if count >= MAX_ATTACHMENTS:
            raise Invalid(
                Text(
                    f"每条诉求最多 {MAX_ATTACHMENTS} 个附件。", f"A request has at most {MAX_ATTACHMENTS} attachments."
                ),
                field="file",
            )
        fields = record_fields(upload.stored, filename=upload.filename, uploaded_by=principal.username)
        attachment = A(**fields, request_id=request_id, part=part, created_at=now, updated_at=now)
        session.add(attachment)
        return attachment, True
    except BaseException:
        await _discard(documents, upload.stored.key)
        raise


async def list_attachments(
    session: AsyncSession, *, request_id: uuid.UUID, principal: Principal
) -> list[RequestAttachment]:
    """Every attachment of a request the caller sees, oldest first."""
    await visible_request(session, request_id=request_id, principal=principal)
    A = RequestAttachment
    query = select(A).where(A.request_id == request_id).order_by(A.created_at, A.id)
    return list((await session.exec(query)).all())


async def get_attachment(
    session: AsyncSession, *, request_id: uuid.UUID, attachment_id: uuid.UUID, principal: Principal
) -> RequestAttachment:
    """One attachment of a request the caller sees (404 otherwise, the request's or the attachment's)."""
    A, R = RequestAttachment, EnterpriseRequest
    query = (
        select(A)
        .join(R, R.id == A.request_id)
        .where(A.id == attachment_id, A.request_id == request_id, policy.requests_visible_to(principal))
    )
    attachment = (await session.exec(query)).first()
    if attachment is None:
        raise NotFound(no_such("附件", "attachment"))
    return attachment


def _part(fields: dict[str, str], principal: Principal) -> AttachmentPart:
    """The form's `part` (the caller's own by default); any other field is refused, as in JSON bodies."""
    if unknown := sorted(set(fields) - {PART_FIELD}):
        message = Text(f"不认识的字段：{unknown[0]}。", f"Unknown field: {unknown[0]}.")
        raise Invalid(message, field=unknown[0])
    sent = fields.get(PART_FIELD, "").strip()
    if not sent:
        return policy.attachment_part(principal)
    try:
        return AttachmentPart(sent)
    except ValueError:
        message = Text("part 须为 request 或 reply。", "part must be request or reply.")
        raise Invalid(message, field=PART_FIELD) from None


async def _discard(documents: Documents, key: str) -> None:
    """Delete bytes no row will name; if the store fails now, the orphan sweep deletes them later."""
    try:
        await documents.store.delete(key)
    except Exception:
        log.warning("could not delete %s now; the orphan sweep will", key, exc_info=True)
