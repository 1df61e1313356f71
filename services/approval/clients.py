"""Approval's typed client of intake (enterprise profiles, liaison officers), injected into routes."""

from services.common.internal import injected
from services.intake.contract import IntakeClient

IntakeDep = injected(IntakeClient)
