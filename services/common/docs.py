"""Swagger UI at `/docs` and ReDoc at `/redoc`, served from files installed with the Python dependencies.

The `fastapi-offline` package ships Swagger UI's and ReDoc's bundles; only its files are used (not its
app factory), so an intranet without internet still gets working docs. The pages carry no inline
script or style: Swagger UI's start-up code is a file of its own, ReDoc starts from its `<redoc>` tag,
so a Content-Security-Policy of `'self'` is enough (the gateway's edge sends it).
"""

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_PATH = "/docs"
REDOC_PATH = "/redoc"
ASSETS_PATH = "/docs/assets"
SWAGGER_INIT_PATH = "/docs/swagger-init.js"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))

# Swagger UI's settings. No validator (its default badge calls a public server); the Authorize dialog
# takes them from the spec's OAuth2 password flow; the token stays in the page, never in localStorage.
SWAGGER_INIT = """\
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    deepLinking: true,
    displayRequestDuration: true,
    showExtensions: true,
    showCommonExtensions: true,
    persistAuthorization: false,
    validatorUrl: null
  });
})();
"""


def _page(title: str, head: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="icon" type="image/png" href="{ASSETS_PATH}/favicon.png">\n'
        f"{head}</head>\n<body>\n{body}</body>\n</html>\n"
    )


def docs_router(*, title: str, openapi_url: str = "/openapi.json") -> APIRouter:
    """The docs pages and their assets for the OpenAPI document at `openapi_url`."""
    router = APIRouter(include_in_schema=False)
    spec = escape(openapi_url, quote=True)
    swagger_html = _page(
        f"{title} — Swagger UI",
        f'<link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">\n',
        f'<div id="swagger-ui" data-openapi-url="{spec}"></div>\n'
        f'<script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>\n'
        f'<script src="{SWAGGER_INIT_PATH}"></script>\n',
    )
    redoc_html = _page(
        f"{title} — ReDoc",
        "",
        f'<redoc spec-url="{spec}"></redoc>\n<script src="{ASSETS_PATH}/redoc.standalone.js"></script>\n',
    )

    @router.get(DOCS_PATH)
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger_html)

    @router.get(REDOC_PATH)
    async def redoc() -> HTMLResponse:
        return HTMLResponse(redoc_html)

    @router.get(SWAGGER_INIT_PATH)
    async def swagger_init() -> Response:
        return Response(SWAGGER_INIT, media_type="text/javascript")

    router.mount(ASSETS_PATH, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
    return router
