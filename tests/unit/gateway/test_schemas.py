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
    ("body", "chinese", "english"),
    [
        ({"role": "officer"}, "部门工作人员账号须填写 department", "needs department"),
        ({"role": "enterprise"}, "企业账号须填写 enterprise_id", "needs enterprise_id"),
        ({"role": "bank"}, "银行账号须填写 bank_id", "needs bank_id"),
        (
            {"role": "officer", "department": "tax", "enterprise_id": str(uuid.uuid4())},
            "部门工作人员账号不填写 enterprise_id",
            "does not apply",
        ),
        ({"role": "admin", "bank_id": str(uuid.uuid4())}, "管理员账号不填写 bank_id", "does not apply"),
        ({"role": "admin", "password": "nul\x00-in-the-password"}, "不能含 NUL", "NUL"),
    ],
)
def test_fields_must_match_the_role(body: dict, chinese: str, english: str):
    """Chinese for people by default, with the English twin for `Accept-Language: en`."""
    with pytest.raises(ValidationError, match=chinese) as refused:
        AccountCreate.model_validate({**BASE, **body})
    assert english in refused.value.errors()[0]["ctx"]["error"].args[0].en


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
