from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.days_to_money import DaysToMoney


T = TypeVar("T", bound="PolicyFigures")


@_attrs_define
class PolicyFigures:
    """
    Attributes:
        amount_disbursed_yuan (int):
        amount_granted_yuan (int):
        enterprises_reached (int):
        grants (int):
        share_without_application (float | None): Grants received without applying, 0–1
        working_days_to_money (DaysToMoney):
    """

    amount_disbursed_yuan: int
    amount_granted_yuan: int
    enterprises_reached: int
    grants: int
    share_without_application: float | None
    working_days_to_money: DaysToMoney
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_disbursed_yuan = self.amount_disbursed_yuan

        amount_granted_yuan = self.amount_granted_yuan

        enterprises_reached = self.enterprises_reached

        grants = self.grants

        share_without_application: float | None
        share_without_application = self.share_without_application

        working_days_to_money = self.working_days_to_money.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_disbursed_yuan": amount_disbursed_yuan,
                "amount_granted_yuan": amount_granted_yuan,
                "enterprises_reached": enterprises_reached,
                "grants": grants,
                "share_without_application": share_without_application,
                "working_days_to_money": working_days_to_money,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.days_to_money import DaysToMoney  # noqa: PLC0415

        d = dict(src_dict)
        amount_disbursed_yuan = d.pop("amount_disbursed_yuan")

        amount_granted_yuan = d.pop("amount_granted_yuan")

        enterprises_reached = d.pop("enterprises_reached")

        grants = d.pop("grants")

        def _parse_share_without_application(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share_without_application = _parse_share_without_application(d.pop("share_without_application"))

        working_days_to_money = DaysToMoney.from_dict(d.pop("working_days_to_money"))

        policy_figures = cls(
            amount_disbursed_yuan=amount_disbursed_yuan,
            amount_granted_yuan=amount_granted_yuan,
            enterprises_reached=enterprises_reached,
            grants=grants,
            share_without_application=share_without_application,
            working_days_to_money=working_days_to_money,
        )

        policy_figures.additional_properties = d
        return policy_figures

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
