"""A safe HTTP client for fetching public sources.

Every fetch of a public source goes through :class:`SafeHTTPClient`. It guards against
server-side request forgery and misbehaving servers:

* only ``http`` and ``https`` URLs without credentials are accepted (:func:`validate_url`);
* the host is resolved once per request and *every* resolved address must be public
  (:func:`address_problem`); the connection then goes to the validated address, never to
  a second DNS answer, which defeats DNS rebinding. The original name is kept in the
  ``Host`` header and, for https, in the ``sni_hostname`` extension so that SNI and
  certificate verification use the real name;
* redirects are followed by hand and every hop is validated again;
* bodies are streamed and cut at ``max_bytes``; content types are checked;
* transient failures are retried with capped exponential back-off, and requests to the
  same host are spaced by ``host_interval`` seconds.

Decisions worth knowing:

* An https -> http redirect is followed (many public sites still do it) but the new hop
  is validated like any other URL.
* ``localhost`` and ``*.localhost`` are refused by name before any lookup, unless the
  name itself is in ``FetchPolicy.allow``; an allowed network does not allow the name.
* An allowed hostname skips the address checks; an allowed network accepts the resolved
  addresses it contains.
* Keep-alive is disabled for the default transport: connections are pooled by IP, so a
  TLS connection verified for one name must never be reused for another name.
* Cookies are never stored or sent, and environment proxies are ignored.
* A Retry-After longer than ``retry_after_cap`` ends the retries instead of retrying early.

This module must not import Django; the project wires its settings into ``FetchPolicy``.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Self

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MIB = 1024 * 1024

DEFAULT_CONTENT_TYPES: tuple[str, ...] = (
    "text/",  # html, plain, xml, csv, ...
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/json",
    "application/ld+json",
    "application/feed+json",
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/jsonlines",
    "application/csv",
)

DEFAULT_USER_AGENT = "kiemchung/0.1 (self-hosted verification desk; polite public-source fetcher)"

ACCEPT = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,"
    "application/atom+xml,application/json;q=0.9,text/csv;q=0.8,*/*;q=0.5"
)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits and manners for every fetch. All durations are in seconds."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0  # wall time for one request, body included
    max_bytes: int = 10 * MIB
    max_redirects: int = 5
    retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 30.0
    retry_after_cap: float = 60.0
    host_interval: float = 1.0
    user_agent: str = DEFAULT_USER_AGENT
    allowed_content_types: tuple[str, ...] = DEFAULT_CONTENT_TYPES
    allow: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        durations = (self.connect_timeout, self.read_timeout, self.total_timeout)
        if min(durations) <= 0:
            raise ValueError("timeouts must be positive")
        counts = (self.max_bytes, self.max_redirects, self.retries)
        if min(counts) < 0:
            raise ValueError("max_bytes, max_redirects and retries must not be negative")
        delays = (self.backoff_base, self.backoff_cap, self.retry_after_cap, self.host_interval)
        if min(delays) < 0:
            raise ValueError("back-off and politeness delays must not be negative")
        _allow_rules(self.allow)  # raises ValueError on an unusable entry


class FetchError(Exception):
    """A fetch failed. ``reason`` is a short stable code, the message is for people.

    Reasons: scheme, credentials, no_host, invalid_url, blocked_address, dns, connect,
    tls, network, timeout, too_large, content_type, http_status, too_many_redirects,
    bad_redirect, decoding.
    """

    def __init__(
        self, reason: str, message: str, *, url: str | None = None, status: int | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.url = url
        self.status = status


class BlockedURL(FetchError):
    """The URL or one of its addresses is refused by policy; nothing was sent."""


@dataclass
class FetchResult:
    """The outcome of a successful fetch (2xx) or of a conditional GET (304)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    content_type: str | None
    encoding: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# --- URL validation ----------------------------------------------------------------------


def validate_url(url: str | httpx.URL, policy: FetchPolicy) -> httpx.URL:
    """Check a URL without any network access and return it parsed.

    Refuses other schemes than http/https, credentials in the URL, a missing host,
    ``localhost`` names and literal addresses (in any IPv4 spelling) that are not public.
    Names are resolved and checked later, by :func:`resolve_addresses`.
    """
    text = str(url)
    parsed = _parse_url(url)
    if parsed.scheme not in ("http", "https"):
        raise BlockedURL("scheme", f"Only http and https URLs may be fetched: {text!r}", url=text)
    if parsed.userinfo:
        raise BlockedURL("credentials", "URLs with user names or passwords are refused", url=text)
    host = _host_of(parsed)
    if not host:
        raise BlockedURL("no_host", f"The URL has no host: {text!r}", url=text)
    rules = _allow_rules(policy.allow)
    if host in rules.hosts:
        return parsed
    if host == "localhost" or host.endswith(".localhost"):
        raise BlockedURL("blocked_address", f"Refusing local host name {host!r}", url=text)
    literal = literal_address(host)
    if literal is not None:
        _check_address(literal, rules, host, text)
    return parsed


def _parse_url(url: str | httpx.URL) -> httpx.URL:
    if isinstance(url, httpx.URL):
        return url
    try:
        return httpx.URL(url.strip())
    except httpx.InvalidURL as exc:
        raise BlockedURL("invalid_url", f"Invalid URL {url!r}: {exc}", url=url) from exc


def _host_of(url: httpx.URL) -> str:
    """The ASCII (IDNA) host name, lower case, without a trailing dot."""
    return url.raw_host.decode("ascii").lower().rstrip(".")


_IPV4_PART = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")


def literal_address(host: str) -> IPAddress | None:
    """Return the address a host literally spells, or None for a name.

    Understands IPv6 literals and every IPv4 spelling resolvers accept: dotted,
    shortened (``127.1``), a single number (``2130706433``), hex (``0x7f.0.0.1``) and
    octal (``0177.0.0.1``) parts.
    """
    try:
        return _unmap(ipaddress.ip_address(host))
    except ValueError:
        pass
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.match(part) for part in parts):
        return None
    numbers = [_ipv4_number(part) for part in parts]
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _ipv4_number(part: str) -> int:
    if part.startswith("0x"):
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        try:
            return int(part, 8)
        except ValueError:
            return 1 << 40  # "08", "09": not octal, so not an address
    return int(part)


# --- address checks ----------------------------------------------------------------------

_BLOCKED_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, cloud metadata
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
        "::/96",  # unspecified, loopback, deprecated IPv4-compatible
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments, Teredo
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local
        "ff00::/8",  # multicast
    )
)

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def address_problem(address: IPAddress) -> str | None:
    """Say why an address must not be fetched, or return None when it is public."""
    address = _unmap(address)
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            problem = address_problem(embedded)
            if problem is not None:
                return f"it embeds {embedded}, which is {problem}"
            if address in _NAT64:
                return None  # the real destination is the public IPv4 address
    for network in _BLOCKED_NETWORKS:
        if address.version == network.version and address in network:
            return f"in the non-public network {network}"
    return _flag_problem(address)


def _flag_problem(address: IPAddress) -> str | None:
    flags = (
        ("loopback", address.is_loopback),
        ("private", address.is_private),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("unspecified", address.is_unspecified),
        ("site-local", getattr(address, "is_site_local", False)),
        ("not global", not address.is_global),
    )
    for name, flagged in flags:
        if flagged:
            return name
    return None


def _unmap(address: IPAddress) -> IPAddress:
    """Turn an IPv4-mapped IPv6 address (``::ffff:a.b.c.d``) into plain IPv4."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in a NAT64 or 6to4 IPv6 address, if any."""
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


@dataclass(frozen=True)
class _AllowRules:
    hosts: frozenset[str]
    networks: tuple[IPNetwork, ...]

    def allows(self, address: IPAddress) -> bool:
        candidates = {address, _unmap(address)}
        return any(
            ip.version == net.version and ip in net for ip in candidates for net in self.networks
        )


@functools.lru_cache(maxsize=64)
def _allow_rules(allow: tuple[str, ...]) -> _AllowRules:
    hosts: set[str] = set()
    networks: list[IPNetwork] = []
    for entry in allow:
        cleaned = entry.strip().lower().strip("[]").rstrip(".")
        if not cleaned:
            raise ValueError(f"empty entry in the allow list: {entry!r}")
        try:
            networks.append(ipaddress.ip_network(cleaned, strict=False))
        except ValueError:
            hosts.add(_allowed_host_name(entry, cleaned))
    return _AllowRules(frozenset(hosts), tuple(networks))


def _allowed_host_name(entry: str, cleaned: str) -> str:
    if "/" in cleaned or ":" in cleaned or " " in cleaned:
        raise ValueError(f"not a host name or a CIDR network: {entry!r}")
    try:
        return cleaned.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"not a valid host name: {entry!r}") from exc


def _check_address(address: IPAddress, rules: _AllowRules, host: str, url: str) -> None:
    if rules.allows(address):
        return
    problem = address_problem(address)
    if problem is not None:
        message = f"Refusing {host!r}: address {address} is {problem}"
        raise BlockedURL("blocked_address", message, url=url)


def resolve_addresses(url: httpx.URL, policy: FetchPolicy) -> tuple[IPAddress, ...]:
    """Resolve the URL's host and check every address; return them in resolver order.

    Raises :class:`BlockedURL` if ANY address is refused, ``FetchError("dns")`` when the
    name does not resolve. Literal addresses are not looked up.
    """
    host = _host_of(url)
    literal = literal_address(host)
    addresses = (literal,) if literal is not None else _lookup(host, url)
    rules = _allow_rules(policy.allow)
    if host not in rules.hosts:
        for address in addresses:
            _check_address(address, rules, host, str(url))
    return addresses


def _lookup(host: str, url: httpx.URL) -> tuple[IPAddress, ...]:
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError("dns", f"Cannot resolve {host!r}: {exc}", url=str(url)) from exc
    addresses: list[IPAddress] = []
    for info in infos:
        address = _unmap(_sockaddr_ip(info[4][0], host, url))
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError("dns", f"No address found for {host!r}", url=str(url))
    return tuple(addresses)


def _sockaddr_ip(raw: object, host: str, url: httpx.URL) -> IPAddress:
    try:
        return ipaddress.ip_address(str(raw))
    except ValueError as exc:
        message = f"Refusing {host!r}: the resolver returned {raw!r}"
        raise BlockedURL("blocked_address", message, url=str(url)) from exc


# --- politeness --------------------------------------------------------------------------


class HostThrottle:
    """Keeps at least ``interval`` seconds between two requests to the same host.

    Thread-safe: each caller reserves the next free slot under the lock, then sleeps
    outside it, so concurrent callers for one host are spaced out in turn.
    """

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def wait(self, host: str) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self.interval
        if slot > now:
            self._sleep(slot - now)


# --- the client --------------------------------------------------------------------------


class _Retry(Exception):
    """Internal: a transient failure; ``delay`` is the server's Retry-After, if any."""

    def __init__(self, error: FetchError, delay: float | None = None) -> None:
        super().__init__(error.message)
        self.error = error
        self.delay = delay


@dataclass(frozen=True)
class _Redirect:
    location: str


class SafeHTTPClient:
    """Fetches public URLs under a :class:`FetchPolicy`. Safe to share between threads."""

    def __init__(
        self,
        policy: FetchPolicy,
        transport: httpx.BaseTransport | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        self._clock = clock
        self._throttle = HostThrottle(policy.host_interval, clock=clock, sleep=sleep)
        self._client = httpx.Client(
            transport=transport,
            timeout=_timeout(policy),
            follow_redirects=False,
            trust_env=False,  # no proxies or .netrc from the environment
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={
                "User-Agent": policy.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate",
            },
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET a URL, following redirects; send validators for a conditional GET."""
        current = validate_url(url, self.policy)
        headers = _conditional_headers(etag, last_modified)
        for _hop in range(self.policy.max_redirects + 1):
            outcome = self._fetch_with_retries(current, headers)
            if isinstance(outcome, FetchResult):
                return _with_validators(outcome, etag, last_modified)
            current = _redirect_target(current, outcome, self.policy)
        message = f"More than {self.policy.max_redirects} redirects starting at {url}"
        raise FetchError("too_many_redirects", message, url=url)

    def post(self, url: str, content: bytes, headers: dict[str, str]) -> FetchResult:
        """POST once to a URL under the same address rules as ``fetch`` (webhooks, chat
        replies). No redirect is followed and no retry made: the caller decides. Any
        status is returned; transport failures raise ``FetchError``."""
        target = validate_url(url, self.policy)
        addresses = resolve_addresses(target, self.policy)
        self._throttle.wait(_host_of(target))
        deadline = self._clock() + self.policy.total_timeout
        last_error: FetchError | None = None
        for address in addresses:
            request = self._pinned_request(target, address, headers, method="POST", body=content)
            try:
                return self._post_to(target, request, deadline)
            except _Retry as retry:
                last_error = retry.error
                if retry.error.reason != "connect":
                    break  # only a refused connection moves on to the next address
        raise last_error or FetchError("connect", f"No address to post to for {url}", url=url)

    def _post_to(self, url: httpx.URL, request: httpx.Request, deadline: float) -> FetchResult:
        with _transport_errors(str(url)):
            response = self._client.send(request, stream=True)
            try:
                return _result(url, response, self._read_body(url, response, deadline))
            finally:
                response.close()

    def _fetch_with_retries(self, url: httpx.URL, headers: dict[str, str]) -> Outcome:
        attempt = 0
        while True:
            try:
                return self._attempt(url, headers)
            except _Retry as retry:
                delay = self._retry_delay(attempt, retry)
                if delay is None:
                    raise retry.error from retry.__cause__
                self._sleep(delay)
                attempt += 1

    def _retry_delay(self, attempt: int, retry: _Retry) -> float | None:
        """Seconds to wait before the next attempt, or None to give up."""
        if attempt >= self.policy.retries:
            return None
        backoff = min(self.policy.backoff_cap, self.policy.backoff_base * 2.0**attempt)
        if retry.delay is None:
            return backoff
        if retry.delay > self.policy.retry_after_cap:
            return None  # the server asks for more patience than we have
        return max(backoff, retry.delay)

    def _attempt(self, url: httpx.URL, headers: dict[str, str]) -> Outcome:
        addresses = resolve_addresses(url, self.policy)
        self._throttle.wait(_host_of(url))
        deadline = self._clock() + self.policy.total_timeout
        *others, last = addresses
        for address in others:
            try:
                return self._send(url, address, headers, deadline)
            except _Retry as retry:
                if retry.error.reason != "connect":
                    raise  # only a refused connection moves on to the next address
        return self._send(url, last, headers, deadline)

    def _send(
        self, url: httpx.URL, address: IPAddress, headers: dict[str, str], deadline: float
    ) -> Outcome:
        request = self._pinned_request(url, address, headers)
        with _transport_errors(str(url)):
            response = self._client.send(request, stream=True)
            try:
                return self._handle(url, response, deadline)
            finally:
                response.close()

    def _pinned_request(
        self,
        url: httpx.URL,
        address: IPAddress,
        headers: dict[str, str],
        *,
        method: str = "GET",
        body: bytes | None = None,
    ) -> httpx.Request:
        """A request to the validated address that still names the original host."""
        extensions: dict[str, str] = {}
        if url.scheme == "https" and literal_address(_host_of(url)) is None:
            extensions["sni_hostname"] = _host_of(url)
        return self._client.build_request(
            method,
            url.copy_with(host=str(address)),
            headers={**headers, "Host": url.netloc.decode("ascii")},
            content=body,
            extensions=extensions,
        )

    def _handle(self, url: httpx.URL, response: httpx.Response, deadline: float) -> Outcome:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            return _Redirect(response.headers.get("location", ""))
        if status == 304:
            return _result(url, response, b"")
        _raise_for_status(url, response)
        _check_content_type(url, response, self.policy)
        _check_declared_length(url, response, self.policy)
        return _result(url, response, self._read_body(url, response, deadline))

    def _read_body(self, url: httpx.URL, response: httpx.Response, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                message = f"{url} sends more than {self.policy.max_bytes} bytes"
                raise FetchError("too_large", message, url=str(url))
            if self._clock() > deadline:
                message = f"{url} took more than {self.policy.total_timeout} s to send its body"
                raise FetchError("timeout", message, url=str(url))
            chunks.append(chunk)
        return b"".join(chunks)


Outcome = FetchResult | _Redirect


def _timeout(policy: FetchPolicy) -> httpx.Timeout:
    return httpx.Timeout(
        connect=policy.connect_timeout,
        read=policy.read_timeout,
        write=policy.read_timeout,
        pool=policy.connect_timeout,
    )


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _with_validators(
    result: FetchResult, etag: str | None, last_modified: str | None
) -> FetchResult:
    """A 304 may omit the validators; keep the caller's ones then."""
    if result.not_modified:
        result.etag = result.etag or etag
        result.last_modified = result.last_modified or last_modified
    return result


def _redirect_target(current: httpx.URL, redirect: _Redirect, policy: FetchPolicy) -> httpx.URL:
    if not redirect.location.strip():
        message = f"{current} redirects without a Location header"
        raise FetchError("bad_redirect", message, url=str(current))
    try:
        target = current.join(redirect.location.strip())
    except httpx.InvalidURL as exc:
        message = f"{current} redirects to an invalid URL {redirect.location!r}"
        raise BlockedURL("invalid_url", message, url=str(current)) from exc
    return validate_url(target.copy_with(fragment=None), policy)


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@contextlib.contextmanager
def _transport_errors(url: str) -> Iterator[None]:
    """Translate httpx transport errors into FetchError (wrapped in _Retry if transient)."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise _Retry(FetchError("timeout", f"Timed out fetching {url}: {exc!r}", url=url)) from exc
    except httpx.ConnectError as exc:
        if _caused_by_tls(exc):
            raise FetchError("tls", f"TLS failure with {url}: {exc}", url=url) from exc
        raise _Retry(FetchError("connect", f"Cannot connect to {url}: {exc}", url=url)) from exc
    except httpx.DecodingError as exc:
        raise FetchError("decoding", f"Cannot decode the body of {url}: {exc}", url=url) from exc
    except httpx.TransportError as exc:
        message = f"Network error with {url}: {exc!r}"
        raise _Retry(FetchError("network", message, url=url)) from exc


def _raise_for_status(url: httpx.URL, response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    error = FetchError("http_status", f"HTTP {status} from {url}", url=str(url), status=status)
    if status == 429 or status >= 500:
        raise _Retry(error, _retry_after(response.headers.get("retry-after")))
    raise error


def _retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def media_type(content_type: str | None) -> str | None:
    """The lower-case media type of a Content-Type header, without parameters."""
    if not content_type:
        return None
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind or None


def _check_content_type(url: httpx.URL, response: httpx.Response, policy: FetchPolicy) -> None:
    kind = media_type(response.headers.get("content-type"))
    if kind is None or kind.startswith(tuple(p.lower() for p in policy.allowed_content_types)):
        return  # a missing type is allowed: the caller sniffs the content
    message = f"{url} serves {kind!r}, which is not an accepted content type"
    raise FetchError("content_type", message, url=str(url), status=response.status_code)


def _check_declared_length(url: httpx.URL, response: httpx.Response, policy: FetchPolicy) -> None:
    declared = response.headers.get("content-length", "").strip()
    if declared.isascii() and declared.isdigit() and int(declared) > policy.max_bytes:
        message = f"{url} announces {declared} bytes, more than {policy.max_bytes}"
        raise FetchError("too_large", message, url=str(url), status=response.status_code)


def _result(url: httpx.URL, response: httpx.Response, content: bytes) -> FetchResult:
    headers = {key.lower(): value for key, value in response.headers.items()}
    return FetchResult(
        url=str(url),
        status=response.status_code,
        headers=headers,
        content=content,
        content_type=media_type(headers.get("content-type")),
        encoding=response.charset_encoding,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )
