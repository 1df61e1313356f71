"""Materials as documents: the files of an application's materials, the enterprise's materials vault (材料库)
and the precheck of a matter against it.

An upload is checked before its bytes are read (who, which application, which material), so a refused caller
stores nothing; the bytes then stream into the store with no database connection held, and the application is
locked only to record them. The bytes are written before the row commits: a crash in between leaves an object
without a row, which the orphan sweep removes (services.common.documents). An upload is idempotent by content:
the same file again answers the document already there, and its duplicate bytes are deleted at once.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.approval import domain, policy
from services.approval.domain import OPEN_STATUSES, CommitmentState, MaterialSource
from services.approval.models import Application, ApplicationMaterial, ApprovalDocument, MaterialCommitment
from services.approval.schemas import MatterMaterial, PrecheckCreate, VaultFields
from services.approval.service import reference
from services.approval.service.applications import (
    APPLICATIONS,
    COMMITMENTS,
    COMMITMENTS_OF,
    DOCUMENTS,
    LINKS,
    WithTasks,
    emit,
    locked,
    matter_named,
    save,
    vault_documents,
)
from services.common.auth import Principal, Role, acting_enterprise
from services.common.calendar import cst_date
from services.common.documents import Upload, record_fields
from services.common.pagination import PageParams, make_page, paginate
from services.common.problems import Invalid, InvalidTransition, NotFound, ProblemKind
from services.common.storage import Documents
from services.common.texts import Text, no_such
from services.intake.contract import IntakeClient

Receive = Callable[[], Awaitable[Upload]]  # reads the request's upload into the store, when the checks passed
LINK_OF = "WHERE application_id = %s AND material_code = %s"
NO_APPLICATION = no_such("申请", "application")
NO_DOCUMENT = no_such("材料文件", "material file")
NO_VAULT_DOCUMENT = no_such("材料库文件", "vault document")


@dataclass
class MaterialView:
    """One material of an application's matter: how it is provided, with its file and commitment if any."""

    material: MatterMaterial
    state: str  # see schemas.MaterialState
    source: MaterialSource | None
    document: ApprovalDocument | None
    commitment: MaterialCommitment | None


async def _matter_material(session: AsyncSession, application: Application, code: str) -> MatterMaterial:
    matter = (await reference.current(session)).matters[application.matter_code]
    material = next((m for m in matter.materials if m.code == code), None)
    if material is None:
        raise Invalid(
            Text(f"{code} 不是事项 {matter.code} 的材料", f"{code} is not a material of {matter.code}"),
            field="material_code",
            kind=ProblemKind.unknown_material,
        )
    return material


def _require_accepting(application: Application, commitments: list[MaterialCommitment], code: str) -> None:
    """Files are taken while the application is open, and afterwards only to fulfil an open commitment."""
    owed = any(c.material_code == code and c.state == CommitmentState.open for c in commitments)
    if application.status not in OPEN_STATUSES and not owed:
        raise InvalidTransition(
            Text(
                f"申请状态为 {application.status}，不再接收材料。",
                f"The application is {application.status}; it takes no more materials.",
            )
        )


async def attach(
    session: AsyncSession,
    *,
    application_id: uuid.UUID,
    material_code: str,
    principal: Principal,
    documents: Documents,
    receive: Receive,
    now: datetime,
) -> tuple[MaterialView, bool]:
    """Upload the file of one material (the enterprise, or admin for it); True when it is new. It provides the
    material, fulfils an open commitment for it, and replaces an earlier file or the vault's reuse."""
    found = await APPLICATIONS.fetch(session, "WHERE id = %s", (application_id,))
    if not found or (principal.role is Role.enterprise and found[0].enterprise_id != principal.enterprise_id):
        raise NotFound(NO_APPLICATION)
    material = await _matter_material(session, found[0], material_code)
    _require_accepting(found[0], await COMMITMENTS.fetch(session, COMMITMENTS_OF, (application_id,)), material_code)
    await session.rollback()  # nothing written yet: the connection goes back to the pool while the bytes stream
    upload = await receive()
    try:
        view, created = await _record(
            session, upload, material, application_id=application_id, principal=principal, now=now
        )
    except BaseException:
        await documents.store.delete(upload.stored.key)
        raise
    if not created:  # the same file again: the copy just written goes
        await documents.store.delete(upload.stored.key)
    return view, created


async def _record(
    session: AsyncSession,
    upload: Upload,
    material: MatterMaterial,
    *,
    application_id: uuid.UUID,
    principal: Principal,
    now: datetime,
) -> tuple[MaterialView, bool]:
    loaded = await locked(session, application_id)
    application = loaded.application
    _require_accepting(application, loaded.commitments, material.code)  # again: it may have closed meanwhile
    link = next(iter(await LINKS.fetch(session, LINK_OF, (application_id, material.code))), None)
    commitment = next((c for c in loaded.commitments if c.material_code == material.code), None)
    if link is not None and link.source is MaterialSource.upload:
        current = (await DOCUMENTS.fetch(session, "WHERE id = %s", (link.document_id,)))[0]
        if current.sha256 == upload.stored.sha256:
            return MaterialView(material, "uploaded", MaterialSource.upload, current, commitment), False
    document = ApprovalDocument(
        **record_fields(upload.stored, filename=upload.filename, uploaded_by=principal.username),
        enterprise_id=application.enterprise_id,
        material_code=material.code,
        created_at=now,
        updated_at=now,
    )
    await DOCUMENTS.insert(session, [document])
    if link is None:
        link = ApplicationMaterial(
            application_id=application_id,
            material_code=material.code,
            document_id=document.id,
            source=MaterialSource.upload,
            created_at=now,
            updated_at=now,
        )
        await LINKS.insert(session, [link])
    else:
        link.document_id, link.source, link.updated_at = document.id, MaterialSource.upload, now
        await LINKS.save(session, [link])
    fulfilled = domain.fulfil(loaded.commitments, {material.code}, now=now)
    domain.hand_in(application, {material.code}, now=now)
    for commitment in fulfilled:
        await emit(session, application, domain.commitment_fulfilled(commitment.material_code), now=now)
    await save(session, loaded)
    return MaterialView(material, "uploaded", MaterialSource.upload, document, commitment), True


async def _visible(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> WithTasks:
    """The application if the caller may see it (the BOLA rule of every application read), else 404."""
    liaison_of = await intake.liaison_of(principal)
    scope = policy.applications_visible_to(principal, liaison_of)
    row = (await session.exec(select(Application).where(Application.id == application_id, scope))).first()
    if row is None:
        raise NotFound(NO_APPLICATION)
    return WithTasks(row, [], await COMMITMENTS.fetch(session, COMMITMENTS_OF, (application_id,)))


async def _views(session: AsyncSession, loaded: WithTasks) -> list[MaterialView]:
    application = loaded.application
    matter = (await reference.current(session)).matters[application.matter_code]
    links = {
        link.material_code: link for link in await LINKS.fetch(session, "WHERE application_id = %s", (application.id,))
    }
    ids = [link.document_id for link in links.values()]
    files = {d.id: d for d in await DOCUMENTS.fetch(session, "WHERE id = ANY(%s)", (ids,))} if ids else {}
    promised = {c.material_code: c for c in loaded.commitments}
    views = []
    for material in matter.materials:
        link, commitment = links.get(material.code), promised.get(material.code)
        if link is not None:
            state = "reused" if link.source is MaterialSource.vault else "uploaded"
        elif material.code in application.materials:
            state = "declared"
        elif commitment is not None:
            state = "committed"
        else:
            state = "missing"
        document = files.get(link.document_id) if link is not None else None
        views.append(MaterialView(material, state, link.source if link else None, document, commitment))
    return views


async def list_materials(
    session: AsyncSession, *, application_id: uuid.UUID, principal: Principal, intake: IntakeClient
) -> list[MaterialView]:
    """Every material of the application's matter and how it is provided, to whoever sees the application."""
    return await _views(
        session, await _visible(session, application_id=application_id, principal=principal, intake=intake)
    )


async def material_document(
    session: AsyncSession, *, application_id: uuid.UUID, material_code: str, principal: Principal, intake: IntakeClient
) -> ApprovalDocument:
    """The file of one material, to whoever sees the application: an officer for its own department's tasks,
    the liaison officer, the enterprise and admin. 404 for anyone else, and when there is no file."""
    await _visible(session, application_id=application_id, principal=principal, intake=intake)
    link = await LINKS.fetch(session, LINK_OF, (application_id, material_code))
    if not link:
        raise NotFound(NO_DOCUMENT)
    return (await DOCUMENTS.fetch(session, "WHERE id = %s", (link[0].document_id,)))[0]


# --- the vault ------------------------------------------------------------------------------------


def _fields(upload: Upload) -> VaultFields:
    try:
        return VaultFields.model_validate({k: v for k, v in upload.fields.items() if v.strip()})
    except ValidationError as invalid:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in invalid.errors()]) from None


async def add_to_vault(
    session: AsyncSession,
    *,
    principal: Principal,
    intake: IntakeClient,
    documents: Documents,
    receive: Receive,
    now: datetime,
) -> tuple[ApprovalDocument, bool]:
    """Keep a document in the enterprise's vault for later applications; True when it is new (the same file for
    the same material again answers the one kept)."""
    upload = await receive()
    try:
        fields = _fields(upload)
        enterprise_id = acting_enterprise(principal, fields.enterprise_id)
        if principal.role is not Role.enterprise:
            await intake.enterprise(enterprise_id)  # staff name a registered enterprise (422 otherwise)
        if fields.valid_until is not None and fields.valid_until < cst_date(now):
            raise Invalid(
                Text("证照已过有效期，不能存入材料库。", "The document has expired; the vault keeps valid ones only."),
                field="valid_until",
            )
        same = await DOCUMENTS.fetch(
            session,
            "WHERE enterprise_id = %s AND material_code = %s AND in_vault AND sha256 = %s",
            (enterprise_id, fields.material_code, upload.stored.sha256),
        )
        if same:
            await documents.store.delete(upload.stored.key)
            return same[0], False
        document = ApprovalDocument(
            **record_fields(upload.stored, filename=upload.filename, uploaded_by=principal.username),
            enterprise_id=enterprise_id,
            material_code=fields.material_code,
            in_vault=True,
            issuer=fields.issuer,
            valid_until=fields.valid_until,
            created_at=now,
            updated_at=now,
        )
        await DOCUMENTS.insert(session, [document])
        return document, True
    except BaseException:
        await documents.store.delete(upload.stored.key)
        raise


def _vault_scope(principal: Principal) -> tuple[str, tuple]:
    if principal.role is Role.enterprise:
        return "in_vault AND enterprise_id = %s", (principal.enterprise_id,)
    return "in_vault", ()


async def list_vault(
    session: AsyncSession,
    *,
    principal: Principal,
    page: PageParams,
    material_code: str | None,
    enterprise_id: uuid.UUID | None,
) -> tuple[list[ApprovalDocument], str | None]:
    """The enterprise's own vault; admin's, of any enterprise."""
    D = ApprovalDocument
    query = select(D).where(D.in_vault)
    if principal.role is Role.enterprise:
        query = query.where(D.enterprise_id == principal.enterprise_id)
    elif enterprise_id is not None:
        query = query.where(D.enterprise_id == enterprise_id)
    if material_code is not None:
        query = query.where(D.material_code == material_code)
    return make_page(list((await session.exec(paginate(query, D, page))).all()), page)


async def vault_document(session: AsyncSession, *, document_id: uuid.UUID, principal: Principal) -> ApprovalDocument:
    where, params = _vault_scope(principal)
    found = await DOCUMENTS.fetch(session, f"WHERE id = %s AND {where}", (document_id, *params))
    if not found:
        raise NotFound(NO_VAULT_DOCUMENT)
    return found[0]


async def remove_from_vault(
    session: AsyncSession, *, document_id: uuid.UUID, principal: Principal, now: datetime
) -> None:
    """No longer offered for reuse; applications that reused it keep it."""
    document = await vault_document(session, document_id=document_id, principal=principal)
    document.in_vault, document.updated_at = False, now
    await DOCUMENTS.save(session, [document])


async def precheck(
    session: AsyncSession, *, data: PrecheckCreate, principal: Principal, intake: IntakeClient, now: datetime
) -> dict[str, Any]:
    """What the vault covers of a matter's materials for an application submitted now, what is missing (and
    may be under 容缺), and what the vault holds that expires before the due date."""
    enterprise_id = acting_enterprise(principal, data.enterprise_id)
    known = await reference.current(session)
    matter = matter_named(known, data.matter_code)
    profile = await intake.enterprise(enterprise_id)
    due_date = known.calendar.due_date(now, matter.sla_working_days)
    codes = [m.code for m in matter.materials]
    covered, expiring = domain.vault_cover(await vault_documents(session, enterprise_id, codes), due_date=due_date)
    rongque_allowed = profile.credit_rating != "D"

    def kept(material: MatterMaterial, document: ApprovalDocument) -> dict[str, Any]:
        fields = document.model_dump(include={"filename", "issuer", "valid_until"})
        return {"material_code": material.code, "name": material.name, "document_id": document.id, **fields}

    return {
        "matter_code": matter.code,
        "due_date": due_date,
        "rongque_allowed": rongque_allowed,
        "covered": [kept(m, covered[m.code]) for m in matter.materials if m.code in covered],
        "missing": [
            {"material_code": m.code, "name": m.name, "waivable": m.waivable and rongque_allowed}
            for m in matter.materials
            if m.code not in covered
        ],
        "expiring": [kept(m, expiring[m.code]) for m in matter.materials if m.code in expiring],
    }
