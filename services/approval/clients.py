"""Calls from approval to other services (none yet: intake and finance read approval's calendar)."""
