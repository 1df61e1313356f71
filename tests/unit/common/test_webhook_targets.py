"""Which URLs a webhook may go to. No test here opens a connection: names resolve through a stub."""

import ipaddress

import pytest

from services.common.webhook_targets import AllowList, TargetGuard, UnsafeTarget, check_address, parse_host, parse_url

LOOPBACK_ALLOWED = AllowList.parse("127.0.0.1")


def stub(table: dict[str, list[str]]):
    """A resolver that answers from `table` and records what it was asked; unknown names fail as DNS would."""
    asked: list[tuple[str, int]] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append((host, port))
        if host not in table:
            raise OSError(f"no such host {host}")
        return table[host]

    resolve.asked = asked  # type: ignore[attr-defined]
    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.2",
        "::1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.10.10",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "100.64.0.1",
        "0.0.0.0",
        "::",
        "224.0.0.1",
        "ff02::1",
        "::ffff:127.0.0.2",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "192.0.2.1",
        "240.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str):
    with pytest.raises(UnsafeTarget):
        check_address(ipaddress.ip_address(address), LOOPBACK_ALLOWED)


@pytest.mark.parametrize("address", ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "::ffff:169.254.169.254"])
def test_cloud_metadata_is_refused_even_when_its_network_is_allowed(address: str):
    allow = AllowList.parse("169.254.0.0/16, fd00::/8, 100.64.0.0/10, ::ffff:0:0/96")
    with pytest.raises(UnsafeTarget) as refused:
        check_address(ipaddress.ip_address(address), allow)
    assert "metadata" in refused.value.reason.en


@pytest.mark.parametrize("address", ["1.1.1.1", "203.119.25.1", "2400:3200::1"])
def test_public_addresses_pass(address: str):
    check_address(ipaddress.ip_address(address))


def test_the_allowlist_takes_addresses_networks_and_names():
    allow = AllowList.parse(" 127.0.0.1 , 10.8.0.0/16, [fd00:1::]/64 ,Receiver.Internal. ,")
    check_address(ipaddress.ip_address("127.0.0.1"), allow)
    check_address(ipaddress.ip_address("10.8.200.1"), allow)
    check_address(ipaddress.ip_address("fd00:1::5"), allow)
    check_address(ipaddress.ip_address("10.9.0.1"), allow, name="receiver.internal")
    for refused in ("127.0.0.2", "10.9.0.1", "fd00:2::5"):
        with pytest.raises(UnsafeTarget):
            check_address(ipaddress.ip_address(refused), allow)
    with pytest.raises(UnsafeTarget):
        check_address(ipaddress.ip_address("10.9.0.1"), allow, name="other.internal")


@pytest.mark.parametrize(
    ("host", "means"),
    [
        ("0x7f000001", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.0.0.2", "127.0.0.2"),
        ("2130706434", "127.0.0.2"),
        ("127.0.0.1.", None),
    ],
)
def test_numeric_hosts_in_other_forms_are_refused_even_when_they_mean_an_allowed_address(host: str, means: str | None):
    with pytest.raises(UnsafeTarget) as refused:
        parse_host(host)
    if means:
        assert means in refused.value.reason.en


@pytest.mark.parametrize("host", ["1.2.3.4.5", "08.1.1.1", "0x1g.1.1.1", "4294967296", "1.256.1.1"])
def test_malformed_numeric_hosts_are_refused(host: str):
    with pytest.raises(UnsafeTarget):
        parse_host(host)


def test_names_and_literals_are_told_apart():
    assert parse_host("Bank.Example.COM") == "bank.example.com"
    assert parse_host("[::1]") == ipaddress.ip_address("::1")
    assert parse_host("127.0.0.1") == ipaddress.ip_address("127.0.0.1")
    assert parse_host("0day.example.com") == "0day.example.com"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://bank.example.com/hook",
        "file:///etc/passwd",
        "gopher://bank.example.com/",
        "http:///path-only",
        "https://user:secret@bank.example.com/hook",
        "http://bank.example.com:99999/",
        "bank.example.com/hook",
    ],
)
def test_only_plain_http_and_https_urls_are_accepted(url: str):
    with pytest.raises(UnsafeTarget):
        parse_url(url)


def test_a_url_keeps_its_port_or_the_schemes():
    assert parse_url("https://bank.example.com/hook").port == 443
    assert parse_url("http://bank.example.com/hook").port == 80
    assert parse_url("https://[2400:3200::1]:8443/x").port == 8443


@pytest.mark.parametrize("url", ["http://127.0.0.2/", "http://[::1]:8080/", "http://0x7f000001/", "http://2130706433/"])
async def test_the_guard_refuses_loopback_forms_the_allowlist_does_not_list(url: str):
    resolver = stub({})
    with pytest.raises(UnsafeTarget):
        await TargetGuard(LOOPBACK_ALLOWED, resolver).vet(url)
    assert resolver.asked == []  # literals are never resolved


async def test_the_guard_allows_a_listed_loopback_address():
    assert await TargetGuard(LOOPBACK_ALLOWED, stub({})).vet("http://127.0.0.1:8080/hook") == [
        ipaddress.ip_address("127.0.0.1")
    ]


async def test_a_name_that_resolves_to_a_private_address_is_refused():
    resolver = stub({"rebind.example.com": ["93.184.216.34", "10.0.0.7"], "intranet.example.com": ["192.168.3.4"]})
    guard = TargetGuard(AllowList(), resolver)
    with pytest.raises(UnsafeTarget) as mixed:
        await guard.vet("https://rebind.example.com/hook")
    assert "10.0.0.7" in mixed.value.reason.en  # one bad address refuses the name
    with pytest.raises(UnsafeTarget):
        await guard.vet("http://intranet.example.com:8080/hook")
    assert resolver.asked == [("rebind.example.com", 443), ("intranet.example.com", 8080)]


async def test_a_public_name_passes_and_an_unresolvable_one_is_refused():
    guard = TargetGuard(AllowList(), stub({"hooks.bank.example.com": ["93.184.216.34", "2606:2800:220:1::1"]}))
    assert len(await guard.vet("https://hooks.bank.example.com/kuaiban")) == 2
    with pytest.raises(UnsafeTarget):
        await guard.vet("https://nowhere.example.com/")


async def test_an_allowed_name_may_resolve_to_a_private_address():
    guard = TargetGuard(AllowList.parse("receiver.internal"), stub({"receiver.internal": ["10.20.30.40"]}))
    assert await guard.vet("http://receiver.internal/hook") == [ipaddress.ip_address("10.20.30.40")]
    metadata = TargetGuard(AllowList.parse("meta.internal"), stub({"meta.internal": ["169.254.169.254"]}))
    with pytest.raises(UnsafeTarget):
        await metadata.vet("http://meta.internal/")
