"""The finance service's ASGI app."""

from services.common.app import create_app
from services.finance import config, routes

app = create_app(name=config.NAME, title=config.TITLE, routers=[routes.router])
