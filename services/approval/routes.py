"""HTTP endpoints of the approval service (its resources come with their own issue)."""

from fastapi import APIRouter

from services.approval.config import PREFIX

router = APIRouter(prefix=PREFIX, tags=["approval"])
