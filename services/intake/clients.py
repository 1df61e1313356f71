"""Calls from intake to other services (none yet: approval and finance push to intake)."""
