"""Open data: the county's figures for anyone (`GET /public/stats`), never an enterprise's own data.

Gathered from the services' stats endpoints through the gateway's typed client (the internal token), reduced
to county-level totals and rates, and kept in process for `PUBLIC_STATS_CACHE_SECONDS`. A service that does
not answer leaves its section `null`; the others are still shown.
"""

import time
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from gateway.clients import GatewayRuntime, StatsClient
from gateway.config import PUBLIC_STATS_CACHE_SECONDS
from services.common.models import utcnow
from services.common.schemas import ResponseBody

COMPANY_OPENING_MATTER = "QYKB-001"  # 企业开办, the matter the report promises inside one working day


# --- what the gateway reads of each service's stats (other fields are ignored) ---------------------------


class _RequestFigures(BaseModel):
    received: int
    closed: int
    completion_rate: float | None
    satisfaction_rate: float | None
    on_time_rate: float | None
    avg_reply_working_days: float | None


class _MatterFigures(BaseModel):
    avg_working_days: float | None = None


class _ApprovalFigures(BaseModel):
    applications: int
    approved: int
    avg_working_days: float | None
    avg_materials: float | None
    on_time_rate: float | None
    by_matter: dict[str, _MatterFigures] = {}


class _FinanceFigures(BaseModel):
    deals: int
    enterprises_financed: int
    amount_signed_yuan: int
    events: list[dict] = []


# --- what the public sees -------------------------------------------------------------------------------


class PublicRequests(ResponseBody):
    """Enterprise requests (诉求) county-wide."""

    received: int
    closed: int
    completion_rate: float | None
    satisfaction_rate: float | None = Field(description="Ratings of 4 or 5 among those given")
    on_time_rate: float | None
    avg_reply_working_days: float | None


class PublicApproval(ResponseBody):
    """Parallel approval county-wide."""

    applications: int
    approved: int
    avg_working_days: float | None = Field(description="Per approved application (the report: 1.01)")
    avg_materials: float | None = Field(description="Per application (the report: 1.59)")
    on_time_rate: float | None
    company_opening_avg_working_days: float | None = Field(
        description="企业开办 (matter QYKB-001): working days per approved application (the report: within 1)"
    )


class PublicFinance(ResponseBody):
    """Bank-enterprise financing county-wide."""

    deals: int
    enterprises_financed: int
    amount_signed_yuan: int
    matchmaking_events: int


class PublicStats(ResponseBody):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "as_of": "2026-11-30T03:00:00Z",
                    "requests": {
                        "received": 72,
                        "closed": 72,
                        "completion_rate": 1.0,
                        "satisfaction_rate": 1.0,
                        "on_time_rate": 0.9861,
                        "avg_reply_working_days": 2.4,
                    },
                    "approval": {
                        "applications": 480,
                        "approved": 471,
                        "avg_working_days": 1.01,
                        "avg_materials": 1.59,
                        "on_time_rate": 0.99,
                        "company_opening_avg_working_days": 0.8,
                    },
                    "finance": {
                        "deals": 61,
                        "enterprises_financed": 55,
                        "amount_signed_yuan": 1_770_000_000,
                        "matchmaking_events": 8,
                    },
                }
            ]
        }
    )

    as_of: datetime = Field(description="When the figures were gathered (kept for a minute)")
    requests: PublicRequests | None = Field(description="null while intake does not answer")
    approval: PublicApproval | None = Field(description="null while approval does not answer")
    finance: PublicFinance | None = Field(description="null while finance does not answer")


async def gather(stats: StatsClient) -> PublicStats:
    """Ask the three services (one after the other: it happens once a minute) and keep county-level totals only."""
    requests = await stats.figures("intake", "/intake/stats", _RequestFigures)
    approval = await stats.figures("approval", "/approval/stats", _ApprovalFigures)
    finance = await stats.figures("finance", "/finance/stats", _FinanceFigures)
    return PublicStats(
        as_of=utcnow(),
        requests=PublicRequests(**requests.model_dump()) if requests else None,
        approval=PublicApproval(
            **approval.model_dump(exclude={"by_matter"}),
            company_opening_avg_working_days=(
                approval.by_matter.get(COMPANY_OPENING_MATTER, _MatterFigures()).avg_working_days
            ),
        )
        if approval
        else None,
        finance=PublicFinance(**finance.model_dump(exclude={"events"}), matchmaking_events=len(finance.events))
        if finance
        else None,
    )


async def county_figures(runtime: GatewayRuntime, stats: StatsClient) -> PublicStats:
    """The figures gathered within the last minute, else gathered now."""
    cached = runtime.public_stats
    if cached is not None and time.monotonic() - cached[0] < PUBLIC_STATS_CACHE_SECONDS:
        return cached[1]
    figures = await gather(stats)
    runtime.public_stats = (time.monotonic(), figures)
    return figures
