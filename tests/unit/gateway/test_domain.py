"""API clients' rules without a database: secret hashes, rotation with a grace period, revocation, the
credentials of a token request and the scopes a token may get."""

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from gateway import domain
from gateway.domain import ClientStatus
from services.common.problems import DomainError, InvalidClient, InvalidTransition, ProblemKind

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


@dataclass
class Client:
    secret_hash: str
    status: ClientStatus = ClientStatus.active
    previous_secret_hash: str | None = None
    previous_secret_expires_at: datetime | None = None
    rotated_at: datetime | None = None
    revoked_at: datetime | None = None
    token_version: int = 0
    updated_at: datetime = NOW


def made() -> tuple[Client, str]:
    secret = domain.new_secret()
    return Client(secret_hash=domain.hash_secret(secret)), secret


def test_secrets_are_random_prefixed_and_kept_as_hashes_only():
    first, second = domain.new_secret(), domain.new_secret()
    assert first != second and first.startswith("kbs_") and len(first) >= 4 + 43
    assert domain.hash_secret(first) == domain.hash_secret(first) != domain.hash_secret(second)
    assert first not in domain.hash_secret(first) and len(domain.hash_secret(first)) == 64


def test_a_rotation_keeps_the_old_secret_for_its_grace_then_only_the_new():
    client, old = made()
    new = domain.rotate(client, grace_seconds=600, now=NOW)
    assert client.rotated_at == NOW and client.previous_secret_expires_at == NOW + timedelta(seconds=600)
    assert domain.secret_matches(client, old, now=NOW + timedelta(seconds=599))
    assert domain.secret_matches(client, new, now=NOW + timedelta(seconds=599))
    assert not domain.secret_matches(client, old, now=NOW + timedelta(seconds=600))
    assert domain.secret_matches(client, new, now=NOW + timedelta(days=400))
    assert not domain.secret_matches(client, "kbs_guess", now=NOW)
    assert client.token_version == 0  # tokens already issued keep working


def test_a_second_rotation_ends_the_first_secret_at_once_and_no_grace_ends_the_old_one():
    client, first = made()
    second = domain.rotate(client, grace_seconds=600, now=NOW)
    third = domain.rotate(client, grace_seconds=600, now=NOW + timedelta(seconds=1))
    assert not domain.secret_matches(client, first, now=NOW + timedelta(seconds=2))  # two secrets at most
    assert domain.secret_matches(client, second, now=NOW + timedelta(seconds=2))
    fourth = domain.rotate(client, grace_seconds=0, now=NOW + timedelta(seconds=3))
    assert client.previous_secret_hash is None and client.previous_secret_expires_at is None
    assert not domain.secret_matches(client, third, now=NOW + timedelta(seconds=3))
    assert domain.secret_matches(client, fourth, now=NOW + timedelta(seconds=3))


def test_a_revocation_raises_the_version_once_and_forbids_rotation():
    client, _ = made()
    domain.rotate(client, grace_seconds=600, now=NOW)
    domain.revoke(client, now=NOW)
    assert client.status is ClientStatus.revoked and client.revoked_at == NOW and client.token_version == 1
    assert client.previous_secret_hash is None
    with pytest.raises(InvalidTransition):
        domain.revoke(client, now=NOW)
    with pytest.raises(InvalidTransition):
        domain.rotate(client, grace_seconds=0, now=NOW)
    assert client.token_version == 1


def encoded(raw: bytes) -> str:
    return "Basic " + base64.b64encode(raw).decode()


def test_basic_credentials_are_read_as_rfc_6749_says():
    assert domain.basic_credentials(encoded(b"id-1:kbs_abc")) == ("id-1", "kbs_abc")
    assert domain.basic_credentials(encoded(b"id%3A1:a+b%2B")) == ("id:1", "a b+")  # form-urlencoded parts
    assert domain.basic_credentials(encoded(b"id:sec:ret")) == ("id", "sec:ret")
    assert domain.basic_credentials(None) is None
    assert domain.basic_credentials("Bearer abc") is None
    for bad in ("Basic !!!", encoded(b"no-colon"), encoded(b"\xff\xfe:x")):
        with pytest.raises(InvalidClient) as refused:
            domain.basic_credentials(bad)
        assert refused.value.kind is ProblemKind.invalid_client and refused.value.challenge.startswith("Basic")


def test_a_client_id_must_be_an_id():
    assert str(domain.client_uuid("8d1e6f7a-2b3c-4d5e-8f90-1a2b3c4d5e6f")) == "8d1e6f7a-2b3c-4d5e-8f90-1a2b3c4d5e6f"
    with pytest.raises(InvalidClient):
        domain.client_uuid("core-banking")


def test_a_token_gets_the_scopes_asked_within_the_clients():
    allowed = ["products:write", "leads:read"]
    assert domain.granted_scopes(None, allowed) == frozenset(allowed)
    assert domain.granted_scopes(" ", allowed) == frozenset(allowed)
    assert domain.granted_scopes("leads:read", allowed) == {"leads:read"}
    assert domain.granted_scopes("leads:read  products:write", allowed) == frozenset(allowed)
    with pytest.raises(DomainError) as refused:
        domain.granted_scopes("leads:read webhooks:manage", allowed)
    assert refused.value.kind is ProblemKind.invalid_scope and refused.value.status == 400
    assert "webhooks:manage" in refused.value.detail.en and "leads:read" not in refused.value.detail.en
