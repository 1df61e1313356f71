"""Every exportable list and stats route of the three services, in process: where the JSON answers, the CSV
answers too, with one row per item of all the JSON pages (a list) or one row per figure (stats); where the JSON
is refused, the CSV is refused the same way."""

import csv
import io
from typing import Any

import pytest
from fastapi import routing

from services.common import exports
from tests.helpers.factories import ADMIN, headers_for
from tests.helpers.inprocess import APPS, Kuaiban, collect_all

SERVICES = ("intake", "approval", "finance")
CALLERS = {
    "admin": ADMIN,
    "officer": headers_for("officer", department="market"),
    "bank": headers_for("bank", bank_id="5d0c7e1a-0000-4000-8000-000000000000"),
}


def exportable_paths() -> list[tuple[str, str, bool]]:
    """(service, path, is a list) of every exportable GET without path parameters."""
    found = []
    for service in SERVICES:
        for route in routing.iter_route_contexts(APPS[service].routes):
            note = getattr(getattr(route, "endpoint", None), "exportable", None)
            if note is not None and "{" not in route.path_format:
                found.append((service, route.path_format, exports.item_model(note.model) is not None))
    return found


def leaves(value: Any) -> int:
    """The figures of a JSON stats answer, counted as the export writes them."""
    if isinstance(value, dict):
        return sum(leaves(item) for item in value.values())
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return sum(leaves(item) for item in value)
    return 1


def test_every_service_has_exports():
    paths = exportable_paths()
    assert {service for service, _, _ in paths} == set(SERVICES)
    assert sum(1 for *_, listed in paths if not listed) >= 5  # the stats routes


@pytest.mark.parametrize(("service", "path", "listed"), exportable_paths())
@pytest.mark.parametrize("caller", list(CALLERS))
async def test_the_csv_answers_as_the_json_does(kuaiban: Kuaiban, service: str, path: str, listed: bool, caller: str):
    headers = CALLERS[caller]
    async with kuaiban.client(service) as client:
        answer = await client.get(path, headers=headers)
        download = await client.get(path, headers={**headers, "Accept": exports.CSV_MEDIA_TYPE})
        assert download.status_code == answer.status_code, download.text
        if answer.status_code != 200:
            assert download.headers["content-type"] == "application/problem+json"
            return
        assert download.headers["content-type"] == "text/csv; charset=utf-8"
        assert download.headers["content-disposition"].startswith("attachment; ")
        rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"), newline="")))
        if listed:
            items = await collect_all(client, path, headers)
            assert len(rows) - 1 == len(items)
        else:
            assert rows[0] == ["分组", "指标", "值"]
            assert len(rows) - 1 == leaves(answer.json())
