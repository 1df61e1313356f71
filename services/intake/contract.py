"""What intake serves to other Kuaiban processes: its internal paths, their models, and a typed client.

Consumers (approval, finance, the gateway) import this module and nothing else of intake. The paths
here are the ones intake's internal routes are declared with, so sender and receiver cannot drift.
"""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from services.common.internal import ContractClient
from services.common.outbox import OutboxMessage, message
from services.common.problems import Invalid, ProblemKind
from services.common.schemas import CreditRating, IndustrySection, RequestBody, text
from services.common.texts import Text

ENTERPRISE_PATH = "/internal/intake/enterprises/{enterprise_id}"
LIAISON_PATH = "/internal/intake/liaisons/{username}"
TIMELINE_PATH = "/internal/intake/timeline-events"
UNKNOWN_ENTERPRISE = Text("没有以此 id 登记的企业。", "No enterprise is registered with this id.")


class EnterpriseProfile(BaseModel):
    """An enterprise as other services need it: who it is and the facts rules look at."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    uscc: str
    name: str
    industry: IndustrySection
    town: str
    established_on: date
    employees: int | None
    annual_revenue_yuan: int | None
    credit_rating: CreditRating
    key_enterprise: bool


class LiaisonEnterprises(BaseModel):
    """The enterprises an officer is the dedicated liaison (包保专员) for."""

    enterprise_ids: list[uuid.UUID]


class TimelineEvent(RequestBody):
    """Something that happened to an enterprise in another service, for its timeline in intake."""

    id: uuid.UUID = Field(description="The sender's message id; a redelivery with the same id is stored once")
    enterprise_id: uuid.UUID
    at: datetime
    service: Literal["approval", "finance"]
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[a-z_]+)*$", max_length=64)]
    ref_id: uuid.UUID
    summary: text(500)

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError(Text("须带时区", "must carry a time zone"))
        return value


class TimelineReceipt(BaseModel):
    id: uuid.UUID
    stored: bool


class IntakeClient(ContractClient):
    """Intake as other services call it."""

    async def enterprise(self, enterprise_id: uuid.UUID) -> EnterpriseProfile:
        """The enterprise's profile; an unknown enterprise is 422 on `enterprise_id` wherever it is named."""
        path = ENTERPRISE_PATH.format(enterprise_id=enterprise_id)
        profile = await self._internal.fetch("intake", path, EnterpriseProfile, what=Text("企业", "the enterprise"))
        if profile is None:
            raise Invalid(UNKNOWN_ENTERPRISE, field="enterprise_id", kind=ProblemKind.unknown_reference)
        return profile

    async def liaison_enterprises(self, username: str) -> set[uuid.UUID]:
        path = LIAISON_PATH.format(username=username)
        found = await self._internal.fetch(
            "intake", path, LiaisonEnterprises, what=Text("包保企业名单", "the liaison's enterprises")
        )
        return set(found.enterprise_ids) if found is not None else set()


def timeline_message(
    model: type[OutboxMessage],
    *,
    sender: Literal["approval", "finance"],
    enterprise_id: uuid.UUID,
    kind: str,
    ref_id: uuid.UUID,
    summary: str,
    at: datetime,
) -> OutboxMessage:
    """An outbox row that puts an event on the enterprise's timeline; add it to the change's session."""
    event = TimelineEvent(
        id=uuid.uuid4(),
        enterprise_id=enterprise_id,
        at=at,
        service=sender,
        kind=kind,
        ref_id=ref_id,
        summary=summary[:500],
    )
    return message(model, message_id=event.id, recipient="intake", path=TIMELINE_PATH, body=event, now=at)
