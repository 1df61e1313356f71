"""HTTP endpoints of the finance service (its resources come with their own issue)."""

from fastapi import APIRouter

from services.finance.config import PREFIX

router = APIRouter(prefix=PREFIX, tags=["finance"])
