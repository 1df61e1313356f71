from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_approval import PublicApproval
    from ..models.public_finance import PublicFinance
    from ..models.public_requests import PublicRequests


T = TypeVar("T", bound="PublicStats")


@_attrs_define
class PublicStats:
    """
    Attributes:
        approval (None | PublicApproval): null while approval does not answer
        as_of (datetime.datetime): When the figures were gathered (kept for a minute)
        finance (None | PublicFinance): null while finance does not answer
        requests (None | PublicRequests): null while intake does not answer
    """

    approval: None | PublicApproval
    as_of: datetime.datetime
    finance: None | PublicFinance
    requests: None | PublicRequests
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_approval import PublicApproval  # noqa: PLC0415
        from ..models.public_finance import PublicFinance  # noqa: PLC0415
        from ..models.public_requests import PublicRequests  # noqa: PLC0415

        approval: dict[str, Any] | None
        if isinstance(self.approval, PublicApproval):
            approval = self.approval.to_dict()
        else:
            approval = self.approval

        as_of = self.as_of.isoformat()

        finance: dict[str, Any] | None
        if isinstance(self.finance, PublicFinance):
            finance = self.finance.to_dict()
        else:
            finance = self.finance

        requests: dict[str, Any] | None
        if isinstance(self.requests, PublicRequests):
            requests = self.requests.to_dict()
        else:
            requests = self.requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approval": approval,
                "as_of": as_of,
                "finance": finance,
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_approval import PublicApproval  # noqa: PLC0415
        from ..models.public_finance import PublicFinance  # noqa: PLC0415
        from ..models.public_requests import PublicRequests  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_approval(data: object) -> None | PublicApproval:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approval_type_0 = PublicApproval.from_dict(data)

                return approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicApproval, data)

        approval = _parse_approval(d.pop("approval"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        def _parse_finance(data: object) -> None | PublicFinance:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                finance_type_0 = PublicFinance.from_dict(data)

                return finance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicFinance, data)

        finance = _parse_finance(d.pop("finance"))

        def _parse_requests(data: object) -> None | PublicRequests:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requests_type_0 = PublicRequests.from_dict(data)

                return requests_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicRequests, data)

        requests = _parse_requests(d.pop("requests"))

        public_stats = cls(
            approval=approval,
            as_of=as_of,
            finance=finance,
            requests=requests,
        )

        public_stats.additional_properties = d
        return public_stats

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
