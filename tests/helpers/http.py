"""Calls over real HTTP for end-to-end tests: logging in, creating accounts and banks through the gateway."""

import json
import socket
import time

import httpx

from launcher.system import System
from services.approval.contract import YearScheduleBody
from services.common.calendar import WorkCalendar
from tests.helpers.factories import bearer, unique_name


def login(client: httpx.Client, username: str, password: str) -> str:
    response = client.post("/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def make_account(client: httpx.Client, admin: dict[str, str], role: str, **fields) -> tuple[dict, dict[str, str]]:
    """Create an account through the gateway and log it in: (the account, its auth headers)."""
    username = unique_name(role)
    password = "pw-" + username
    response = client.post(
        "/auth/accounts", json={"username": username, "password": password, "role": role, **fields}, headers=admin
    )
    assert response.status_code == 201, response.text
    return response.json(), bearer(login(client, username, password))


def make_bank(client: httpx.Client, admin: dict[str, str], name: str = "濉溪农村商业银行") -> str:
    """Register a bank in finance; bank accounts must point at one."""
    response = client.post("/finance/banks", json={"code": unique_name("bank"), "name": name}, headers=admin)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def raw_get(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """A GET with the path exactly as given (httpx would normalise dot segments away)."""
    lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def log_lines(system: System, service: str, request_id: str, *, until, timeout: float = 5.0) -> list[dict]:
    """The service's log lines with this request id; the access line is written just after the answer."""
    deadline = time.monotonic() + timeout
    while True:
        lines = [
            json.loads(line)
            for path in system.log_dir.glob(f"{service}-*.log")
            for line in path.read_text().splitlines()
            if request_id in line
        ]
        if any(until(line) for line in lines) or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def collect(gateway: httpx.Client, path: str, headers: dict, **params) -> list[dict]:
    """Every item of a list, following `next_cursor`."""
    items: list[dict] = []
    cursor = None
    while True:
        query = {"limit": 100, **params, **({"cursor": cursor} if cursor else {})}
        response = gateway.get(path, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body.get("next_cursor")
        if not cursor:
            return items


def calendar_of(gateway: httpx.Client, headers: dict, *years: int) -> WorkCalendar:
    """The calendar every service uses, as the public API shows it."""
    return WorkCalendar(
        YearScheduleBody.model_validate(gateway.get(f"/approval/calendar/{year}", headers=headers).json()).schedule()
        for year in years
    )
