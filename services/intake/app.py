"""The intake service's ASGI app."""

from services.common.app import create_app
from services.common.documents import orphan_sweep_hook
from services.common.metrics import outbox_gauges
from services.common.outbox import outbox_hook
from services.intake import config, routes, service
from services.intake.clients import IntakeRuntime
from services.intake.models import IntakeIdempotency, IntakeOutbox, RequestAttachment

app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.operations, routes.sweep, routes.internal, routes.audit],
    hooks=[outbox_hook(IntakeOutbox), orphan_sweep_hook(RequestAttachment.__table__)],
    runtime_class=IntakeRuntime,
    idempotency=IntakeIdempotency,
    gauges=[outbox_gauges(IntakeOutbox, config.NAME), service.gauges],
)
