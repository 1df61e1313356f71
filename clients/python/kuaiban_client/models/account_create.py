from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.account_create_role import AccountCreateRole
from ..models.department import Department
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountCreate")


@_attrs_define
class AccountCreate:
    """
    Attributes:
        password (str):
        role (AccountCreateRole): `admin`: 管理员 (Administrator); `officer`: 部门工作人员 (Department officer); `enterprise`: 企业
            (Enterprise); `bank`: 银行 (Bank); `leader`: 县领导（只读） (County leader (read only))
        username (str): 3–64 letters, digits, `_`, `.` or `-`
        bank_id (None | Unset | UUID): Required for bank accounts
        department (Department | None | Unset): Required for officers
        enterprise_id (None | Unset | UUID): Required for enterprise accounts
    """

    password: str
    role: AccountCreateRole
    username: str
    bank_id: None | Unset | UUID = UNSET
    department: Department | None | Unset = UNSET
    enterprise_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        role = self.role.value

        username = self.username

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "password": password,
                "role": role,
                "username": username,
            }
        )
        if bank_id is not UNSET:
            field_dict["bank_id"] = bank_id
        if department is not UNSET:
            field_dict["department"] = department
        if enterprise_id is not UNSET:
            field_dict["enterprise_id"] = enterprise_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password")

        role = AccountCreateRole(d.pop("role"))

        username = d.pop("username")

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

        account_create = cls(
            password=password,
            role=role,
            username=username,
            bank_id=bank_id,
            department=department,
            enterprise_id=enterprise_id,
        )

        return account_create
