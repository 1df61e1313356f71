from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.project_record_read import ProjectRecordRead


T = TypeVar("T", bound="FirstTalkToSigning")


@_attrs_define
class FirstTalkToSigning:
    """Days from the first talk to signing of every project signed (nearest-rank percentiles).

    Attributes:
        calendar_days_p50 (int | None):
        calendar_days_p90 (int | None):
        record (None | ProjectRecordRead):
        signed (int): Projects that reached signing (dropped ones included if they had)
        working_days_p50 (int | None): Working days after the first talk up to the signing day
        working_days_p90 (int | None):
    """

    calendar_days_p50: int | None
    calendar_days_p90: int | None
    record: None | ProjectRecordRead
    signed: int
    working_days_p50: int | None
    working_days_p90: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.project_record_read import ProjectRecordRead  # noqa: PLC0415

        calendar_days_p50: int | None
        calendar_days_p50 = self.calendar_days_p50

        calendar_days_p90: int | None
        calendar_days_p90 = self.calendar_days_p90

        record: dict[str, Any] | None
        if isinstance(self.record, ProjectRecordRead):
            record = self.record.to_dict()
        else:
            record = self.record

        signed = self.signed

        working_days_p50: int | None
        working_days_p50 = self.working_days_p50

        working_days_p90: int | None
        working_days_p90 = self.working_days_p90

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calendar_days_p50": calendar_days_p50,
                "calendar_days_p90": calendar_days_p90,
                "record": record,
                "signed": signed,
                "working_days_p50": working_days_p50,
                "working_days_p90": working_days_p90,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_record_read import ProjectRecordRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_calendar_days_p50(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        calendar_days_p50 = _parse_calendar_days_p50(d.pop("calendar_days_p50"))

        def _parse_calendar_days_p90(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        calendar_days_p90 = _parse_calendar_days_p90(d.pop("calendar_days_p90"))

        def _parse_record(data: object) -> None | ProjectRecordRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = ProjectRecordRead.from_dict(data)

                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectRecordRead, data)

        record = _parse_record(d.pop("record"))

        signed = d.pop("signed")

        def _parse_working_days_p50(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        working_days_p50 = _parse_working_days_p50(d.pop("working_days_p50"))

        def _parse_working_days_p90(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        working_days_p90 = _parse_working_days_p90(d.pop("working_days_p90"))

        first_talk_to_signing = cls(
            calendar_days_p50=calendar_days_p50,
            calendar_days_p90=calendar_days_p90,
            record=record,
            signed=signed,
            working_days_p50=working_days_p50,
            working_days_p90=working_days_p90,
        )

        first_talk_to_signing.additional_properties = d
        return first_talk_to_signing

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
