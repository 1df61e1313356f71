"""Kuaiban's three services and the library they share."""
