from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_figures import EventFigures
    from ..models.finance_stats_by_bank import FinanceStatsByBank
    from ..models.policy_stats import PolicyStats


T = TypeVar("T", bound="FinanceStats")


@_attrs_define
class FinanceStats:
    """
    Attributes:
        amount_signed_yuan (int):
        applications (int):
        by_bank (FinanceStatsByBank): By bank code
        deals (int):
        enterprises_financed (int):
        events (list[EventFigures]): Matchmaking events, the latest first
        needs_open (int):
        policies (PolicyStats):
        products_active (int):
    """

    amount_signed_yuan: int
    applications: int
    by_bank: FinanceStatsByBank
    deals: int
    enterprises_financed: int
    events: list[EventFigures]
    needs_open: int
    policies: PolicyStats
    products_active: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_signed_yuan = self.amount_signed_yuan

        applications = self.applications

        by_bank = self.by_bank.to_dict()

        deals = self.deals

        enterprises_financed = self.enterprises_financed

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        needs_open = self.needs_open

        policies = self.policies.to_dict()

        products_active = self.products_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_signed_yuan": amount_signed_yuan,
                "applications": applications,
                "by_bank": by_bank,
                "deals": deals,
                "enterprises_financed": enterprises_financed,
                "events": events,
                "needs_open": needs_open,
                "policies": policies,
                "products_active": products_active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_figures import EventFigures  # noqa: PLC0415
        from ..models.finance_stats_by_bank import FinanceStatsByBank  # noqa: PLC0415
        from ..models.policy_stats import PolicyStats  # noqa: PLC0415

        d = dict(src_dict)
        amount_signed_yuan = d.pop("amount_signed_yuan")

        applications = d.pop("applications")

        by_bank = FinanceStatsByBank.from_dict(d.pop("by_bank"))

        deals = d.pop("deals")

        enterprises_financed = d.pop("enterprises_financed")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventFigures.from_dict(events_item_data)

            events.append(events_item)

        needs_open = d.pop("needs_open")

        policies = PolicyStats.from_dict(d.pop("policies"))

        products_active = d.pop("products_active")

        finance_stats = cls(
            amount_signed_yuan=amount_signed_yuan,
            applications=applications,
            by_bank=by_bank,
            deals=deals,
            enterprises_financed=enterprises_financed,
            events=events,
            needs_open=needs_open,
            policies=policies,
            products_active=products_active,
        )

        finance_stats.additional_properties = d
        return finance_stats

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
