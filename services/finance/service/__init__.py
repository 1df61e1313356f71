"""Finance's use cases, one module per subdomain: banks and products, needs, matching, loans, matchmaking.

Each function runs inside the request's unit of work and never commits; rules come from `domain.py`,
visibility from `policy.py`, the enterprise's profile from intake through the typed client it is handed.
"""
