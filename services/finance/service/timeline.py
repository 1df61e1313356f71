"""Finance events on the enterprise's timeline in intake, sent through this transaction's outbox."""

import uuid
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.finance.domain import Event
from services.finance.models import FinanceOutbox
from services.intake.contract import timeline_message


def emit(session: AsyncSession, enterprise_id: uuid.UUID, event: Event, ref_id: uuid.UUID, *, now: datetime) -> None:
    kind, summary = event
    session.add(
        timeline_message(
            FinanceOutbox,
            sender="finance",
            enterprise_id=enterprise_id,
            kind=kind,
            ref_id=ref_id,
            summary=summary,
            at=now,
        )
    )
