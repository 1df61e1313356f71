"""Approval: service matters, parallel approval tasks, the calendar and SLA sweeps."""
