from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SameYearFigures")


@_attrs_define
class SameYearFigures:
    """Of the projects signed in `year`, those also started, and also counted (纳统), in that year.

    Attributes:
        counted_same_year (int): 当年签约、当年开工、当年纳统
        counted_same_year_rate (float | None):
        signed (int):
        started_same_year (int):
        started_same_year_rate (float | None):
        year (int):
    """

    counted_same_year: int
    counted_same_year_rate: float | None
    signed: int
    started_same_year: int
    started_same_year_rate: float | None
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counted_same_year = self.counted_same_year

        counted_same_year_rate: float | None
        counted_same_year_rate = self.counted_same_year_rate

        signed = self.signed

        started_same_year = self.started_same_year

        started_same_year_rate: float | None
        started_same_year_rate = self.started_same_year_rate

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counted_same_year": counted_same_year,
                "counted_same_year_rate": counted_same_year_rate,
                "signed": signed,
                "started_same_year": started_same_year,
                "started_same_year_rate": started_same_year_rate,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        counted_same_year = d.pop("counted_same_year")

        def _parse_counted_same_year_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        counted_same_year_rate = _parse_counted_same_year_rate(d.pop("counted_same_year_rate"))

        signed = d.pop("signed")

        started_same_year = d.pop("started_same_year")

        def _parse_started_same_year_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        started_same_year_rate = _parse_started_same_year_rate(d.pop("started_same_year_rate"))

        year = d.pop("year")

        same_year_figures = cls(
            counted_same_year=counted_same_year,
            counted_same_year_rate=counted_same_year_rate,
            signed=signed,
            started_same_year=started_same_year,
            started_same_year_rate=started_same_year_rate,
            year=year,
        )

        same_year_figures.additional_properties = d
        return same_year_figures

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
