from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collateral import Collateral
from ..models.need_status import NeedStatus

T = TypeVar("T", bound="NeedRead")


@_attrs_define
class NeedRead:
    """
    Attributes:
        amount_yuan (int):
        collateral_available (list[Collateral]):
        consent (bool): Whether banks may see the need as a lead (lead lists, near-miss counts, webhooks). Given when
            the need is posted (default true); withdrawn by `DELETE /finance/needs/{id}/consent`.
        created_at (datetime.datetime):
        enterprise_id (UUID):
        id (UUID):
        max_annual_rate_pct (float | None):
        purpose (str):
        status (NeedStatus): `open`: 对接中 (Open); `financed`: 已融资 (Financed); `closed`: 已关闭 (Closed)
        term_months (int):
        updated_at (datetime.datetime):
    """

    amount_yuan: int
    collateral_available: list[Collateral]
    consent: bool
    created_at: datetime.datetime
    enterprise_id: UUID
    id: UUID
    max_annual_rate_pct: float | None
    purpose: str
    status: NeedStatus
    term_months: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yuan = self.amount_yuan

        collateral_available = []
        for collateral_available_item_data in self.collateral_available:
            collateral_available_item = collateral_available_item_data.value
            collateral_available.append(collateral_available_item)

        consent = self.consent

        created_at = self.created_at.isoformat()

        enterprise_id = str(self.enterprise_id)

        id = str(self.id)

        max_annual_rate_pct: float | None
        max_annual_rate_pct = self.max_annual_rate_pct

        purpose = self.purpose

        status = self.status.value

        term_months = self.term_months

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yuan": amount_yuan,
                "collateral_available": collateral_available,
                "consent": consent,
                "created_at": created_at,
                "enterprise_id": enterprise_id,
                "id": id,
                "max_annual_rate_pct": max_annual_rate_pct,
                "purpose": purpose,
                "status": status,
                "term_months": term_months,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yuan = d.pop("amount_yuan")

        collateral_available = []
        _collateral_available = d.pop("collateral_available")
        for collateral_available_item_data in _collateral_available:
            collateral_available_item = Collateral(collateral_available_item_data)

            collateral_available.append(collateral_available_item)

        consent = d.pop("consent")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        id = UUID(d.pop("id"))

        def _parse_max_annual_rate_pct(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_annual_rate_pct = _parse_max_annual_rate_pct(d.pop("max_annual_rate_pct"))

        purpose = d.pop("purpose")

        status = NeedStatus(d.pop("status"))

        term_months = d.pop("term_months")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        need_read = cls(
            amount_yuan=amount_yuan,
            collateral_available=collateral_available,
            consent=consent,
            created_at=created_at,
            enterprise_id=enterprise_id,
            id=id,
            max_annual_rate_pct=max_annual_rate_pct,
            purpose=purpose,
            status=status,
            term_months=term_months,
            updated_at=updated_at,
        )

        need_read.additional_properties = d
        return need_read

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
