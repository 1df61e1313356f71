"""The OpenAPI document of an app: FastAPI's, made fit for client generators.

Every app gets the same finishing: errors as problem+json through shared response components, camelCase
operationIds, a description on every operation, tag descriptions, the `Idempotency-Key` header on every
POST, the response headers the stack sends (`X-Request-ID`, `Idempotent-Replayed`, `Location`), labels on
every enum (`x-enum-varnames`, `x-enum-descriptions` and a list in the description) and an example on
every schema (a schema's own, or one built from realistic field values).
"""

import re
from http import HTTPStatus
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.responses import Response

from services.common import exports
from services.common.auth import Role
from services.common.outbox import MessageStatus
from services.common.problems import PROBLEM_MEDIA_TYPE, FieldError, Problem, ProblemKind
from services.common.schemas import ENUM_LABELS, labelled

SCHEMAS = "#/components/schemas/"
HEADERS = "#/components/headers/"
RESPONSES = "#/components/responses/"

labelled(
    Role,
    {
        "admin": ("管理员", "Administrator"),
        "officer": ("部门工作人员", "Department officer"),
        "enterprise": ("企业", "Enterprise"),
        "bank": ("银行", "Bank"),
        "leader": ("县领导（只读）", "County leader (read only)"),
        "internal": ("内部服务", "Internal service"),
    },
)
labelled(
    MessageStatus,
    {"pending": ("待投递", "Pending"), "delivered": ("已投递", "Delivered"), "dead": ("死信", "Dead letter")},
)
labelled(ProblemKind, {kind.value: (str(kind.problem_title), kind.problem_title.en) for kind in ProblemKind})

TAG_DESCRIPTIONS = {
    "auth": "登录与账号。Log in (OAuth2 password flow) and manage accounts.",
    "health": "各服务健康状况。Health of every service.",
    "intake": "企业诉求一窗受理与企业名录。Single-window intake of enterprise requests (诉求) and the registry.",
    "approval": "事项并联审批、容缺受理与工作日历。Parallel approval of matters (事项), 容缺受理, the calendar.",
    "finance": "银企对接：贷款产品、融资需求、匹配与签约。Bank-enterprise financing matchmaking.",
    "operations": "运维：死信查看与重投（管理员）。Dead letters of the outbox and their redrive (admin).",
    "public": "公开数据：全县汇总，无需登录。Open data: county-level figures, no login.",
}

RESPONSE_HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "请求编号，日志中可查。The request's id (the caller's, or one the gateway assigned).",
        "schema": {"type": "string", "maxLength": 128},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this answer replays the first one sent with the same `Idempotency-Key`.",
        "schema": {"type": "string", "const": "true"},
    },
    "Location": {
        "description": "新建资源的路径。The path of the created resource.",
        "schema": {"type": "string", "format": "uri-reference"},
    },
    "Retry-After": {
        "description": "再次请求前需等待的秒数。Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "WWW-Authenticate": {"description": "Always `Bearer`.", "schema": {"type": "string"}},
}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "幂等键：同一调用方以相同键和相同请求体重发，返回首次的应答（状态与正文）；请求体不同返回 422，"
        "首次仍在处理时返回 409。Replays the first answer for the same key and body; kept at least 24 h."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "example": "7f9c2b1e-5d4a-4c0e-9a51-3e2d8c6b1f20",
}
PROBLEM_RESPONSES: dict[int, tuple[str, str]] = {
    400: ("BadRequest", "The request cannot be read."),
    401: ("Unauthorized", "No token, or a bad or expired one."),
    403: ("Forbidden", "The caller's role may not do this."),
    404: ("NotFound", "No such resource, or one the caller may not see."),
    409: ("Conflict", "The resource's state does not allow this, it already exists, or the same key is running."),
    413: ("ContentTooLarge", "The request body is too large."),
    415: ("UnsupportedMediaType", "The body or the uploaded file is of a type not accepted."),
    422: ("UnprocessableContent", "The request is not valid; `errors` names the fields."),
    429: ("TooManyRequests", "Too many requests from this caller; see `Retry-After`."),
    500: ("InternalServerError", "An unexpected error; it has been logged."),
    502: ("BadGateway", "The service behind the gateway could not be reached."),
    503: ("ServiceUnavailable", "A service or the database is unavailable; try again shortly."),
    504: ("GatewayTimeout", "The service behind the gateway did not answer in time."),
}
PROBLEM_HEADERS = {401: ("WWW-Authenticate",), 429: ("Retry-After",), 503: ("Retry-After",)}

# Realistic values by field name, for the examples built for schemas that bring none (濉溪县 data).
FIELD_EXAMPLES: dict[str, Any] = {
    "id": "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
    "enterprise_id": "5b1e7c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
    "application_id": "8d2f4b6a-1c3e-4f5a-9b7d-6e8f0a2c4d1b",
    "need_id": "2a4c6e8f-0b1d-4e3f-8a5c-7d9e1f3b5a7c",
    "product_id": "9c1e3a5b-7d9f-4b2d-8e4a-6c8e0a2b4d6f",
    "bank_id": "4e6a8c0d-2f4b-4d6e-9a1c-3e5b7d9f1a2c",
    "meeting_id": "6b8d0f2a-4c6e-4a8b-9d1f-5a7c9e1b3d5f",
    "event_id": "1d3f5b7a-9c1e-4f3a-8b5d-7e9a1c3e5f7b",
    "ref_id": "8d2f4b6a-1c3e-4f5a-9b7d-6e8f0a2c4d1b",
    "need_ids": ["2a4c6e8f-0b1d-4e3f-8a5c-7d9e1f3b5a7c"],
    "enterprise_ids": ["5b1e7c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d"],
    "uscc": "91340621MA2TG8XK4H",
    "name": "安徽濉溪经济开发区新材料有限公司",
    "enterprise_name": "安徽濉溪经济开发区新材料有限公司",
    "bank_name": "濉溪农村商业银行",
    "product_name": "皖北制造贷",
    "title": "濉溪县2026年第一季度政企恳谈会",
    "location": "濉溪县政务服务中心三楼会议室",
    "town": "濉溪镇",
    "towns": ["濉溪镇", "百善镇", "韩村镇"],
    "description": "新建厂房需增容 800 千伏安，申请供电部门协调接入时间。",
    "purpose": "购置数控机床，扩大铝基新材料产能",
    "content": "已协调供电公司，本月 20 日前完成增容接入。",
    "comment": "材料齐全，同意。",
    "feedback_comment": "处理及时，满意。",
    "reply": "已协调供电公司，本月 20 日前完成增容接入。",
    "reason": "经营年限不足两年",
    "reasons": ["行业符合", "额度覆盖需求", "信用评级 A 级"],
    "summary": "诉求 SX-2026-0042 已办结",
    "username": "tax-officer-li",
    "officer_username": "tax-officer-li",
    "liaison_officer": "tax-officer-li",
    "actor": "tax-officer-li",
    "decided_by": "tax-officer-li",
    "password": "Suixi-2026-secure",
    "grant_type": "password",
    "client_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "client_secret": "kbs_q8Xw3VnT0bYc5LzR1mK7pJ2sH9dF4gA6eU",
    "scope": "products:write leads:read",
    "code": "SX-2026-0042",
    "matter_code": "enterprise-opening",
    "material_code": "premises_proof",
    "task_name": "营业执照核发",
    "materials": ["business_license_form", "articles_of_association"],
    "access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl",
    "established_on": "2019-05-16",
    "held_on": "2026-03-18",
    "signed_on": "2026-04-02",
    "due_date": "2026-03-27",
    "valid_until": "2026-12-31",
    "posted_at": "2026-03-02T01:30:00Z",
    "at": "2026-03-02T01:30:00Z",
    "employees": 260,
    "annual_revenue_yuan": 186_000_000,
    "amount_yuan": 5_000_000,
    "min_amount_yuan": 500_000,
    "max_amount_yuan": 10_000_000,
    "signed_amount_yuan": 5_000_000,
    "approved_amount_yuan": 5_000_000,
    "amount_signed_yuan": 173_400_000,
    "min_annual_revenue_yuan": 10_000_000,
    "annual_rate_pct": 3.45,
    "annual_rate_pct_min": 3.2,
    "annual_rate_pct_max": 4.35,
    "max_annual_rate_pct": 4.5,
    "approved_rate_pct": 3.45,
    "signed_rate_pct": 3.45,
    "term_months": 36,
    "term_months_min": 12,
    "term_months_max": 60,
    "approved_term_months": 36,
    "signed_term_months": 36,
    "min_years_in_business": 2,
    "sla_working_days": 5,
    "rating": 5,
    "score": 92,
    "year": 2026,
    "expires_in": 3600,
    "next_cursor": None,
}
FORMAT_EXAMPLES = {
    "uuid": "3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
    "date": "2026-03-02",
    "date-time": "2026-03-02T01:30:00Z",
    "uri-reference": "/intake/requests/3f6d2a9e-8b1c-4e57-9f0a-2c4b6d8e1a37",
}
PROBLEM_EXAMPLE = {
    "type": ProblemKind.invalid_transition.uri,
    "code": ProblemKind.invalid_transition.code,
    "title": str(ProblemKind.invalid_transition.problem_title),
    "status": ProblemKind.invalid_transition.status,
    "detail": "诉求已办结，不能再指派。",
}
_JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}
_LITERAL_PATTERN = re.compile(r"\^([\w.-]+)\$")


T = TypeVar("T")


def created(response: Response, collection: str, resource: T) -> T:
    """Point `Location` at a resource a route just created (anything with an `id`) and return it."""
    response.headers["Location"] = f"{collection}/{resource.id}"  # type: ignore[attr-defined]
    return resource


def problem_openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document of `app`, finished as the module docstring says; built once."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    exports.document(schema, app.routes)  # CSV and xlsx beside JSON where a route is exportable
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = Problem.model_json_schema(ref_template=SCHEMAS + "{model}")
    schemas["Problem"].pop("$defs", None)
    schemas["Problem"]["examples"] = [PROBLEM_EXAMPLE]
    schemas["FieldError"] = FieldError.model_json_schema()
    components["headers"] = RESPONSE_HEADERS
    components["responses"] = problem_response_components()
    _name_form_bodies(schema)
    schemas = schema["components"]["schemas"]  # renaming form bodies made a new document
    used_tags: list[str] = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            _finish_operation(path, method, operation)
            used_tags += [tag for tag in operation.get("tags", []) if tag not in used_tags]
    schema["tags"] = [{"name": tag, "description": TAG_DESCRIPTIONS.get(tag, tag)} for tag in used_tags]
    for name, component in schemas.items():
        label_enum(component, name)
        _label_inline_enums(component)
    for component in schemas.values():
        component.setdefault("examples", [example_of(component, schemas)])
    app.openapi_schema = schema
    return schema


def problem_response_components() -> dict[str, Any]:
    """One response component per error status, each a problem+json body with the headers it carries."""
    return {
        name: {
            "description": f"{HTTPStatus(status).phrase}: {description}",
            "headers": {
                header: {"$ref": HEADERS + header} for header in ("X-Request-ID", *PROBLEM_HEADERS.get(status, ()))
            },
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": SCHEMAS + "Problem"}}},
        }
        for status, (name, description) in PROBLEM_RESPONSES.items()
    }


def problem_ref(status: int) -> dict[str, str]:
    return {"$ref": RESPONSES + PROBLEM_RESPONSES[status][0]}


def camel_case(name: str) -> str:
    head, *rest = [part for part in re.split(r"[_\-\s]+", name) if part]
    return head[0].lower() + head[1:] + "".join(part[0].upper() + part[1:] for part in rest)


def operation_id(path: str, method: str, given: str) -> str:
    """An explicit `operation_id=` as written; FastAPI's automatic one (`<function>_<path>_<method>`) as
    the function name in camelCase with the service named after the verb (`list_dead_letters` at
    `/approval/...` -> `listApprovalDeadLetters`), so shared routers stay unique in the merged document."""
    suffix = re.sub(r"\W", "_", path) + "_" + method
    if not given.endswith(suffix):
        return given
    verb, _, rest = given.removesuffix(suffix).partition("_")
    service = path.strip("/").split("/")[0]
    return camel_case("_".join(part for part in (verb, service, rest) if part))


def _finish_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    operation["operationId"] = operation_id(path, method, operation.get("operationId", camel_case(method + path)))
    operation.setdefault("description", operation.get("summary") or operation["operationId"])
    operation.setdefault("security", [])  # said outright: this operation needs no token
    responses = operation.setdefault("responses", {})
    # 400: a request that cannot be read, anywhere: a body FastAPI cannot parse (bad UTF-8, broken multipart)
    # or a header with a control character, which the gateway's edge refuses
    wanted = {400}
    if operation.get("security"):
        wanted |= {401, 403}
    if "{" in path:
        wanted |= {404}
    if operation.get("parameters") or operation.get("requestBody"):
        wanted |= {422}
    # An upload (multipart) is idempotent by its content instead: no key could keep a body never held whole
    keyed = method == "post" and "multipart/form-data" not in operation.get("requestBody", {}).get("content", {})
    if keyed:
        wanted |= {409, 422}  # an Idempotency-Key still running, or reused with another body
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("name") == "Idempotency-Key" for p in parameters):
            parameters.append(dict(IDEMPOTENCY_KEY))
    for status in wanted:
        responses.setdefault(str(status), {})
    for code, response in responses.items():
        status = int(code)
        if status >= 400 and status in PROBLEM_RESPONSES and _is_problem(response):
            responses[code] = problem_ref(status)
            continue
        headers = response.setdefault("headers", {})
        headers.setdefault("X-Request-ID", {"$ref": HEADERS + "X-Request-ID"})
        if keyed and status < 300:
            headers.setdefault("Idempotent-Replayed", {"$ref": HEADERS + "Idempotent-Replayed"})
        if status == 201:
            headers.setdefault("Location", {"$ref": HEADERS + "Location"})
        if status >= 400:
            for header in PROBLEM_HEADERS.get(status, ()):
                headers.setdefault(header, {"$ref": HEADERS + header})
    operation["responses"] = dict(sorted(responses.items()))


def _is_problem(response: dict[str, Any]) -> bool:
    """An error answer that is a plain problem (not one with a body of its own, like health's 503)."""
    content = response.get("content")
    if not content:
        return True
    schema = content.get(PROBLEM_MEDIA_TYPE, content.get("application/json", {})).get("schema", {})
    return schema.get("$ref") in (SCHEMAS + "Problem", SCHEMAS + "HTTPValidationError")


def _name_form_bodies(schema: dict[str, Any]) -> None:
    """FastAPI names form bodies `Body_<operation>`; give them a class-like name generators accept."""
    schemas = schema["components"]["schemas"]
    renames = {name: _form_name(name) for name in schemas if name.startswith("Body_")}
    for old, new in renames.items():
        schemas[new] = schemas.pop(old) | {"title": new}
    if renames:
        schema.update(rename_schema_refs(schema, renames))


def _form_name(name: str) -> str:
    words = [word for word in re.split(r"_+", name.removeprefix("Body_")) if word]
    return "".join(word[0].upper() + word[1:] for word in words[:1]) + "Form"


def rename_schema_refs(node: Any, renames: dict[str, str]) -> Any:
    """A copy of `node` whose `$ref`s to renamed schemas point at the new names (others stay as they are)."""
    if isinstance(node, dict):
        return {
            key: _renamed_ref(value, renames) if key == "$ref" else rename_schema_refs(value, renames)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [rename_schema_refs(item, renames) for item in node]
    return node


def _renamed_ref(ref: Any, renames: dict[str, str]) -> Any:
    if isinstance(ref, str) and ref.startswith(SCHEMAS):
        name = ref.removeprefix(SCHEMAS)
        return SCHEMAS + renames.get(name, name)
    return ref  # other components (responses, parameters) are never renamed


def enum_labels(values: list[Any], name: str | None) -> dict[str, tuple[str, str]] | None:
    """The registered labels of the enum named `name` with exactly these values (two services may each
    have a `Decision`); for an enum written inline, of a registered enum with these values or more."""
    for enum, labels in ENUM_LABELS.items():
        if list(labels) == values and (name is None or enum.__name__ == name):
            return labels
    if name is not None:
        return enum_labels(values, None)
    return next((labels for labels in ENUM_LABELS.values() if set(values) <= set(labels)), None)


def label_enum(node: dict[str, Any], name: str | None = None) -> None:
    """Add `x-enum-varnames`, `x-enum-descriptions` and a label list in the description to an enum."""
    values = node.get("enum")
    if not values:
        return
    node.setdefault("x-enum-varnames", [_varname(value) for value in values])
    labels = enum_labels(values, name)
    if labels is None or "x-enum-descriptions" in node:  # a schema may bring its own labels
        return
    node["x-enum-descriptions"] = [f"{labels[v][0]} ({labels[v][1]})" for v in values]
    listed = "; ".join(f"`{v}`: {labels[v][0]} ({labels[v][1]})" for v in values)
    node["description"] = f"{node['description']}\n\n{listed}" if node.get("description") else listed


def _varname(value: Any) -> str:
    return "".join(part[:1].upper() + part[1:] for part in str(value).split("_"))


def _label_inline_enums(node: Any) -> None:
    """Enums written into a schema's properties (a `Literal` field) get their labels too."""
    if isinstance(node, dict):
        for value in node.values():
            if isinstance(value, dict) and "enum" in value:
                label_enum(value)
            _label_inline_enums(value)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and "enum" in item:  # an optional Literal: one branch of an anyOf
                label_enum(item)
            _label_inline_enums(item)


def example_of(node: dict[str, Any], schemas: dict[str, Any], field: str | None = None, seen: tuple = ()) -> Any:
    """An example value for a schema node: its own, else one built from field names, formats and types.

    A field's realistic value is used only where it fits the node (a `code` that is an enum keeps the enum's
    values); `seen` holds the schemas being expanded, so a schema that refers to itself ends the recursion.
    """
    if node.get("examples"):
        return node["examples"][0]
    if "example" in node:
        return node["example"]
    if field in FIELD_EXAMPLES and fits(FIELD_EXAMPLES[field], node, schemas):
        return FIELD_EXAMPLES[field]
    if "$ref" in node:
        name = node["$ref"].removeprefix(SCHEMAS)
        return None if name in seen else example_of(schemas.get(name, {}), schemas, field, (*seen, name))
    if "const" in node:
        return node["const"]
    if node.get("enum"):
        return node["enum"][0]
    if "default" in node and node["default"] not in (None, [], {}):
        return node["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [option for option in node.get(key, []) if option.get("type") != "null"]
        if options:
            return example_of(options[0], schemas, field, seen)
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        properties = node.get("properties", {})
        if properties:
            return {key: example_of(value, schemas, key, seen) for key, value in properties.items()}
        extra = node.get("additionalProperties")
        return {"key": example_of(extra, schemas, None, seen)} if isinstance(extra, dict) and extra else {}
    if kind == "array":
        item = example_of(node.get("items", {}), schemas, None, seen)
        return [] if item is None else [item]
    if kind == "string":
        return _string_example(node)
    if kind == "integer":
        return max(node.get("minimum", 1), 1)
    if kind == "number":
        return 0.85
    if kind == "boolean":
        return False
    return None


def _string_example(node: dict[str, Any]) -> str:
    """A string that meets the node's format and pattern (a pattern of one literal gives that literal)."""
    pattern = node.get("pattern")
    literal = _LITERAL_PATTERN.fullmatch(pattern or "")
    candidates = [literal.group(1)] if literal else []
    candidates += [FORMAT_EXAMPLES.get(node.get("format", ""), "濉溪"), "suixi", "SX-2026-0042"]
    return next((text for text in candidates if not pattern or re.search(pattern, text)), candidates[0])


def fits(value: Any, node: dict[str, Any], schemas: dict[str, Any], seen: tuple = ()) -> bool:
    """Whether `value` meets the node's type, const, enum, pattern and items (what examples get wrong)."""
    if "$ref" in node:
        name = node["$ref"].removeprefix(SCHEMAS)
        return name in seen or fits(value, schemas.get(name, {}), schemas, (*seen, name))
    if "anyOf" in node or "oneOf" in node:
        return any(fits(value, option, schemas, seen) for option in node.get("anyOf", node.get("oneOf", [])))
    if not all(fits(value, part, schemas, seen) for part in node.get("allOf", [])):
        return False
    if "const" in node and value != node["const"]:
        return False
    if "enum" in node and value not in node["enum"]:
        return False
    kind = node.get("type")
    if kind in _JSON_TYPES and (
        not isinstance(value, _JSON_TYPES[kind]) or (isinstance(value, bool) and kind in ("integer", "number"))
    ):
        return False
    if isinstance(value, str) and "pattern" in node and not re.search(node["pattern"], value):
        return False
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        return all(fits(item, node["items"], schemas, seen) for item in value)
    if isinstance(value, dict) and "properties" in node:
        return all(fits(v, node["properties"][k], schemas, seen) for k, v in value.items() if k in node["properties"])
    return True
