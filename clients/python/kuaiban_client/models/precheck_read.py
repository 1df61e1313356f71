from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.precheck_covered import PrecheckCovered
    from ..models.precheck_missing import PrecheckMissing


T = TypeVar("T", bound="PrecheckRead")


@_attrs_define
class PrecheckRead:
    """What the vault covers for an application submitted today, and what is still to hand in.

    Attributes:
        covered (list[PrecheckCovered]):
        due_date (datetime.date): The application's due date if submitted now
        expiring (list[PrecheckCovered]): In the vault, but expiring before the due date
        matter_code (str):
        missing (list[PrecheckMissing]): Not covered by the vault, the expiring ones included
        rongque_allowed (bool): False for an enterprise rated D: no material may be missing
    """

    covered: list[PrecheckCovered]
    due_date: datetime.date
    expiring: list[PrecheckCovered]
    matter_code: str
    missing: list[PrecheckMissing]
    rongque_allowed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        covered = []
        for covered_item_data in self.covered:
            covered_item = covered_item_data.to_dict()
            covered.append(covered_item)

        due_date = self.due_date.isoformat()

        expiring = []
        for expiring_item_data in self.expiring:
            expiring_item = expiring_item_data.to_dict()
            expiring.append(expiring_item)

        matter_code = self.matter_code

        missing = []
        for missing_item_data in self.missing:
            missing_item = missing_item_data.to_dict()
            missing.append(missing_item)

        rongque_allowed = self.rongque_allowed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "covered": covered,
                "due_date": due_date,
                "expiring": expiring,
                "matter_code": matter_code,
                "missing": missing,
                "rongque_allowed": rongque_allowed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.precheck_covered import PrecheckCovered  # noqa: PLC0415
        from ..models.precheck_missing import PrecheckMissing  # noqa: PLC0415

        d = dict(src_dict)
        covered = []
        _covered = d.pop("covered")
        for covered_item_data in _covered:
            covered_item = PrecheckCovered.from_dict(covered_item_data)

            covered.append(covered_item)

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        expiring = []
        _expiring = d.pop("expiring")
        for expiring_item_data in _expiring:
            expiring_item = PrecheckCovered.from_dict(expiring_item_data)

            expiring.append(expiring_item)

        matter_code = d.pop("matter_code")

        missing = []
        _missing = d.pop("missing")
        for missing_item_data in _missing:
            missing_item = PrecheckMissing.from_dict(missing_item_data)

            missing.append(missing_item)

        rongque_allowed = d.pop("rongque_allowed")

        precheck_read = cls(
            covered=covered,
            due_date=due_date,
            expiring=expiring,
            matter_code=matter_code,
            missing=missing,
            rongque_allowed=rongque_allowed,
        )

        precheck_read.additional_properties = d
        return precheck_read

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
