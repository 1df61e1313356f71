"""The finance service's ASGI app."""

from services.common.app import create_app
from services.common.outbox import outbox_hook
from services.finance import config, routes
from services.finance.models import FinanceIdempotency, FinanceOutbox

app = create_app(
    name=config.NAME,
    title=config.TITLE,
    routers=[routes.router],
    hooks=[outbox_hook(FinanceOutbox)],
    idempotency=FinanceIdempotency,
)
