"""The gateway times a download's answer by the time between reads, not in total (a million-row export streams
for a minute; an xlsx sends its first byte after its last row is read)."""

from gateway import proxy
from services.common import exports


def scope(accept: str | None) -> dict:
    return {"headers": [(b"accept", accept.encode())] if accept is not None else []}


def test_downloads_are_told_by_their_accept_as_the_services_negotiate():
    assert proxy._asks_for_download(scope(exports.CSV_MEDIA_TYPE))
    assert proxy._asks_for_download(scope(f"{exports.XLSX_MEDIA_TYPE}, application/json;q=0.5"))
    assert not proxy._asks_for_download(scope("application/json"))
    assert not proxy._asks_for_download(scope("text/html"))
    assert not proxy._asks_for_download(scope(None))


async def test_a_download_has_no_total_timeout():
    forwarder = proxy.Proxy({"intake": ["http://127.0.0.1:1"]}, timeout_seconds=30)
    try:
        assert forwarder.export_timeout.total is None
        assert forwarder.export_timeout.sock_read == proxy.EXPORT_READ_SECONDS > 30
    finally:
        await forwarder.close()
