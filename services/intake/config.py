"""Intake service constants."""

NAME = "intake"
PREFIX = "/intake"
TITLE = "Kuaiban intake service"
