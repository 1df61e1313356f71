from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.department import Department
from ..models.policy_mode import PolicyMode
from ..models.policy_status import PolicyStatus

if TYPE_CHECKING:
    from ..models.fixed_benefit import FixedBenefit
    from ..models.policy_eligibility import PolicyEligibility
    from ..models.rate_benefit import RateBenefit


T = TypeVar("T", bound="PolicyRead")


@_attrs_define
class PolicyRead:
    """
    Attributes:
        benefit (FixedBenefit | RateBenefit):
        created_at (datetime.datetime):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        eligibility (PolicyEligibility): Who a policy is for, in the vocabulary of loan products; a rule left out admits
            everyone.
        id (UUID):
        legal_basis (str):
        mode (PolicyMode): `auto`: 免申即享 (Granted without applying); `instant`: 即申即享 (Granted on applying); `review`:
            审核后兑现 (Granted after review)
        published_at (datetime.datetime | None):
        review_working_days (int | None):
        series_id (UUID): The same for every version of the policy
        status (PolicyStatus): `draft`: 草稿 (Draft); `published`: 已发布 (Published); `superseded`: 已被新版本取代 (Superseded)
        title (str):
        updated_at (datetime.datetime):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        version (int):
    """

    benefit: FixedBenefit | RateBenefit
    created_at: datetime.datetime
    department: Department
    eligibility: PolicyEligibility
    id: UUID
    legal_basis: str
    mode: PolicyMode
    published_at: datetime.datetime | None
    review_working_days: int | None
    series_id: UUID
    status: PolicyStatus
    title: str
    updated_at: datetime.datetime
    valid_from: datetime.date
    valid_to: datetime.date | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.fixed_benefit import FixedBenefit  # noqa: PLC0415

        benefit: dict[str, Any]
        if isinstance(self.benefit, FixedBenefit):
            benefit = self.benefit.to_dict()
        else:
            benefit = self.benefit.to_dict()

        created_at = self.created_at.isoformat()

        department = self.department.value

        eligibility = self.eligibility.to_dict()

        id = str(self.id)

        legal_basis = self.legal_basis

        mode = self.mode.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        review_working_days: int | None
        review_working_days = self.review_working_days

        series_id = str(self.series_id)

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "benefit": benefit,
                "created_at": created_at,
                "department": department,
                "eligibility": eligibility,
                "id": id,
                "legal_basis": legal_basis,
                "mode": mode,
                "published_at": published_at,
                "review_working_days": review_working_days,
                "series_id": series_id,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fixed_benefit import FixedBenefit  # noqa: PLC0415
        from ..models.policy_eligibility import PolicyEligibility  # noqa: PLC0415
        from ..models.rate_benefit import RateBenefit  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_benefit(data: object) -> FixedBenefit | RateBenefit:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                benefit_type_0 = FixedBenefit.from_dict(data)

                return benefit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            benefit_type_1 = RateBenefit.from_dict(data)

            return benefit_type_1

        benefit = _parse_benefit(d.pop("benefit"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department = Department(d.pop("department"))

        eligibility = PolicyEligibility.from_dict(d.pop("eligibility"))

        id = UUID(d.pop("id"))

        legal_basis = d.pop("legal_basis")

        mode = PolicyMode(d.pop("mode"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_review_working_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        review_working_days = _parse_review_working_days(d.pop("review_working_days"))

        series_id = UUID(d.pop("series_id"))

        status = PolicyStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        version = d.pop("version")

        policy_read = cls(
            benefit=benefit,
            created_at=created_at,
            department=department,
            eligibility=eligibility,
            id=id,
            legal_basis=legal_basis,
            mode=mode,
            published_at=published_at,
            review_working_days=review_working_days,
            series_id=series_id,
            status=status,
            title=title,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_to=valid_to,
            version=version,
        )

        policy_read.additional_properties = d
        return policy_read

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
