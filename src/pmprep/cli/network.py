"""This computer's addresses on its networks, for `pmprep serve --host 0.0.0.0`: the links to print, and the
host names to answer to. Found by asking the operating system; nothing is sent anywhere."""

from __future__ import annotations

import ipaddress
import socket
import sys

SIOCGIFADDR = 0x8915  # Linux's ioctl for an interface's IPv4 address


def network_addresses() -> list[str]:
    """This computer's IPv4 addresses that another computer could reach (not loopback or link-local), sorted."""
    found = _interface_addresses() if sys.platform.startswith("linux") else _host_name_addresses()
    usable = []
    for raw in found:
        try:
            address = ipaddress.ip_address(raw)
        except ValueError:
            continue
        if not (address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast):
            usable.append(address)
    return [str(a) for a in sorted(usable)]


def host_names() -> list[str]:
    """The names this computer goes by on a home network: its host name and, for mDNS (Bonjour, Avahi), NAME.local."""
    name = socket.gethostname().strip().lower().rstrip(".")
    if not name or name == "localhost":
        return []
    return [name] if name.endswith(".local") else [name, f"{name}.local"]


def _interface_addresses() -> list[str]:
    import fcntl
    import struct

    addresses = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue  # no IPv4 address on this interface
            addresses.append(socket.inet_ntoa(packed[20:24]))
    return addresses


def _host_name_addresses() -> list[str]:
    # What the host name resolves to: on macOS and Windows the system answers for its own name with its
    # network addresses. (Not on Linux, where it is often only 127.0.1.1, or a question to a DNS server.)
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]
