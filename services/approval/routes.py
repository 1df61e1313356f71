"""HTTP endpoints of the approval service: parse, call `service`, return."""

from typing import Annotated

from fastapi import APIRouter, Path

from services.approval import service
from services.approval.config import MAX_YEAR, MIN_YEAR, PREFIX
from services.approval.schemas import CalendarRead, CalendarYearRead, CalendarYearWrite
from services.common.auth import AdminDep, PrincipalDep, ServiceDep
from services.common.calendar import SNAPSHOT_PATH
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(prefix=PREFIX, tags=["approval"], responses=problem_responses(401, 403))
internal = APIRouter(include_in_schema=False)  # service-to-service: the gateway routes no /internal path

YearPath = Annotated[int, Path(ge=MIN_YEAR, le=MAX_YEAR, description=f"{MIN_YEAR}–{MAX_YEAR}")]


@router.get(
    "/calendar/{year}",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="A year's holidays and make-up workdays (provisional when not yet official)",
)
async def get_calendar_year(year: YearPath, session: SessionDep, _: PrincipalDep):
    return CalendarYearRead.of(await service.get_year(session, year=year))


@router.put(
    "/calendar/{year}",
    response_model=CalendarYearRead,
    responses=problem_responses(422),
    summary="Replace a year's schedule, e.g. when its official notice comes out (admin)",
)
async def put_calendar_year(year: YearPath, body: CalendarYearWrite, session: SessionDep, _: AdminDep):
    return CalendarYearRead.of(await service.replace_year(session, year=year, data=body))


@internal.get(SNAPSHOT_PATH, response_model=CalendarRead)
async def get_calendar(session: SessionDep, _: ServiceDep):
    """Every stored year, for the other services' `CalendarSource`."""
    return CalendarRead(years=[CalendarYearRead.of(year) for year in await service.all_years(session)])
