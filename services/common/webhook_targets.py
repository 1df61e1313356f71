"""Which URLs a webhook may be sent to: public http(s) targets only, unless the operator allows more.

Refused: loopback, private, link-local, unique-local, multicast, unspecified, reserved and shared (CGNAT)
addresses, and the cloud metadata services, always (`KUAIBAN_WEBHOOK_ALLOW_HOSTS` cannot allow those). A host
name is resolved and every address it resolves to must pass. Numeric hosts in any form but the canonical one
(`127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1`) are refused outright: they only serve to hide an address.

The rules are pure (`check_address`, `parse_host`, `AllowList`); `TargetGuard` adds resolution, and is used
at registration and again at every delivery (against DNS rebinding: the relay connects only to the
addresses it has just checked, see `VettedResolver` in the finance relay).
"""

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from services.common.texts import Text

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]
"""Resolves (host, port) to address strings; tests pass a stub that never touches the network."""

METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "fd20:ce::254")
)
"""Cloud instance metadata (AWS, ECS, Alibaba Cloud, GCP IPv6): never a webhook target."""
NAT64 = ipaddress.ip_network("64:ff9b::/96")
RESOLVE_TIMEOUT_SECONDS = 3.0
_NUMERIC_LABEL = re.compile(r"(0[xX][0-9a-fA-F]*|[0-9]+)")


class UnsafeTarget(ValueError):
    """The URL may not be used as a webhook target; the message says why, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason)
        self.reason = reason


def _number(label: str) -> int:
    """One label as inet_aton reads it: 0x hexadecimal, leading-zero octal, else decimal."""
    if label[:2].lower() == "0x":
        return int(label[2:] or "0", 16)
    return int(label, 8) if len(label) > 1 and label[0] == "0" else int(label)


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address an inet_aton-style host means (`127.1`, `0x7f000001`, `2130706433`), or None if not numeric."""
    labels = host.rstrip(".").split(".")
    if not _NUMERIC_LABEL.fullmatch(labels[-1]):
        return None  # a name (WHATWG: a host is IPv4 when its last label is a number)
    if len(labels) > 4 or not all(_NUMERIC_LABEL.fullmatch(label) for label in labels):
        raise UnsafeTarget(Text(f"无效的数字地址：{host}", f"Not a valid numeric address: {host}"))
    try:
        parts = [_number(label) for label in labels]
    except ValueError as exc:
        raise UnsafeTarget(Text(f"无效的数字地址：{host}", f"Not a valid numeric address: {host}")) from exc
    *head, last = parts
    if any(p > 255 for p in head) or last >= 256 ** (4 - len(head)):
        raise UnsafeTarget(Text(f"无效的数字地址：{host}", f"Not a valid numeric address: {host}"))
    value = sum(p << (8 * (3 - i)) for i, p in enumerate(head)) + last
    return ipaddress.IPv4Address(value)


def parse_host(host: str) -> IPAddress | str:
    """An IP literal as an address, a name as its lower-case string; non-canonical numeric forms are refused."""
    bare = host.strip("[]")
    try:
        return ipaddress.ip_address(bare.split("%")[0]) if ":" in bare else ipaddress.IPv4Address(bare)
    except ValueError:
        if ":" in bare:
            raise UnsafeTarget(Text(f"无效的 IPv6 地址：{host}", f"Not a valid IPv6 address: {host}")) from None
    legacy = _legacy_ipv4(bare)
    if legacy is not None:
        raise UnsafeTarget(
            Text(
                f"数字地址 {host} 须写成标准形式（它指向 {legacy}）",
                f"The numeric address {host} must be written in its canonical form (it means {legacy})",
            )
        )
    return bare.lower()


def _unwrapped(address: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, which is where packets would go."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


@dataclass(frozen=True)
class AllowList:
    """`KUAIBAN_WEBHOOK_ALLOW_HOSTS`: host names and networks whose private addresses are allowed."""

    names: frozenset[str] = frozenset()
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def parse(cls, setting: str) -> "AllowList":
        names, networks = set(), []
        for entry in (e.strip() for e in setting.split(",")):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.replace("[", "").replace("]", ""), strict=False))
            except ValueError:
                names.add(entry.lower().rstrip("."))
        return cls(frozenset(names), tuple(networks))

    def allows(self, address: IPAddress, name: str | None = None) -> bool:
        if name is not None and name.rstrip(".") in self.names:
            return True
        return any(address.version == net.version and address in net for net in self.networks)


def check_address(address: IPAddress, allow: AllowList = AllowList(), name: str | None = None) -> None:
    """Raise `UnsafeTarget` unless a webhook may be sent to `address` (reached through host `name`, if any)."""
    target = _unwrapped(address)
    shown = f"{name} → {address}" if name else str(address)
    if address in METADATA or target in METADATA:
        raise UnsafeTarget(Text(f"不能使用云元数据地址：{shown}", f"Cloud metadata addresses are refused: {shown}"))
    if target.is_multicast or target.is_unspecified:
        raise UnsafeTarget(Text(f"不能使用此类地址：{shown}", f"Multicast or unspecified address: {shown}"))
    if target.is_global or allow.allows(target, name) or allow.allows(address, name):
        return
    raise UnsafeTarget(
        Text(
            f"地址 {shown} 不是公网地址（回环、内网、链路本地等），且未列入 KUAIBAN_WEBHOOK_ALLOW_HOSTS",
            f"{shown} is not a public address (loopback, private, link-local, ...) "
            "and KUAIBAN_WEBHOOK_ALLOW_HOSTS does not list it",
        )
    )


@dataclass(frozen=True)
class Target:
    """A parsed webhook URL: scheme, host as written (an address or a lower-case name) and port."""

    scheme: str
    host: IPAddress | str
    port: int


def parse_url(url: str) -> Target:
    """Only absolute http(s) URLs with a host and without credentials."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeTarget(Text("URL 无法解析", "The URL cannot be parsed")) from exc
    if parts.scheme not in ("http", "https"):
        raise UnsafeTarget(Text("只支持 http 和 https", "Only http and https URLs are accepted"))
    if not parts.hostname:
        raise UnsafeTarget(Text("URL 须含主机名", "The URL must name a host"))
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget(Text("URL 不能包含用户名或密码", "The URL must not carry credentials"))
    host = parse_host(parts.hostname)
    return Target(parts.scheme, host, port or (443 if parts.scheme == "https" else 80))


async def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's resolver (getaddrinfo), bounded in time."""
    loop = asyncio.get_running_loop()
    infos = await asyncio.wait_for(
        loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout=RESOLVE_TIMEOUT_SECONDS
    )
    return [info[4][0] for info in infos]


@dataclass
class TargetGuard:
    """The rules with resolution: `vet(url)` returns the checked addresses a delivery may connect to."""

    allow: AllowList = field(default_factory=AllowList)
    resolver: Resolver = system_resolver

    @classmethod
    def from_setting(cls, allow_hosts: str, resolver: Resolver = system_resolver) -> "TargetGuard":
        return cls(AllowList.parse(allow_hosts), resolver)

    async def vet(self, url: str) -> list[IPAddress]:
        target = parse_url(url)
        if not isinstance(target.host, str):
            check_address(target.host, self.allow)
            return [target.host]
        return await self.vet_name(target.host, target.port)

    async def vet_name(self, name: str, port: int) -> list[IPAddress]:
        """Resolve `name`; every address must pass (one bad address refuses the name: no mixed answers)."""
        try:
            found = await self.resolver(name, port)
        except (OSError, TimeoutError) as exc:
            raise UnsafeTarget(Text(f"无法解析主机名 {name}", f"The host name {name} cannot be resolved")) from exc
        addresses = _distinct(ipaddress.ip_address(a.split("%")[0]) for a in found)
        if not addresses:
            raise UnsafeTarget(Text(f"无法解析主机名 {name}", f"The host name {name} cannot be resolved"))
        for address in addresses:
            check_address(address, self.allow, name)
        return addresses


def _distinct(addresses: Iterable[IPAddress]) -> list[IPAddress]:
    return list(dict.fromkeys(addresses))
