"""An idempotency key's use: the same body is the same request, whatever else differs."""

import hashlib

from services.common.idempotency import Use


def test_a_use_is_known_by_the_hash_of_its_body():
    body = '{"title": "修路"}'.encode()
    use = Use(caller="u1", key="k", path="/intake/requests", body=body)
    assert use.request_hash == hashlib.sha256(body).hexdigest() and len(use.request_hash) == 64
    assert Use(caller="u2", key="other", path="/x", body=body).request_hash == use.request_hash
    assert Use(caller="u1", key="k", path="/intake/requests", body=body + b" ").request_hash != use.request_hash
