"""The gateway: the only public port. Routes by prefix, owns accounts and tokens, merges OpenAPI."""
