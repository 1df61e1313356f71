"""Banks' webhook endpoints, and the events written for them in the transaction of the change they announce.

Each event becomes one `WebhookDelivery` row per enabled endpoint subscribed to it (the webhook outbox);
`services/finance/webhook_relay.py` sends them, signed, in order per endpoint. Nothing here talks to a
receiver: a slow or dead one never slows a request.
"""

import base64
import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import any_, delete
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common import tracing
from services.common.auth import Principal
from services.common.calendar import cst_date
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, InvalidTransition, NotFound
from services.common.texts import Text, no_such
from services.common.webhook_targets import TargetGuard, UnsafeTarget
from services.finance import domain, policy
from services.finance.domain import PING, DeliveryStatus, WebhookEvent
from services.finance.models import LoanApplication, Need, Product, WebhookDelivery, WebhookEndpoint
from services.finance.schemas import LeadEvent, LoanApplicationRead, WebhookCreate, WebhookUpdate
from services.intake.contract import EnterpriseProfile

SECRET_BYTES = 32


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


async def _safe_url(guard: TargetGuard, url: str) -> str:
    try:
        await guard.vet(url)
    except UnsafeTarget as exc:
        raise Invalid(
            Text(f"不能向此地址发送 Webhook：{exc.reason}", f"Webhooks cannot be sent to this URL: {exc.reason.en}"),
            field="url",
        ) from exc
    return url


async def create_endpoint(
    session: AsyncSession, *, data: WebhookCreate, principal: Principal, guard: TargetGuard, now: datetime
) -> WebhookEndpoint:
    from services.finance.service.banks import require_registered  # banks calls this module on a new product

    owner = policy.endpoint_owner(principal, data.bank_id)
    bank_id = await require_registered(session, bank_id=owner, principal=principal)
    endpoint = WebhookEndpoint(
        bank_id=bank_id,
        url=await _safe_url(guard, data.url),
        events=[event.value for event in data.events],
        secret=new_secret(),
        created_at=now,
        updated_at=now,
    )
    session.add(endpoint)
    return endpoint


async def list_endpoints(
    session: AsyncSession, *, principal: Principal, page: PageParams
) -> tuple[list[WebhookEndpoint], str | None]:
    query = select(WebhookEndpoint).where(policy.webhooks_visible_to(principal))
    return make_page(list((await session.exec(paginate(query, WebhookEndpoint, page))).all()), page)


async def get_endpoint(
    session: AsyncSession, *, endpoint_id: uuid.UUID, principal: Principal, lock: bool = False
) -> WebhookEndpoint:
    query = select(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id, policy.webhooks_visible_to(principal))
    if lock:
        query = query.with_for_update()
    endpoint = (await session.exec(query)).first()
    if endpoint is None:
        raise NotFound(no_such("Webhook 端点", "webhook endpoint"))
    return endpoint


async def update_endpoint(
    session: AsyncSession,
    *,
    endpoint_id: uuid.UUID,
    data: WebhookUpdate,
    principal: Principal,
    guard: TargetGuard,
    now: datetime,
) -> WebhookEndpoint:
    """Change the URL (checked again), the events, or switch the endpoint off and on; on again clears the reason
    and the failure count, and what waited is sent."""
    endpoint = await get_endpoint(session, endpoint_id=endpoint_id, principal=principal, lock=True)
    if data.url is not None:
        endpoint.url = await _safe_url(guard, data.url)
    if data.events is not None:
        endpoint.events = [event.value for event in data.events]
    if data.enabled is True and not endpoint.enabled:
        endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at = True, None, None
        endpoint.failed_in_a_row = 0
    elif data.enabled is False and endpoint.enabled:
        endpoint.enabled, endpoint.disabled_at = False, now
        endpoint.disabled_reason = f"Disabled by {principal.username}"
    endpoint.updated_at = now
    session.add(endpoint)
    return endpoint


async def delete_endpoint(session: AsyncSession, *, endpoint_id: uuid.UUID, principal: Principal) -> None:
    """The endpoint goes with its deliveries: what was not sent yet never will be."""
    endpoint = await get_endpoint(session, endpoint_id=endpoint_id, principal=principal, lock=True)
    await session.exec(delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id))
    await session.delete(endpoint)


def _require_enabled(endpoint: WebhookEndpoint) -> None:
    if not endpoint.enabled:
        raise InvalidTransition(
            Text(
                "该端点已停用，请先启用（PATCH enabled=true）。",
                "The endpoint is disabled; enable it first (PATCH enabled=true).",
            )
        )


async def ping(
    session: AsyncSession, *, endpoint_id: uuid.UUID, principal: Principal, now: datetime
) -> WebhookDelivery:
    """A `webhook.ping` event through the same queue, signature and relay as every other event."""
    endpoint = await get_endpoint(session, endpoint_id=endpoint_id, principal=principal)
    _require_enabled(endpoint)
    [delivery] = _enqueue(session, [endpoint], PING, {"endpoint_id": str(endpoint.id)}, now=now)
    return delivery


async def list_deliveries(
    session: AsyncSession, *, endpoint_id: uuid.UUID, principal: Principal, page: PageParams
) -> tuple[list[WebhookDelivery], str | None]:
    endpoint = await get_endpoint(session, endpoint_id=endpoint_id, principal=principal)
    query = select(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint.id)
    return make_page(list((await session.exec(paginate(query, WebhookDelivery, page))).all()), page)


async def redeliver(
    session: AsyncSession, *, endpoint_id: uuid.UUID, delivery_id: uuid.UUID, principal: Principal, now: datetime
) -> WebhookDelivery:
    """Send a delivered or failed event again, with the same `webhook-id`, from the start of the schedule."""
    endpoint = await get_endpoint(session, endpoint_id=endpoint_id, principal=principal)
    query = select(WebhookDelivery).where(WebhookDelivery.id == delivery_id, WebhookDelivery.endpoint_id == endpoint.id)
    delivery = (await session.exec(query.with_for_update())).first()
    if delivery is None:
        raise NotFound(no_such("投递记录", "delivery"))
    _require_enabled(endpoint)
    if delivery.status == DeliveryStatus.pending:
        raise InvalidTransition(Text("该事件正在等待投递。", "The event is waiting to be delivered already."))
    delivery.status, delivery.tries, delivery.next_attempt_at = DeliveryStatus.pending, 0, now
    delivery.redeliveries += 1
    delivery.updated_at = now
    session.add(delivery)
    return delivery


# --- events -----------------------------------------------------------------------------------------


def _envelope(event_type: str, data: dict[str, Any], now: datetime) -> dict[str, Any]:
    """The body receivers get, as the Standard Webhooks specification suggests it."""
    return {"type": event_type, "timestamp": now.isoformat().replace("+00:00", "Z"), "data": data}


def _enqueue(
    session: AsyncSession, endpoints: list[WebhookEndpoint], event_type: str, data: dict[str, Any], *, now: datetime
) -> list[WebhookDelivery]:
    deliveries = [
        WebhookDelivery(
            endpoint_id=endpoint.id,
            event_type=event_type,
            payload=_envelope(event_type, data, now),
            next_attempt_at=now,
            traceparent=tracing.traceparent(),
            created_at=now,
            updated_at=now,
        )
        for endpoint in endpoints
    ]
    session.add_all(deliveries)
    return deliveries


async def _subscribers(
    session: AsyncSession, bank_ids: set[uuid.UUID] | None, event: WebhookEvent
) -> list[WebhookEndpoint]:
    """The enabled endpoints of these banks (of every bank: None) that take `event`."""
    if bank_ids is not None and not bank_ids:
        return []
    E = WebhookEndpoint
    query = select(E).where(E.enabled, any_(E.events) == event.value).order_by(E.created_at)
    if bank_ids is not None:
        query = query.where(E.bank_id.in_(bank_ids))
    return list((await session.exec(query)).all())


def _lead(need: Need, product_id: uuid.UUID) -> dict[str, Any]:
    return LeadEvent(**domain.lead_fields(need), product_id=product_id).model_dump(mode="json")


async def need_posted(session: AsyncSession, *, need: Need, profile: EnterpriseProfile, now: datetime) -> None:
    """`lead.created` for every active product the new need fits, to its bank's endpoints (with consent only)."""
    if not need.consent:
        return
    from services.finance.service.matching import eligible_products  # matching imports needs, which calls this

    endpoints = await _subscribers(session, None, WebhookEvent.lead_created)
    if not endpoints:  # the usual case: no bank listens, so nothing is matched
        return
    fits = await eligible_products(session, need=need, profile=profile, on=cst_date(now))
    for product_id, bank_id in fits:
        if mine := [endpoint for endpoint in endpoints if endpoint.bank_id == bank_id]:
            _enqueue(session, mine, WebhookEvent.lead_created, _lead(need, product_id), now=now)


async def product_posted(session: AsyncSession, *, product: Product, now: datetime) -> None:
    """`lead.created` for every open need the new product fits, oldest need first, to its bank's endpoints."""
    await products_posted(session, products=[product], now=now)


async def products_posted(session: AsyncSession, *, products: Sequence[Product], now: datetime) -> None:
    """`product_posted` for products of one bank created together (a catalogue batch): endpoints read once."""
    from services.finance.service.matching import lead_rules  # as above: the one definition of a lead

    on = cst_date(now)
    live = [p for p in products if domain.on_offer(p, on)]
    if not live:
        return
    endpoints = await _subscribers(session, {p.bank_id for p in live}, WebhookEvent.lead_created)
    for product in live:
        mine = [endpoint for endpoint in endpoints if endpoint.bank_id == product.bank_id]
        if not mine:
            continue
        query = select(Need).where(*lead_rules(Need, product, on)).order_by(Need.created_at, Need.id)
        for need in (await session.exec(query)).all():
            _enqueue(session, mine, WebhookEvent.lead_created, _lead(need, product.id), now=now)


async def application_event(
    session: AsyncSession, *, loan: LoanApplication, event: WebhookEvent, now: datetime
) -> None:
    """`application.submitted`, `application.withdrawn` or `deal.signed`: the application as the bank reads it."""
    endpoints = await _subscribers(session, {loan.bank_id}, event)
    if endpoints:
        data = LoanApplicationRead.model_validate(loan).model_dump(mode="json")
        _enqueue(session, endpoints, event, data, now=now)
