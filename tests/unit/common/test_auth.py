"""Tokens, the cached verifier, whose behalf a create is for, and role gates, without a database."""

import time
import uuid
from types import SimpleNamespace

import jwt
import pytest

from services.common import auth
from services.common.auth import Principal, Role, TokenVerifier, acting_enterprise, allow, issue_token, verify_token
from services.common.problems import Forbidden, Invalid, Unauthorized
from tests.helpers.factories import JWT_SECRET

OFFICER = Principal(subject="u1", username="li", role=Role.officer, department="tax")


def test_tokens_round_trip_and_reject_tampering():
    principal = Principal(
        subject="u1", username="li", role=Role.officer, department="tax", enterprise_id=None, bank_id=None
    )
    token = issue_token(JWT_SECRET, principal, ttl_seconds=60)
    decoded = verify_token(JWT_SECRET, token)
    assert (decoded.subject, decoded.role, decoded.department) == ("u1", Role.officer, "tax")
    assert decoded.expires_at > time.time()
    with pytest.raises(Unauthorized):
        verify_token("another-secret-" + "z" * 40, token)
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    expired = jwt.encode(
        {"iss": "kuaiban", "aud": "kuaiban", "iat": 1, "exp": 2, "sub": "u1", "role": "admin"}, JWT_SECRET
    )
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, expired)
    unknown_role = jwt.encode(
        {
            "iss": "kuaiban",
            "aud": "kuaiban",
            "iat": int(time.time()),
            "exp": int(time.time()) + 60,
            "sub": "u",
            "role": "root",
        },
        JWT_SECRET,
    )
    with pytest.raises(Unauthorized):
        verify_token(JWT_SECRET, unknown_role)


def test_organisation_claims_survive_the_round_trip():
    enterprise_id, bank_id = uuid.uuid4(), uuid.uuid4()
    for principal in (
        Principal(subject="e", username="厂", role=Role.enterprise, enterprise_id=enterprise_id),
        Principal(subject="b", username="行", role=Role.bank, bank_id=bank_id),
    ):
        decoded = verify_token(JWT_SECRET, issue_token(JWT_SECRET, principal, ttl_seconds=60))
        assert (decoded.enterprise_id, decoded.bank_id) == (principal.enterprise_id, principal.bank_id)
        assert decoded.username == principal.username


def test_a_token_without_a_name_is_known_by_its_subject():
    now = int(time.time())
    claims = {"iss": "kuaiban", "aud": "kuaiban", "iat": now, "exp": now + 60, "sub": "svc", "role": "internal"}
    assert verify_token(JWT_SECRET, jwt.encode(claims, JWT_SECRET)).username == "svc"


def test_verifier_checks_a_signature_once_and_the_expiry_every_time(monkeypatch: pytest.MonkeyPatch):
    verifier = TokenVerifier(JWT_SECRET)
    token = issue_token(JWT_SECRET, OFFICER, ttl_seconds=60)
    first = verifier.verify(token)
    assert verifier.verify(token) is first  # from the cache
    later = time.time() + 120  # the cached principal has expired by then: verified afresh
    monkeypatch.setattr(auth, "time", SimpleNamespace(time=lambda: later))
    assert verifier.verify(token) is not first
    with pytest.raises(Unauthorized):
        verifier.verify("not-a-token")


def test_a_full_verifier_cache_starts_over():
    verifier = TokenVerifier(JWT_SECRET, max_size=1)
    one, two = (issue_token(JWT_SECRET, OFFICER, ttl_seconds=60) for _ in range(2))
    first = verifier.verify(one)
    verifier.verify(two)
    assert verifier.verify(one) is not first and verifier.verify(one).subject == first.subject


@pytest.mark.parametrize(
    "headers",
    [[], [(b"authorization", b"Basic dXNlcjpwdw==")], [(b"authorization", b"Bearer ")], [(b"x-other", b"1")]],
)
def test_a_raw_request_without_a_bearer_token_is_401(headers: list):
    with pytest.raises(Unauthorized):
        TokenVerifier(JWT_SECRET).verify_scope({"headers": headers})


def test_a_raw_request_with_a_bearer_token_names_its_caller():
    token = issue_token(JWT_SECRET, OFFICER, ttl_seconds=60)
    scope = {"headers": [(b"accept", b"*/*"), (b"authorization", f"bearer {token}".encode())]}
    assert TokenVerifier(JWT_SECRET).verify_scope(scope).subject == "u1"


def test_an_enterprise_acts_for_itself_and_staff_must_name_the_enterprise():
    own, other = uuid.uuid4(), uuid.uuid4()
    enterprise = Principal(subject="e", username="厂", role=Role.enterprise, enterprise_id=own)
    assert acting_enterprise(enterprise, None) == own
    assert acting_enterprise(enterprise, own) == own
    with pytest.raises(Invalid) as refused:
        acting_enterprise(enterprise, other)
    [error] = refused.value.errors
    assert error == {"field": "enterprise_id", "message": refused.value.detail, "code": "validation_failed"}
    assert error["message"].en == "An enterprise acts for itself only."
    assert acting_enterprise(OFFICER, other) == other
    with pytest.raises(Invalid) as missing:
        acting_enterprise(OFFICER, None)
    assert missing.value.errors[0]["field"] == "enterprise_id"


async def test_a_role_gate_lets_only_its_roles_through():
    gate = allow(Role.admin, Role.officer)
    assert await gate(OFFICER) is OFFICER
    with pytest.raises(Forbidden, match="bank role"):
        await gate(Principal(subject="b", username="行", role=Role.bank))


def test_a_client_tokens_scopes_and_client_id_survive_the_round_trip():
    client = Principal(
        subject="c1",
        username="client:core",
        role=Role.bank,
        bank_id=uuid.uuid4(),
        client_id="c1",
        scopes=frozenset({"leads:read", "products:write"}),
    )
    token = issue_token(JWT_SECRET, client, ttl_seconds=60)
    assert jwt.decode(token, options={"verify_signature": False})["scope"] == "leads:read products:write"
    decoded = verify_token(JWT_SECRET, token)
    assert decoded.scopes == {"leads:read", "products:write"} and decoded.client_id == "c1"
    none = verify_token(
        JWT_SECRET, issue_token(JWT_SECRET, client.model_copy(update={"scopes": frozenset()}), ttl_seconds=60)
    )
    assert none.scopes == frozenset()  # no scope at all is not a person's token
    assert verify_token(JWT_SECRET, issue_token(JWT_SECRET, OFFICER, ttl_seconds=60)).scopes is None


async def test_a_scope_gate_names_the_missing_scope_and_lets_people_pass_on_their_role():
    gate = allow(Role.bank, scope=auth.Scope.products_write)
    person = Principal(subject="b", username="行", role=Role.bank)
    assert await gate(person) is person
    writer = person.model_copy(update={"client_id": "c", "scopes": frozenset({"products:write"})})
    assert await gate(writer) is writer
    reader = person.model_copy(update={"client_id": "c", "scopes": frozenset({"leads:read"})})
    with pytest.raises(Forbidden) as refused:
        await gate(reader)
    assert refused.value.kind.code == "insufficient_scope" and refused.value.status == 403
    assert "products:write" in refused.value.detail and "products:write" in refused.value.detail.en
    with pytest.raises(Forbidden, match="enterprise role"):  # the role is checked first
        await gate(Principal(subject="e", username="厂", role=Role.enterprise))
