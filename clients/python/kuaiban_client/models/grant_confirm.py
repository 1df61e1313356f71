from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GrantConfirm")


@_attrs_define
class GrantConfirm:
    """Where the enterprise receives the money (its basic account, 基本存款账户).

    Attributes:
        account_name (str):
        account_no (str): Digits only, 8 to 32
        bank_name (str):
    """

    account_name: str
    account_no: str
    bank_name: str

    def to_dict(self) -> dict[str, Any]:
        account_name = self.account_name

        account_no = self.account_no

        bank_name = self.bank_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_name": account_name,
                "account_no": account_no,
                "bank_name": bank_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_name = d.pop("account_name")

        account_no = d.pop("account_no")

        bank_name = d.pop("bank_name")

        grant_confirm = cls(
            account_name=account_name,
            account_no=account_no,
            bank_name=bank_name,
        )

        return grant_confirm
