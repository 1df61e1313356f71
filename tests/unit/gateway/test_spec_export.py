"""clients/spec.py writes, without servers, the very document the gateway serves at /openapi.json."""

import importlib.util
import json
from pathlib import Path

import pytest

SPEC_SCRIPT = Path(__file__).resolve().parents[3] / "clients" / "spec.py"


@pytest.fixture(scope="module")
def spec_module():
    loaded = importlib.util.spec_from_file_location("kuaiban_clients_spec", SPEC_SCRIPT)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


async def test_exported_document_equals_the_served_one(kuaiban, spec_module):
    async with kuaiban.client("gateway") as gateway:
        served = await gateway.get("/openapi.json")
    assert served.status_code == 200
    exported = spec_module.merged_document()
    assert exported == served.json()
    expected = {"/auth/token", "/intake/enterprises", "/intake/requests", "/approval/tasks", "/finance/needs"}
    assert expected <= set(exported["paths"])


def test_rendering_is_stable_and_sorted(spec_module, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert spec_module.main(["spec.py", str(first)]) == 0
    assert spec_module.main(["spec.py", str(second)]) == 0
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
