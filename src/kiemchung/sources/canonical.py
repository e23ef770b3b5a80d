"""Canonical URLs: one spelling per document, whatever tracking junk a share added."""

from __future__ import annotations

import ipaddress
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "zarsrc",
        "igshid",
        "mc_cid",
        "mc_eid",
        "ref",
        "ref_src",
        "si",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidURL(ValueError):
    """A URL that cannot be a document's address: a bad port, host or IPv6 literal."""


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment or tracking parameters.

    Raises ``InvalidURL`` (and nothing else) for a URL no browser could open: a port
    outside 0-65535, a broken IPv6 literal, a host that changes under NFKC or is not a
    valid IDNA name (an empty label, a label over 63 characters).
    """
    url = url.strip()
    if not url:
        return ""
    parts = _split(url)
    scheme = parts.scheme.lower()
    host = _host(parts)
    port = _port(parts)
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def check_url(url: str) -> None:
    """Raise ``InvalidURL`` when ``canonical_url`` would; cheaper (no query rewriting)."""
    url = url.strip()
    if url:
        parts = _split(url)
        _host(parts)
        _port(parts)


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError as exc:  # a broken IPv6 literal, a netloc that changes under NFKC
        raise InvalidURL(f"not a valid URL: {exc}") from None


def _host(parts: SplitResult) -> str:
    try:
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError as exc:
        raise InvalidURL(f"not a valid URL: {exc}") from None
    if ":" in host:  # an IPv6 literal (urlsplit removed its brackets)
        return f"[{_ipv6(host)}]"
    if host:
        _check_idna(host)
    return host


def _ipv6(host: str) -> str:
    try:
        return str(ipaddress.IPv6Address(host))
    except ValueError:
        raise InvalidURL(f"not a valid IPv6 address: {host[:100]!r}") from None


def _check_idna(host: str) -> None:
    try:
        host.encode("idna")
    except UnicodeError:
        raise InvalidURL(f"not a valid host name: {host[:100]!r}") from None


def _port(parts: SplitResult) -> int | None:
    try:
        return parts.port
    except ValueError as exc:  # out of range, or not a number
        raise InvalidURL(f"not a valid URL: {exc}") from None


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS
