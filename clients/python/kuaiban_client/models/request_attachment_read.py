from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attachment_part import AttachmentPart
from ..models.scan_status import ScanStatus

T = TypeVar("T", bound="RequestAttachmentRead")


@_attrs_define
class RequestAttachmentRead:
    """A file attached to a request: by the enterprise with it (`request`), or by the lead department (`reply`).

    Attributes:
        created_at (datetime.datetime):
        download_url (str): Where its bytes are downloaded (GET; Range and If-None-Match work)
        filename (str): The name it was uploaded with
        id (UUID):
        media_type (str): By content: application/pdf, image/jpeg, image/png or application/ofd
        part (AttachmentPart): Which part of a request an attachment belongs to: what the enterprise sent with it, or
            the staff's reply.

            `request`: 企业随诉求提交 (Sent with the request); `reply`: 部门随答复提交 (Sent with the reply)
        request_id (UUID):
        scan (ScanStatus): `clean`: 已通过病毒扫描 (Scanned, clean); `not_scanned`: 未扫描 (Not scanned)
        sha256 (str): Lower-case hex; the download's ETag
        size (int): Bytes
        uploaded_by (str):
    """

    created_at: datetime.datetime
    download_url: str
    filename: str
    id: UUID
    media_type: str
    part: AttachmentPart
    request_id: UUID
    scan: ScanStatus
    sha256: str
    size: int
    uploaded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        download_url = self.download_url

        filename = self.filename

        id = str(self.id)

        media_type = self.media_type

        part = self.part.value

        request_id = str(self.request_id)

        scan = self.scan.value

        sha256 = self.sha256

        size = self.size

        uploaded_by = self.uploaded_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "download_url": download_url,
                "filename": filename,
                "id": id,
                "media_type": media_type,
                "part": part,
                "request_id": request_id,
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

        download_url = d.pop("download_url")

        filename = d.pop("filename")

        id = UUID(d.pop("id"))

        media_type = d.pop("media_type")

        part = AttachmentPart(d.pop("part"))

        request_id = UUID(d.pop("request_id"))

        scan = ScanStatus(d.pop("scan"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        uploaded_by = d.pop("uploaded_by")

        request_attachment_read = cls(
            created_at=created_at,
            download_url=download_url,
            filename=filename,
            id=id,
            media_type=media_type,
            part=part,
            request_id=request_id,
            scan=scan,
            sha256=sha256,
            size=size,
            uploaded_by=uploaded_by,
        )

        request_attachment_read.additional_properties = d
        return request_attachment_read

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
