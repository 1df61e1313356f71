from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_kind import AccessKind
from ..models.actor_kind import ActorKind

T = TypeVar("T", bound="AccessEntry")


@_attrs_define
class AccessEntry:
    """One read of the enterprise's data by a bank.

    Attributes:
        actor (str): The bank's username or API client
        actor_kind (ActorKind): `person`: 银行工作人员 (A bank's person); `client`: 银行系统 (A bank's system)
        at (datetime.datetime):
        bank_id (UUID):
        bank_name (None | str):
        enterprise_id (UUID):
        id (UUID):
        request_id (None | str):
        resource_id (UUID):
        what (AccessKind): What a bank read: a lead in a list, a need, a loan application, the enterprise's profile
            snapshot.

            `lead`: 线索 (Lead); `need`: 融资需求 (Need); `application`: 贷款申请 (Loan application); `profile`: 企业概况 (Enterprise
            profile)
    """

    actor: str
    actor_kind: ActorKind
    at: datetime.datetime
    bank_id: UUID
    bank_name: None | str
    enterprise_id: UUID
    id: UUID
    request_id: None | str
    resource_id: UUID
    what: AccessKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        actor_kind = self.actor_kind.value

        at = self.at.isoformat()

        bank_id = str(self.bank_id)

        bank_name: None | str
        bank_name = self.bank_name

        enterprise_id = str(self.enterprise_id)

        id = str(self.id)

        request_id: None | str
        request_id = self.request_id

        resource_id = str(self.resource_id)

        what = self.what.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "actor_kind": actor_kind,
                "at": at,
                "bank_id": bank_id,
                "bank_name": bank_name,
                "enterprise_id": enterprise_id,
                "id": id,
                "request_id": request_id,
                "resource_id": resource_id,
                "what": what,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        actor_kind = ActorKind(d.pop("actor_kind"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        bank_id = UUID(d.pop("bank_id"))

        def _parse_bank_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bank_name = _parse_bank_name(d.pop("bank_name"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        id = UUID(d.pop("id"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        resource_id = UUID(d.pop("resource_id"))

        what = AccessKind(d.pop("what"))

        access_entry = cls(
            actor=actor,
            actor_kind=actor_kind,
            at=at,
            bank_id=bank_id,
            bank_name=bank_name,
            enterprise_id=enterprise_id,
            id=id,
            request_id=request_id,
            resource_id=resource_id,
            what=what,
        )

        access_entry.additional_properties = d
        return access_entry

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
