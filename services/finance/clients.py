"""Finance's typed client of intake (the enterprise profile that matching needs), injected into routes."""

from services.common.internal import injected
from services.intake.contract import IntakeClient

IntakeDep = injected(IntakeClient)
