from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.commitment_stats_by_department import CommitmentStatsByDepartment


T = TypeVar("T", bound="CommitmentStats")


@_attrs_define
class CommitmentStats:
    """
    Attributes:
        by_department (CommitmentStatsByDepartment): By a department with a task in the application
        commitments (int):
        fulfilled (int):
        fulfilment_rate (float | None): fulfilled / (fulfilled + overdue): of those decided
        open_ (int):
        overdue (int):
        revoked (int):
    """

    by_department: CommitmentStatsByDepartment
    commitments: int
    fulfilled: int
    fulfilment_rate: float | None
    open_: int
    overdue: int
    revoked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_department = self.by_department.to_dict()

        commitments = self.commitments

        fulfilled = self.fulfilled

        fulfilment_rate: float | None
        fulfilment_rate = self.fulfilment_rate

        open_ = self.open_

        overdue = self.overdue

        revoked = self.revoked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_department": by_department,
                "commitments": commitments,
                "fulfilled": fulfilled,
                "fulfilment_rate": fulfilment_rate,
                "open": open_,
                "overdue": overdue,
                "revoked": revoked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commitment_stats_by_department import CommitmentStatsByDepartment  # noqa: PLC0415

        d = dict(src_dict)
        by_department = CommitmentStatsByDepartment.from_dict(d.pop("by_department"))

        commitments = d.pop("commitments")

        fulfilled = d.pop("fulfilled")

        def _parse_fulfilment_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fulfilment_rate = _parse_fulfilment_rate(d.pop("fulfilment_rate"))

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        revoked = d.pop("revoked")

        commitment_stats = cls(
            by_department=by_department,
            commitments=commitments,
            fulfilled=fulfilled,
            fulfilment_rate=fulfilment_rate,
            open_=open_,
            overdue=overdue,
            revoked=revoked,
        )

        commitment_stats.additional_properties = d
        return commitment_stats

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
