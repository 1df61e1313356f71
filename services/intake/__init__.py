"""Intake: the enterprise registry, requests (诉求), meetings and the timeline."""
