"""Write the merged OpenAPI document the gateway serves at /openapi.json, without running any server.

The gateway merges its own document with each service's `/openapi.json`; here the same apps are imported
and the same `merge_openapi` is applied, so the clients can be generated offline and checked in CI.

    python clients/spec.py [OUTPUT]   # default: clients/openapi.json
"""

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "clients" / "openapi.json"


def merged_document() -> dict[str, Any]:
    """The document `GET /openapi.json` answers when every service is up."""
    if str(ROOT) not in sys.path:  # run as a script from anywhere
        sys.path.insert(0, str(ROOT))
    from gateway.app import api
    from gateway.service import merge_openapi
    from services.approval.app import app as approval
    from services.common.settings import SERVICE_NAMES
    from services.finance.app import app as finance
    from services.intake.app import app as intake

    apps = {"intake": intake, "approval": approval, "finance": finance}
    # Round-trip through JSON as the gateway does (it fetches the services' documents over HTTP).
    services = {name: json.loads(json.dumps(apps[name].openapi())) for name in SERVICE_NAMES}
    return json.loads(json.dumps(merge_openapi(api.openapi(), services)))


def render(document: dict[str, Any]) -> str:
    """Sorted keys and a fixed layout, so the file changes only when the contract does."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(merged_document()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
