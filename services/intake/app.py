"""The intake service's ASGI app."""

from services.common.app import create_app
from services.intake import config, routes
from services.intake.clients import IntakeRuntime
from services.intake.models import IntakeIdempotency

app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router, routes.internal, routes.audit],
    runtime_class=IntakeRuntime,
    idempotency=IntakeIdempotency,
)
