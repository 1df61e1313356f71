"""The process launcher: `make run` and the end-to-end tests start and stop the whole system with it.

Not part of the runtime library: no service imports it. `python -m launcher` is `make run`.
"""
