from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_kind import TimelineKind
from ..models.timeline_service import TimelineService

T = TypeVar("T", bound="TimelineItem")


@_attrs_define
class TimelineItem:
    """
    Attributes:
        at (datetime.datetime):
        kind (TimelineKind): What can appear on an enterprise's timeline: intake's own request events and what approval
            and
            finance send (finance's loan applications share `application.approved`/`rejected` with approval's).

            `request.received`: 诉求已受理 (Request received); `request.assigned`: 诉求已交办 (Request assigned); `request.replied`:
            诉求已答复 (Request replied to); `request.reopened`: 诉求重新办理 (Request reopened); `request.closed`: 诉求已办结 (Request
            closed); `application.submitted`: 审批申请已提交 (Application submitted); `application.approved`: 申请已通过（审批或贷款）
            (Application approved (approval or loan)); `application.rejected`: 申请未通过（审批或贷款） (Application rejected (approval
            or loan)); `application.withdrawn`: 审批申请已撤回 (Application withdrawn); `application.terminated`: 审批申请已终止
            (Application terminated); `commitment.reminder`: 容缺承诺补交提醒 (Reminder: a committed material is due);
            `commitment.fulfilled`: 容缺承诺已兑现 (Committed material handed in); `commitment.overdue`: 容缺承诺已逾期 (Committed
            material overdue); `project.recorded`: 招商项目已登记 (Investment project recorded); `project.stage_changed`: 招商项目进入新阶段
            (Investment project moved to a new stage); `appointment.booked`: 已预约窗口办理 (Window appointment booked);
            `appointment.rescheduled`: 窗口预约已改期 (Window appointment rescheduled); `appointment.cancelled`: 窗口预约已取消 (Window
            appointment cancelled); `appointment.reminder`: 下一工作日预约提醒（窗口或上门） (Reminder: booked for the next working day);
            `appointment.no_show`: 窗口预约未到 (Window appointment missed); `onsite.requested`: 已申请上门办 (On-site service
            requested); `onsite.scheduled`: 上门办已排期 (On-site service scheduled); `need.posted`: 融资需求已发布 (Financing need
            posted); `deal.signed`: 贷款已签约 (Loan signed); `policy.granted`: 政策奖补已兑现（待确认收款账户） (Policy benefit granted (confirm
            the account)); `policy.disbursed`: 政策资金已拨付 (Policy funds paid); `policy.revoked`: 政策奖补已撤销 (Policy benefit
            revoked)
        ref_id (UUID):
        service (TimelineService): `intake`: 诉求受理 (Intake); `approval`: 并联审批 (Approval); `finance`: 银企对接 (Finance)
        summary (str):
    """

    at: datetime.datetime
    kind: TimelineKind
    ref_id: UUID
    service: TimelineService
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        kind = self.kind.value

        ref_id = str(self.ref_id)

        service = self.service.value

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "kind": kind,
                "ref_id": ref_id,
                "service": service,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = TimelineKind(d.pop("kind"))

        ref_id = UUID(d.pop("ref_id"))

        service = TimelineService(d.pop("service"))

        summary = d.pop("summary")

        timeline_item = cls(
            at=at,
            kind=kind,
            ref_id=ref_id,
            service=service,
            summary=summary,
        )

        timeline_item.additional_properties = d
        return timeline_item

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
