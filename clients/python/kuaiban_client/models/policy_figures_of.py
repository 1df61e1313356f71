from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.policy_mode import PolicyMode

if TYPE_CHECKING:
    from ..models.days_to_money import DaysToMoney


T = TypeVar("T", bound="PolicyFiguresOf")


@_attrs_define
class PolicyFiguresOf:
    """
    Attributes:
        amount_disbursed_yuan (int):
        amount_granted_yuan (int):
        enterprises_reached (int):
        grants (int):
        mode (PolicyMode): `auto`: 免申即享 (Granted without applying); `instant`: 即申即享 (Granted on applying); `review`:
            审核后兑现 (Granted after review)
        policy_id (UUID):
        share_without_application (float | None): Grants received without applying, 0–1
        title (str):
        version (int):
        working_days_to_money (DaysToMoney):
    """

    amount_disbursed_yuan: int
    amount_granted_yuan: int
    enterprises_reached: int
    grants: int
    mode: PolicyMode
    policy_id: UUID
    share_without_application: float | None
    title: str
    version: int
    working_days_to_money: DaysToMoney
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_disbursed_yuan = self.amount_disbursed_yuan

        amount_granted_yuan = self.amount_granted_yuan

        enterprises_reached = self.enterprises_reached

        grants = self.grants

        mode = self.mode.value

        policy_id = str(self.policy_id)

        share_without_application: float | None
        share_without_application = self.share_without_application

        title = self.title

        version = self.version

        working_days_to_money = self.working_days_to_money.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_disbursed_yuan": amount_disbursed_yuan,
                "amount_granted_yuan": amount_granted_yuan,
                "enterprises_reached": enterprises_reached,
                "grants": grants,
                "mode": mode,
                "policy_id": policy_id,
                "share_without_application": share_without_application,
                "title": title,
                "version": version,
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

        mode = PolicyMode(d.pop("mode"))

        policy_id = UUID(d.pop("policy_id"))

        def _parse_share_without_application(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share_without_application = _parse_share_without_application(d.pop("share_without_application"))

        title = d.pop("title")

        version = d.pop("version")

        working_days_to_money = DaysToMoney.from_dict(d.pop("working_days_to_money"))

        policy_figures_of = cls(
            amount_disbursed_yuan=amount_disbursed_yuan,
            amount_granted_yuan=amount_granted_yuan,
            enterprises_reached=enterprises_reached,
            grants=grants,
            mode=mode,
            policy_id=policy_id,
            share_without_application=share_without_application,
            title=title,
            version=version,
            working_days_to_money=working_days_to_money,
        )

        policy_figures_of.additional_properties = d
        return policy_figures_of

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
