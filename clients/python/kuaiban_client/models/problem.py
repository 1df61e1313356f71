from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_code import ProblemCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """
    Attributes:
        code (ProblemCode): The error kind, stable: switch on this, not on the text. `bad_request` 400 请求有误;
            `unsupported_grant_type` 400 不支持的授权类型; `invalid_scope` 400 请求的权限范围无效; `unauthenticated` 401 未登录或登录已失效;
            `invalid_credentials` 401 用户名或密码错误; `invalid_client` 401 客户端认证失败; `forbidden` 403 无权执行此操作; `insufficient_scope`
            403 令牌缺少所需权限范围; `not_found` 404 资源不存在; `method_not_allowed` 405 不支持此请求方法; `conflict` 409 与已有数据冲突;
            `invalid_transition` 409 当前状态不允许此操作; `duplicate_uscc` 409 统一社会信用代码已登记; `duplicate_username` 409 用户名已被占用;
            `duplicate_code` 409 编码已存在; `duplicate_application` 409 已提交过相同的申请; `duplicate_grant` 409 此政策已向该企业兑现; `slot_full`
            409 该时段已约满; `duplicate_booking` 409 已有相同的预约; `past_cutoff` 409 已过取消或改约的截止时间; `idempotency_key_in_use` 409
            同一幂等键的请求仍在处理; `payload_too_large` 413 请求体过大; `unsupported_media_type` 415 不支持的文件类型; `validation_failed` 422
            请求内容无效; `invalid_value` 422 取值不被数据库接受; `unknown_reference` 422 引用的对象不存在; `missing_material` 422 缺少必交材料;
            `unknown_material` 422 材料不属于该事项; `commitment_required` 422 容缺材料需签署承诺; `invalid_commitment` 422 承诺无效;
            `rongque_not_allowed` 422 该企业不可容缺受理; `not_eligible` 422 不符合产品条件; `policy_not_met` 422 不符合政策条件;
            `amount_exceeds_approved` 422 金额超过批准额度; `invalid_idempotency_key` 422 幂等键格式无效; `idempotency_key_reused` 422
            幂等键已用于其他请求; `infected` 422 文件未通过病毒扫描; `rate_limited` 429 请求过于频繁; `internal_error` 500 服务器内部错误; `bad_upstream`
            502 上游服务应答异常; `service_unavailable` 503 服务暂不可用; `upstream_timeout` 504 上游服务应答超时
        detail (str): For people: Chinese, or English with `Accept-Language: en`.
        status (int):
        title (str):
        type_ (str): `https://kuaiban.example/problems/<code with - for _>`, one per `code`.
        errors (list[FieldError] | None | Unset):
    """

    code: ProblemCode
    detail: str
    status: int
    title: str
    type_: str
    errors: list[FieldError] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        detail = self.detail

        status = self.status

        title = self.title

        type_ = self.type_

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
                "status": status,
                "title": title,
                "type": type_,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        code = ProblemCode(d.pop("code"))

        detail = d.pop("detail")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_errors(data: object) -> list[FieldError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = FieldError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        problem = cls(
            code=code,
            detail=detail,
            status=status,
            title=title,
            type_=type_,
            errors=errors,
        )

        problem.additional_properties = d
        return problem

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
