"""Finance's copy of enterprise profiles (issue 16), kept by intake's `enterprise.created`/`updated` events and
repaired by a full resync; an enterprise that comes to fit an `auto` policy is granted it when its profile arrives.

Events may arrive twice or out of order (the outbox retries): the copy keeps the highest `revision`, so a
redelivery or an older event changes nothing, and a grant is unique per series anyway.
"""

import logging
from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.finance.models import EnterpriseProfileCopy
from services.finance.service import grants
from services.intake.contract import ENTERPRISES_PAGE_MAX, EnterpriseChanged, EnterpriseProfile, IntakeClient

log = logging.getLogger("kuaiban.finance.profiles")
_COPIED = tuple(name for name in EnterpriseProfileCopy.model_fields if name not in ("event_id", "synced_at"))


async def _upsert(session: AsyncSession, profiles: list[EnterpriseProfile], *, event_id: Any, now: datetime) -> int:
    """Insert or update the copies that are missing or older; how many changed."""
    if not profiles:
        return 0
    rows = [
        {**profile.model_dump(include=set(_COPIED)), "event_id": event_id, "synced_at": now} for profile in profiles
    ]
    table = EnterpriseProfileCopy.__table__  # type: ignore[attr-defined]
    statement = insert(table).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: statement.excluded[name] for name in (*_COPIED, "event_id", "synced_at") if name != "id"},
        where=table.c.revision < statement.excluded.revision,
    ).returning(table.c.id)
    return len((await session.exec(statement)).all())  # type: ignore[call-overload]


async def receive(session: AsyncSession, *, event: EnterpriseChanged, now: datetime) -> tuple[bool, int]:
    """Store the event's profile if it is newer than the copy, then grant the `auto` policies it now fits.
    (stored, granted)."""
    stored = await _upsert(session, [event.profile], event_id=event.id, now=now) > 0
    granted = await grants.grant_in_force(session, now=now, only=[event.profile.id]) if stored else 0
    return stored, granted


async def resync(session: AsyncSession, *, intake: IntakeClient, now: datetime) -> dict[str, int]:
    """Read every profile from intake, page by page, repair the copies that missed events, then grant every
    `auto` policy in force to the enterprises that fit and have no grant yet."""
    after, seen, changed = None, 0, 0
    while True:
        page = await intake.enterprise_page(after=after, limit=ENTERPRISES_PAGE_MAX)
        seen += len(page.items)
        changed += await _upsert(session, page.items, event_id=None, now=now)
        if page.next_after is None:
            break
        after = page.next_after
        log.info("resync: %d profiles read, %d changed so far", seen, changed)
    granted = await grants.grant_in_force(session, now=now)
    log.info("resync done: %d profiles read, %d changed, %d granted", seen, changed, granted)
    return {"enterprises": seen, "changed": changed, "granted": granted}
