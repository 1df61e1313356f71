from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.department import Department
from ..models.policy_mode import PolicyMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fixed_benefit import FixedBenefit
    from ..models.policy_eligibility import PolicyEligibility
    from ..models.rate_benefit import RateBenefit


T = TypeVar("T", bound="PolicyCreate")


@_attrs_define
class PolicyCreate:
    """
    Attributes:
        benefit (FixedBenefit | RateBenefit):
        department (Department): `market`: 市场监管局 (Market regulation); `tax`: 税务局 (Taxation); `hrss`: 人社局 (Human
            resources and social security); `public_security`: 公安局 (Public security); `housing_fund`: 公积金中心 (Housing
            provident fund); `power`: 供电公司 (Power supply); `water`: 供水公司 (Water supply); `gas`: 燃气公司 (Gas supply);
            `natural_resources`: 自然资源和规划局 (Natural resources and planning); `housing`: 住建局 (Housing and construction);
            `development_reform`: 发改委 (Development and reform); `ecology`: 生态环境分局 (Ecology and environment);
            `finance_office`: 金融办 (Financial affairs office); `data_bureau`: 数据资源局 (Data resources bureau)
        legal_basis (str):
        mode (PolicyMode): `auto`: 免申即享 (Granted without applying); `instant`: 即申即享 (Granted on applying); `review`:
            审核后兑现 (Granted after review)
        title (str):
        valid_from (datetime.date):
        eligibility (PolicyEligibility | Unset): Who a policy is for, in the vocabulary of loan products; a rule left
            out admits everyone.
        review_working_days (int | None | Unset): Required for `review`, else absent
        valid_to (datetime.date | None | Unset):
    """

    benefit: FixedBenefit | RateBenefit
    department: Department
    legal_basis: str
    mode: PolicyMode
    title: str
    valid_from: datetime.date
    eligibility: PolicyEligibility | Unset = UNSET
    review_working_days: int | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.fixed_benefit import FixedBenefit  # noqa: PLC0415

        benefit: dict[str, Any]
        if isinstance(self.benefit, FixedBenefit):
            benefit = self.benefit.to_dict()
        else:
            benefit = self.benefit.to_dict()

        department = self.department.value

        legal_basis = self.legal_basis

        mode = self.mode.value

        title = self.title

        valid_from = self.valid_from.isoformat()

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        review_working_days: int | None | Unset
        if isinstance(self.review_working_days, Unset):
            review_working_days = UNSET
        else:
            review_working_days = self.review_working_days

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "benefit": benefit,
                "department": department,
                "legal_basis": legal_basis,
                "mode": mode,
                "title": title,
                "valid_from": valid_from,
            }
        )
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if review_working_days is not UNSET:
            field_dict["review_working_days"] = review_working_days
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

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

        department = Department(d.pop("department"))

        legal_basis = d.pop("legal_basis")

        mode = PolicyMode(d.pop("mode"))

        title = d.pop("title")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        _eligibility = d.pop("eligibility", UNSET)
        eligibility: PolicyEligibility | Unset
        if isinstance(_eligibility, Unset):
            eligibility = UNSET
        else:
            eligibility = PolicyEligibility.from_dict(_eligibility)

        def _parse_review_working_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_working_days = _parse_review_working_days(d.pop("review_working_days", UNSET))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        policy_create = cls(
            benefit=benefit,
            department=department,
            legal_basis=legal_basis,
            mode=mode,
            title=title,
            valid_from=valid_from,
            eligibility=eligibility,
            review_working_days=review_working_days,
            valid_to=valid_to,
        )

        return policy_create
