from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scan_status import ScanStatus

T = TypeVar("T", bound="DocumentRead")


@_attrs_define
class DocumentRead:
    """A stored document as callers see it (never its storage key).

    Attributes:
        created_at (datetime.datetime):
        filename (str): The name it was uploaded with
        id (UUID):
        media_type (str): By content: application/pdf, image/jpeg, image/png or application/ofd
        scan (ScanStatus): `clean`: 已通过病毒扫描 (Scanned, clean); `not_scanned`: 未扫描 (Not scanned)
        sha256 (str): Lower-case hex; the download's ETag
        size (int): Bytes
        uploaded_by (str):
    """

    created_at: datetime.datetime
    filename: str
    id: UUID
    media_type: str
    scan: ScanStatus
    sha256: str
    size: int
    uploaded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        filename = self.filename

        id = str(self.id)

        media_type = self.media_type

        scan = self.scan.value

        sha256 = self.sha256

        size = self.size

        uploaded_by = self.uploaded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "filename": filename,
                "id": id,
                "media_type": media_type,
                "scan": scan,
                "sha256": sha256,
                "size": size,
                "uploaded_by": uploaded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        filename = d.pop("filename")

        id = UUID(d.pop("id"))

        media_type = d.pop("media_type")

        scan = ScanStatus(d.pop("scan"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        uploaded_by = d.pop("uploaded_by")

        document_read = cls(
            created_at=created_at,
            filename=filename,
            id=id,
            media_type=media_type,
            scan=scan,
            sha256=sha256,
            size=size,
            uploaded_by=uploaded_by,
        )

        document_read.additional_properties = d
        return document_read

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
