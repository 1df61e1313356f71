"""The county leader's dashboard: `GET /dashboard`, a page in Chinese drawn in the browser from the stats endpoints.

The page, its script and its style are files of this package (`static/`); the charts are drawn by plotly.js,
served from the `plotly` package's own copy, so the page needs nothing beyond the gateway (an intranet works).
Assets are addressed by a digest of their content and cached for a year; the page itself is revalidated.
The Content-Security-Policy allows only the gateway itself: no inline script, no other origin. Two things made
in the page are allowed as well, as the docs pages allow them: an empty `<style>` element, by its hash (plotly.js
writes its few rules into it through the CSSOM, which the policy does not govern), and `data:` images (plotly.js
draws a heatmap on a canvas and shows it as a PNG data URL). Neither is a request leaving the machine.

The page logs in with the OAuth2 password flow (`POST /auth/token`) from a form and keeps the token in a
variable of its script, never in storage or a cookie; a reload logs out.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from gateway.config import EMPTY_STYLE_SHA256, SECURITY_HEADERS
from services.common.departments import Department
from services.common.problems import NO_RESOURCE, NotFound
from services.common.schemas import label_of

PAGE_PATH = "/dashboard"
ASSETS_PATH = "/dashboard/assets"
STATIC_DIR = Path(str(files("gateway.dashboard") / "static"))
PLOTLY_JS = Path(str(files("plotly") / "package_data" / "plotly.min.js"))
COMPANY_OPENING_MATTER = "QYKB-001"  # 企业开办: the report's "inside one working day"
# plotly.js writes the stylesheet of its maps (MapLibre) into an inline <style> when no element has its id yet; the
# page draws no map, so an empty element with that id keeps it from trying (the policy would refuse it)
MAP_STYLE_ID = re.compile(rb'getElementById\("([0-9a-f]{64})"\)\)\{var e=document\.createElement\("style"\)')

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' " + EMPTY_STYLE_SHA256.decode(),
        "img-src 'self' data:",  # plotly.js draws a heatmap as a PNG it makes in the page (a data: URL)
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
_COMMON = {name.decode(): value.decode() for name, value in SECURITY_HEADERS} | {"content-security-policy": CSP}
PAGE_HEADERS = _COMMON | {"cache-control": "no-cache"}
ASSET_HEADERS = _COMMON | {"cache-control": "public, max-age=31536000, immutable"}
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@dataclass(frozen=True)
class Asset:
    path: Path
    digest: str  # the first 16 hex digits of its SHA-256: its URL changes with its content

    @property
    def url(self) -> str:
        return f"{ASSETS_PATH}/{self.digest}/{self.path.name}"


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()[:16]


@cache
def assets() -> dict[str, Asset]:
    """The files the page loads, by file name (read once per process, on first use)."""
    paths = [PLOTLY_JS, STATIC_DIR / "dashboard.js", STATIC_DIR / "dashboard.css"]
    return {path.name: Asset(path, _digest(path)) for path in paths}


def map_style_id() -> str:
    """The id under which plotly.js would write its maps' stylesheet ("" when this plotly.js has none)."""
    found = MAP_STYLE_ID.search(PLOTLY_JS.read_bytes())
    return found.group(1).decode() if found else ""


@cache
def page() -> str:
    """The page with its assets' URLs and the labels it shows filled in."""
    found = assets()
    labels = {department.value: label_of(department) for department in Department}
    return (
        (STATIC_DIR / "index.html")
        .read_text(encoding="utf-8")
        .replace("{{plotly}}", found["plotly.min.js"].url)
        .replace("{{script}}", found["dashboard.js"].url)
        .replace("{{style}}", found["dashboard.css"].url)
        .replace("{{departments}}", escape(json.dumps(labels, ensure_ascii=False), quote=True))
        .replace("{{company_opening}}", COMPANY_OPENING_MATTER)
        .replace("{{map_style_id}}", map_style_id())
    )


router = APIRouter(include_in_schema=False)


@router.get(PAGE_PATH)
async def dashboard() -> HTMLResponse:
    return HTMLResponse(page(), headers=PAGE_HEADERS)


@router.get(ASSETS_PATH + "/{digest}/{name}")
async def asset(digest: str, name: str) -> FileResponse:
    found = assets().get(name)
    if found is None or found.digest != digest:
        raise NotFound(NO_RESOURCE)
    media_type = MEDIA_TYPES[found.path.suffix]
    return FileResponse(found.path, media_type=media_type, headers=ASSET_HEADERS)
