from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category
from ..models.channel import Channel
from ..models.department import Department
from ..models.grade import Grade
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.request_event_read import RequestEventRead


T = TypeVar("T", bound="RequestDetail")


@_attrs_define
class RequestDetail:
    """
    Attributes:
        assigned_at (datetime.datetime | None):
        attachments (int): How many files are attached to it (both parts); listed at its attachments
        category (Category): `power`: 用电 (Power supply); `land`: 用地 (Land); `financing`: 融资 (Financing); `permits`: 审批许可
            (Permits); `talent`: 人才用工 (Talent and labour); `policy`: 政策兑现 (Policy support); `infrastructure`: 基础设施
            (Infrastructure); `other`: 其他 (Other)
        channel (Channel): `tea_meeting`: 政企茶叙会 (Tea meeting); `online`: 网上提交 (Online); `window`: 政务服务窗口 (Service
            window); `hotline`: 12345 热线 (Hotline); `visit`: 走访 (Visit)
        closed_at (datetime.datetime | None):
        code (str):
        cooperating_departments (list[Department]):
        created_at (datetime.datetime):
        description (str):
        due_date (datetime.date | None):
        enterprise_id (UUID):
        events (list[RequestEventRead]):
        feedback_comment (None | str):
        first_replied_at (datetime.datetime | None):
        grade (Grade | None):
        id (UUID):
        lead_department (Department | None):
        meeting_id (None | UUID):
        rating (int | None):
        replied_at (datetime.datetime | None):
        reply (None | str):
        status (RequestStatus): `received`: 已受理 (Received); `assigned`: 已交办 (Assigned); `replied`: 已答复 (Replied);
            `reopened`: 重新办理 (Reopened); `closed`: 已办结 (Closed)
        title (str):
        updated_at (datetime.datetime):
        project_id (None | Unset | UUID): The investment project (招商项目) it serves
    """

    assigned_at: datetime.datetime | None
    attachments: int
    category: Category
    channel: Channel
    closed_at: datetime.datetime | None
    code: str
    cooperating_departments: list[Department]
    created_at: datetime.datetime
    description: str
    due_date: datetime.date | None
    enterprise_id: UUID
    events: list[RequestEventRead]
    feedback_comment: None | str
    first_replied_at: datetime.datetime | None
    grade: Grade | None
    id: UUID
    lead_department: Department | None
    meeting_id: None | UUID
    rating: int | None
    replied_at: datetime.datetime | None
    reply: None | str
    status: RequestStatus
    title: str
    updated_at: datetime.datetime
    project_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assigned_at: None | str
        if isinstance(self.assigned_at, datetime.datetime):
            assigned_at = self.assigned_at.isoformat()
        else:
            assigned_at = self.assigned_at

        attachments = self.attachments

        category = self.category.value

        channel = self.channel.value

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        code = self.code

        cooperating_departments = []
        for cooperating_departments_item_data in self.cooperating_departments:
            cooperating_departments_item = cooperating_departments_item_data.value
            cooperating_departments.append(cooperating_departments_item)

        created_at = self.created_at.isoformat()

        description = self.description

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        enterprise_id = str(self.enterprise_id)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        feedback_comment: None | str
        feedback_comment = self.feedback_comment

        first_replied_at: None | str
        if isinstance(self.first_replied_at, datetime.datetime):
            first_replied_at = self.first_replied_at.isoformat()
        else:
            first_replied_at = self.first_replied_at

        grade: None | str
        if isinstance(self.grade, Grade):
            grade = self.grade.value
        else:
            grade = self.grade

        id = str(self.id)

        lead_department: None | str
        if isinstance(self.lead_department, Department):
            lead_department = self.lead_department.value
        else:
            lead_department = self.lead_department

        meeting_id: None | str
        if isinstance(self.meeting_id, UUID):
            meeting_id = str(self.meeting_id)
        else:
            meeting_id = self.meeting_id

        rating: int | None
        rating = self.rating

        replied_at: None | str
        if isinstance(self.replied_at, datetime.datetime):
            replied_at = self.replied_at.isoformat()
        else:
            replied_at = self.replied_at

        reply: None | str
        reply = self.reply

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assigned_at": assigned_at,
                "attachments": attachments,
                "category": category,
                "channel": channel,
                "closed_at": closed_at,
                "code": code,
                "cooperating_departments": cooperating_departments,
                "created_at": created_at,
                "description": description,
                "due_date": due_date,
                "enterprise_id": enterprise_id,
                "events": events,
                "feedback_comment": feedback_comment,
                "first_replied_at": first_replied_at,
                "grade": grade,
                "id": id,
                "lead_department": lead_department,
                "meeting_id": meeting_id,
                "rating": rating,
                "replied_at": replied_at,
                "reply": reply,
                "status": status,
                "title": title,
                "updated_at": updated_at,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.request_event_read import RequestEventRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assigned_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_at_type_0 = datetime.datetime.fromisoformat(data)

                return assigned_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assigned_at = _parse_assigned_at(d.pop("assigned_at"))

        attachments = d.pop("attachments")

        category = Category(d.pop("category"))

        channel = Channel(d.pop("channel"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        code = d.pop("code")

        cooperating_departments = []
        _cooperating_departments = d.pop("cooperating_departments")
        for cooperating_departments_item_data in _cooperating_departments:
            cooperating_departments_item = Department(cooperating_departments_item_data)

            cooperating_departments.append(cooperating_departments_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        enterprise_id = UUID(d.pop("enterprise_id"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = RequestEventRead.from_dict(events_item_data)

            events.append(events_item)

        def _parse_feedback_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        feedback_comment = _parse_feedback_comment(d.pop("feedback_comment"))

        def _parse_first_replied_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_replied_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_replied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        first_replied_at = _parse_first_replied_at(d.pop("first_replied_at"))

        def _parse_grade(data: object) -> Grade | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grade_type_0 = Grade(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Grade | None, data)

        grade = _parse_grade(d.pop("grade"))

        id = UUID(d.pop("id"))

        def _parse_lead_department(data: object) -> Department | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_department_type_0 = Department(data)

                return lead_department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Department | None, data)

        lead_department = _parse_lead_department(d.pop("lead_department"))

        def _parse_meeting_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_id_type_0 = UUID(data)

                return meeting_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))

        def _parse_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rating = _parse_rating(d.pop("rating"))

        def _parse_replied_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replied_at_type_0 = datetime.datetime.fromisoformat(data)

                return replied_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replied_at = _parse_replied_at(d.pop("replied_at"))

        def _parse_reply(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reply = _parse_reply(d.pop("reply"))

        status = RequestStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        request_detail = cls(
            assigned_at=assigned_at,
            attachments=attachments,
            category=category,
            channel=channel,
            closed_at=closed_at,
            code=code,
            cooperating_departments=cooperating_departments,
            created_at=created_at,
            description=description,
            due_date=due_date,
            enterprise_id=enterprise_id,
            events=events,
            feedback_comment=feedback_comment,
            first_replied_at=first_replied_at,
            grade=grade,
            id=id,
            lead_department=lead_department,
            meeting_id=meeting_id,
            rating=rating,
            replied_at=replied_at,
            reply=reply,
            status=status,
            title=title,
            updated_at=updated_at,
            project_id=project_id,
        )

        request_detail.additional_properties = d
        return request_detail

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
