from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.role import Role

T = TypeVar("T", bound="AccountRead")


@_attrs_define
class AccountRead:
    """
    Attributes:
        bank_id (None | UUID):
        created_at (datetime.datetime):
        department (Department | None):
        enterprise_id (None | UUID):
        id (UUID):
        role (Role): `admin`: 管理员 (Administrator); `officer`: 部门工作人员 (Department officer); `enterprise`: 企业
            (Enterprise); `bank`: 银行 (Bank); `leader`: 县领导（只读） (County leader (read only)); `internal`: 内部服务 (Internal
            service)
        updated_at (datetime.datetime):
        username (str):
    """

    bank_id: None | UUID
    created_at: datetime.datetime
    department: Department | None
    enterprise_id: None | UUID
    id: UUID
    role: Role
    updated_at: datetime.datetime
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_id: None | str
        if isinstance(self.bank_id, UUID):
            bank_id = str(self.bank_id)
        else:
            bank_id = self.bank_id

        created_at = self.created_at.isoformat()

        department: None | str
        if isinstance(self.department, Department):
            department = self.department.value
        else:
            department = self.department

        enterprise_id: None | str
        if isinstance(self.enterprise_id, UUID):
            enterprise_id = str(self.enterprise_id)
        else:
            enterprise_id = self.enterprise_id

        id = str(self.id)

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_id": bank_id,
                "created_at": created_at,
                "department": department,
                "enterprise_id": enterprise_id,
                "id": id,
                "role": role,
                "updated_at": updated_at,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_bank_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bank_id_type_0 = UUID(data)

                return bank_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        bank_id = _parse_bank_id(d.pop("bank_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_department(data: object) -> Department | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                department_type_0 = Department(data)

                return department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None, data)

        department = _parse_department(d.pop("department"))

        def _parse_enterprise_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                enterprise_id_type_0 = UUID(data)

                return enterprise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        enterprise_id = _parse_enterprise_id(d.pop("enterprise_id"))

        id = UUID(d.pop("id"))

        role = Role(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        username = d.pop("username")

        account_read = cls(
            bank_id=bank_id,
            created_at=created_at,
            department=department,
            enterprise_id=enterprise_id,
            id=id,
            role=role,
            updated_at=updated_at,
            username=username,
        )

        account_read.additional_properties = d
        return account_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
