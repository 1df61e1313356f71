from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.material_source import MaterialSource
from ..models.material_state import MaterialState

if TYPE_CHECKING:
    from ..models.commitment_read import CommitmentRead
    from ..models.document_read import DocumentRead


T = TypeVar("T", bound="ApplicationMaterialRead")


@_attrs_define
class ApplicationMaterialRead:
    """One material of the application's matter: how it is provided, and its file when there is one.

    Attributes:
        commitment (CommitmentRead | None):
        document (DocumentRead | None):
        download_url (None | str):
        material_code (str):
        name (str):
        source (MaterialSource | None):
        state (MaterialState): `uploaded`: 已上传 (Uploaded); `reused`: 材料库复用 (Reused); `declared`: 待上传 (To upload);
            `committed`: 容缺承诺 (Committed); `missing`: 缺少 (Missing)
        waivable (bool):
    """

    commitment: CommitmentRead | None
    document: DocumentRead | None
    download_url: None | str
    material_code: str
    name: str
    source: MaterialSource | None
    state: MaterialState
    waivable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.commitment_read import CommitmentRead  # noqa: PLC0415
        from ..models.document_read import DocumentRead  # noqa: PLC0415

        commitment: dict[str, Any] | None
        if isinstance(self.commitment, CommitmentRead):
            commitment = self.commitment.to_dict()
        else:
            commitment = self.commitment

        document: dict[str, Any] | None
        if isinstance(self.document, DocumentRead):
            document = self.document.to_dict()
        else:
            document = self.document

        download_url: None | str
        download_url = self.download_url

        material_code = self.material_code

        name = self.name

        source: None | str
        if isinstance(self.source, MaterialSource):
            source = self.source.value
        else:
            source = self.source

        state = self.state.value

        waivable = self.waivable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commitment": commitment,
                "document": document,
                "download_url": download_url,
                "material_code": material_code,
                "name": name,
                "source": source,
                "state": state,
                "waivable": waivable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.commitment_read import CommitmentRead  # noqa: PLC0415
        from ..models.document_read import DocumentRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_commitment(data: object) -> CommitmentRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commitment_type_0 = CommitmentRead.from_dict(data)

                return commitment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CommitmentRead | None, data)

        commitment = _parse_commitment(d.pop("commitment"))

        def _parse_document(data: object) -> DocumentRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_0 = DocumentRead.from_dict(data)

                return document_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentRead | None, data)

        document = _parse_document(d.pop("document"))

        def _parse_download_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        download_url = _parse_download_url(d.pop("download_url"))

        material_code = d.pop("material_code")

        name = d.pop("name")

        def _parse_source(data: object) -> MaterialSource | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = MaterialSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MaterialSource | None, data)

        source = _parse_source(d.pop("source"))

        state = MaterialState(d.pop("state"))

        waivable = d.pop("waivable")

        application_material_read = cls(
            commitment=commitment,
            document=document,
            download_url=download_url,
            material_code=material_code,
            name=name,
            source=source,
            state=state,
            waivable=waivable,
        )

        application_material_read.additional_properties = d
        return application_material_read

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
