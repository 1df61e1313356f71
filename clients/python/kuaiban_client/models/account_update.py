from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.account_update_role_type_0 import AccountUpdateRoleType0
from ..models.department import Department
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountUpdate")


@_attrs_define
class AccountUpdate:
    """What an admin may change of an account; the fields left out stay as they are.

    Attributes:
        active (bool | None | Unset): False disables the account; its tokens stop working
        bank_id (None | Unset | UUID):
        department (Department | None | Unset):
        enterprise_id (None | Unset | UUID):
        role (AccountUpdateRoleType0 | None | Unset):
    """

    active: bool | None | Unset = UNSET
    bank_id: None | Unset | UUID = UNSET
    department: Department | None | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET
    role: AccountUpdateRoleType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        bank_id: None | str | Unset
        if isinstance(self.bank_id, Unset):
            bank_id = UNSET
        elif isinstance(self.bank_id, UUID):
            bank_id = str(self.bank_id)
        else:
            bank_id = self.bank_id

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        elif isinstance(self.department, Department):
            department = self.department.value
        else:
            department = self.department

        enterprise_id: None | str | Unset
        if isinstance(self.enterprise_id, Unset):
            enterprise_id = UNSET
        elif isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, AccountUpdateRoleType0):
            role = self.role.value
        else:
            role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if bank_id is not UNSET:
            field_dict["bank_id"] = bank_id
        if department is not UNSET:
            field_dict["department"] = department
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_bank_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bank_id_type_0 = UUID(data)

                return bank_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        bank_id = _parse_bank_id(d.pop("bank_id", UNSET))

        def _parse_department(data: object) -> Department | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_type_0 = Department(data)

                return department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        def _parse_enterprise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id", UNSET))

        def _parse_role(data: object) -> AccountUpdateRoleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = AccountUpdateRoleType0(data)

                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountUpdateRoleType0 | None | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        account_update = cls(
            active=active,
            bank_id=bank_id,
            department=department,
            enterprise_id=enterprise_id,
            role=role,
        )

        return account_update
