"""Approval service constants."""

NAME = "approval"
PREFIX = "/approval"
TITLE = "Kuaiban approval service"
MIN_YEAR = 2000  # the calendar's accepted years
MAX_YEAR = 2100
SWEEP_SECONDS = 30  # API.md: the sweep runs by itself at least every minute
