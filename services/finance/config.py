"""Finance service constants."""

NAME = "finance"
PREFIX = "/finance"
TITLE = "Kuaiban finance service"
