"""Checks of the pages the gateway serves (the docs, the dashboard): no URL of another host, the files they
reference, and their Content-Security-Policy."""

import re

ANY_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host, data://...
REFERENCES = re.compile(r'(?:src|href)="([^"]+)"')


def csp_directives(header: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}
