"""Smoke run of `make run` against a real PostgreSQL server: up, log in, register, look up, Ctrl-C, all gone."""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from launcher.system import create_database, drop_database, free_port_block, ports_free  # noqa: E402
from services.intake.uscc import check_character  # noqa: E402

SERVER = "postgresql://postgres@127.0.0.1:5432"


def main() -> int:
    database_url = create_database(f"{SERVER}/postgres", prefix="kuaiban_smoke")
    port = free_port_block()
    password = secrets.token_urlsafe(12)
    env = {
        **os.environ,
        "KUAIBAN_DATABASE_URL": database_url,
        "KUAIBAN_PORT": str(port),
        "KUAIBAN_ADMIN_PASSWORD": password,
        "KUAIBAN_DATA_DIR": tempfile.mkdtemp(prefix="kuaiban-smoke-"),
    }
    run = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if run.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("make run did not become healthy")
            time.sleep(0.5)
        with httpx.Client(base_url=base, timeout=10) as client:
            token = client.post("/auth/token", data={"username": "admin", "password": password}).json()
            headers = {"Authorization": f"Bearer {token['access_token']}"}
            body = "91340621MA8P" + secrets.token_hex(3).upper().replace("I", "1").replace("O", "0")[:5]
            uscc = body + check_character(body)
            created = client.post(
                "/intake/enterprises",
                headers=headers,
                json={
                    "uscc": uscc,
                    "name": "濉溪县烟火测试有限公司",
                    "industry": "C",
                    "town": "濉溪镇",
                    "established_on": "2019-03-01",
                },
            )
            assert created.status_code == 201, created.text
            fetched = client.get(f"/intake/enterprises/{created.json()['id']}", headers=headers)
            assert fetched.status_code == 200 and fetched.json()["uscc"] == uscc, fetched.text
            assert "/intake/enterprises" in client.get("/openapi.json").json()["paths"]
            enterprise_id = created.json()["id"]
            account = {"username": f"smoke{secrets.token_hex(3)}", "password": "smoke-password", "role": "enterprise"}
            made = client.post("/auth/accounts", headers=headers, json={**account, "enterprise_id": enterprise_id})
            assert made.status_code == 201, made.text
            login = client.post("/auth/token", data={"username": account["username"], "password": "smoke-password"})
            mine = {"Authorization": f"Bearer {login.json()['access_token']}"}
            applied = client.post(
                "/approval/applications",
                headers=mine,
                json={"matter_code": "QYKB-001", "materials": ["registration_form", "articles", "premises_proof"]},
            )
            assert applied.status_code == 201 and len(applied.json()["tasks"]) == 5, applied.text
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                timeline = client.get(f"/intake/enterprises/{enterprise_id}/timeline", headers=headers).json()
                if any(item["kind"] == "application.submitted" for item in timeline["items"]):
                    break
                time.sleep(0.5)
            else:
                raise SystemExit("the application never reached the enterprise timeline")
        print(f"smoke: healthy on {base}; login, enterprise, application and its timeline event ok")
    finally:
        os.killpg(run.pid, signal.SIGINT)
        code = run.wait(30)
        drop_database(database_url)
    time.sleep(1)
    if not ports_free(port):
        raise SystemExit("processes still listen after make run stopped")
    print(f"smoke: make run stopped cleanly (exit {code}), ports released")
    return 0


if __name__ == "__main__":
    sys.exit(main())
