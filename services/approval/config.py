"""Approval service constants."""

NAME = "approval"
PREFIX = "/approval"
TITLE = "Kuaiban approval service"
