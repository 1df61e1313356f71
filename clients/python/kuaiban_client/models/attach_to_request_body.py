from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.attach_to_request_body_part import AttachToRequestBodyPart
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="AttachToRequestBody")


@_attrs_define
class AttachToRequestBody:
    """
    Attributes:
        file (File): PDF, JPEG, PNG or OFD
        part (AttachToRequestBodyPart | Unset): `request`: sent by the enterprise with its request (the enterprise's
            default); `reply`: sent by the lead department with its answer (an officer's default).
    """

    file: File
    part: AttachToRequestBodyPart | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        part: str | Unset = UNSET
        if not isinstance(self.part, Unset):
            part = self.part.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if part is not UNSET:
            field_dict["part"] = part

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.part, Unset):
            files.append(("part", (None, str(self.part.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        _part = d.pop("part", UNSET)
        part: AttachToRequestBodyPart | Unset
        if isinstance(_part, Unset):
            part = UNSET
        else:
            part = AttachToRequestBodyPart(_part)

        attach_to_request_body = cls(
            file=file,
            part=part,
        )

        attach_to_request_body.additional_properties = d
        return attach_to_request_body

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
