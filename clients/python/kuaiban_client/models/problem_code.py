from enum import StrEnum


class ProblemCode(StrEnum):
    AMOUNT_EXCEEDS_APPROVED = "amount_exceeds_approved"
    BAD_REQUEST = "bad_request"
    BAD_UPSTREAM = "bad_upstream"
    COMMITMENT_REQUIRED = "commitment_required"
    CONFLICT = "conflict"
    DUPLICATE_APPLICATION = "duplicate_application"
    DUPLICATE_CODE = "duplicate_code"
    DUPLICATE_USCC = "duplicate_uscc"
    DUPLICATE_USERNAME = "duplicate_username"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL_ERROR = "internal_error"
    INVALID_COMMITMENT = "invalid_commitment"
    INVALID_CREDENTIALS = "invalid_credentials"
    INVALID_IDEMPOTENCY_KEY = "invalid_idempotency_key"
    INVALID_TRANSITION = "invalid_transition"
    INVALID_VALUE = "invalid_value"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    MISSING_MATERIAL = "missing_material"
    NOT_ELIGIBLE = "not_eligible"
    NOT_FOUND = "not_found"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    RONGQUE_NOT_ALLOWED = "rongque_not_allowed"
    SERVICE_UNAVAILABLE = "service_unavailable"
    UNAUTHENTICATED = "unauthenticated"
    UNKNOWN_MATERIAL = "unknown_material"
    UNKNOWN_REFERENCE = "unknown_reference"
    UPSTREAM_TIMEOUT = "upstream_timeout"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
