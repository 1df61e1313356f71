"""The account rules a request body must meet before anything is stored."""

import uuid

import pytest
from pydantic import ValidationError

from gateway.schemas import AccountCreate

BASE = {"username": "officer.zhang", "password": "long-enough-pw"}


@pytest.mark.parametrize(
    ("role", "fields"),
    [
        ("admin", {}),
        ("officer", {"department": "market"}),
        ("enterprise", {"enterprise_id": str(uuid.uuid4())}),
        ("bank", {"bank_id": str(uuid.uuid4())}),
    ],
)
def test_each_role_with_its_own_field_is_accepted(role: str, fields: dict):
    account = AccountCreate.model_validate({**BASE, "role": role, **fields})
    assert account.role == role
    for key, value in fields.items():
        assert str(getattr(account, key)) == value


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"role": "officer"}, "needs department"),
        ({"role": "enterprise"}, "needs enterprise_id"),
        ({"role": "bank"}, "needs bank_id"),
        ({"role": "officer", "department": "tax", "enterprise_id": str(uuid.uuid4())}, "does not apply"),
        ({"role": "admin", "bank_id": str(uuid.uuid4())}, "does not apply"),
        ({"role": "admin", "password": "nul\x00-in-the-password"}, "NUL"),
    ],
)
def test_fields_must_match_the_role(body: dict, message: str):
    with pytest.raises(ValidationError, match=message):
        AccountCreate.model_validate({**BASE, **body})


@pytest.mark.parametrize(
    "body",
    [
        {"role": "service"},
        {"role": "internal"},  # a person's account can never be a service
        {"role": "officer", "department": "police"},
        {"role": "admin", "password": "short"},
        {"role": "admin", "password": "x" * 129},
        {"role": "admin", "username": "ab"},
        {"role": "admin", "username": "-starts-with-dash"},
        {"role": "admin", "username": "has space"},
        {"role": "admin", "is_superuser": True},
    ],
)
def test_bad_values_and_unknown_fields_are_refused(body: dict):
    with pytest.raises(ValidationError):
        AccountCreate.model_validate({**BASE, **body})
