from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.commitment_state import CommitmentState

T = TypeVar("T", bound="CommitmentRead")


@_attrs_define
class CommitmentRead:
    """A commitment in the ledger: `open` until the material is handed in (`fulfilled`), its due date passes
    (`overdue`) or the application ends otherwise (`revoked`).

        Attributes:
            application_id (UUID):
            closed_at (datetime.datetime | None): When it became overdue or was revoked
            created_at (datetime.datetime):
            due_date (datetime.date):
            enterprise_id (UUID):
            fulfilled_at (datetime.datetime | None):
            id (UUID):
            material_code (str):
            reminded_days (int | None): The last reminder sent: 3 or 1 working days before the due date
            state (CommitmentState): `open`: 待补交 (Open); `fulfilled`: 已兑现 (Fulfilled); `overdue`: 已逾期 (Overdue); `revoked`:
                已撤销 (Revoked)
    """

    application_id: UUID
    closed_at: datetime.datetime | None
    created_at: datetime.datetime
    due_date: datetime.date
    enterprise_id: UUID
    fulfilled_at: datetime.datetime | None
    id: UUID
    material_code: str
    reminded_days: int | None
    state: CommitmentState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        created_at = self.created_at.isoformat()

        due_date = self.due_date.isoformat()

        enterprise_id = str(self.enterprise_id)

        fulfilled_at: None | str
        if isinstance(self.fulfilled_at, datetime.datetime):
            fulfilled_at = self.fulfilled_at.isoformat()
        else:
            fulfilled_at = self.fulfilled_at

        id = str(self.id)

        material_code = self.material_code

        reminded_days: int | None
        reminded_days = self.reminded_days

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "closed_at": closed_at,
                "created_at": created_at,
                "due_date": due_date,
                "enterprise_id": enterprise_id,
                "fulfilled_at": fulfilled_at,
                "id": id,
                "material_code": material_code,
                "reminded_days": reminded_days,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        def _parse_fulfilled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_at_type_0 = datetime.datetime.fromisoformat(data)

                return fulfilled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        fulfilled_at = _parse_fulfilled_at(d.pop("fulfilled_at"))

        id = UUID(d.pop("id"))

        material_code = d.pop("material_code")

        def _parse_reminded_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reminded_days = _parse_reminded_days(d.pop("reminded_days"))

        state = CommitmentState(d.pop("state"))

        commitment_read = cls(
            application_id=application_id,
            closed_at=closed_at,
            created_at=created_at,
            due_date=due_date,
            enterprise_id=enterprise_id,
            fulfilled_at=fulfilled_at,
            id=id,
            material_code=material_code,
            reminded_days=reminded_days,
            state=state,
        )

        commitment_read.additional_properties = d
        return commitment_read

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
