"""Approval service constants."""

NAME = "approval"
PREFIX = "/approval"
TITLE = "Kuaiban approval service"
MIN_YEAR = 2000  # the calendar's accepted years
MAX_YEAR = 2100
