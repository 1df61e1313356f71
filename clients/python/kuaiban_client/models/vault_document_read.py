from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scan_status import ScanStatus

T = TypeVar("T", bound="VaultDocumentRead")


@_attrs_define
class VaultDocumentRead:
    """A document in the enterprise's materials vault (材料库), reusable until `valid_until`.

    Attributes:
        created_at (datetime.datetime):
        download_url (str):
        enterprise_id (UUID):
        filename (str): The name it was uploaded with
        id (UUID):
        issuer (None | str):
        material_code (str):
        media_type (str): By content: application/pdf, image/jpeg, image/png or application/ofd
        scan (ScanStatus): `clean`: 已通过病毒扫描 (Scanned, clean); `not_scanned`: 未扫描 (Not scanned)
        sha256 (str): Lower-case hex; the download's ETag
        size (int): Bytes
        uploaded_by (str):
        valid_until (datetime.date | None):
    """

    created_at: datetime.datetime
    download_url: str
    enterprise_id: UUID
    filename: str
    id: UUID
    issuer: None | str
    material_code: str
    media_type: str
    scan: ScanStatus
    sha256: str
    size: int
    uploaded_by: str
    valid_until: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        download_url = self.download_url

        enterprise_id = str(self.enterprise_id)

        filename = self.filename

        id = str(self.id)

        issuer: None | str
        issuer = self.issuer

        material_code = self.material_code

        media_type = self.media_type

        scan = self.scan.value

        sha256 = self.sha256

        size = self.size

        uploaded_by = self.uploaded_by

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "download_url": download_url,
                "enterprise_id": enterprise_id,
                "filename": filename,
                "id": id,
                "issuer": issuer,
                "material_code": material_code,
                "media_type": media_type,
                "scan": scan,
                "sha256": sha256,
                "size": size,
                "uploaded_by": uploaded_by,
                "valid_until": valid_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        download_url = d.pop("download_url")

        enterprise_id = UUID(d.pop("enterprise_id"))

        filename = d.pop("filename")

        id = UUID(d.pop("id"))

        def _parse_issuer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer = _parse_issuer(d.pop("issuer"))

        material_code = d.pop("material_code")

        media_type = d.pop("media_type")

        scan = ScanStatus(d.pop("scan"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        uploaded_by = d.pop("uploaded_by")

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        vault_document_read = cls(
            created_at=created_at,
            download_url=download_url,
            enterprise_id=enterprise_id,
            filename=filename,
            id=id,
            issuer=issuer,
            material_code=material_code,
            media_type=media_type,
            scan=scan,
            sha256=sha256,
            size=size,
            uploaded_by=uploaded_by,
            valid_until=valid_until,
        )

        vault_document_read.additional_properties = d
        return vault_document_read

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
