"""The approval service's ASGI app."""

from services.approval import config, routes
from services.common.app import create_app

app = create_app(name=config.NAME, title=config.TITLE, routers=[routes.router])
