"""Approval's use cases, one module per subdomain: calendar, matters, applications, sweep, stats,
analytics.

Each function runs inside the request's unit of work (or a job's) and never commits; rules come from
`domain.py`, visibility from `policy.py`, other services through the typed client it is handed.
"""
