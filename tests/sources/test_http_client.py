"""Tests for the safe HTTP client.

Positive cases talk to a real server on 127.0.0.1 (allowed by the policy); refusals must
happen before any lookup or connection. Public addresses are only ever faked: a patched
resolver and an httpx.MockTransport, so no traffic leaves the loopback interface.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiemchung.sources.http import (
    BlockedURL,
    FetchError,
    FetchPolicy,
    HostThrottle,
    SafeHTTPClient,
    address_problem,
    literal_address,
    validate_url,
)

REAL_GETADDRINFO = socket.getaddrinfo
PUBLIC_V4 = "93.184.215.14"
PUBLIC_V6 = "2606:4700::1111"

# --- a real local server ------------------------------------------------------------------

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LocalServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.routes.get(self.path)
        if route is None:
            reply(self, 404, b"not found", "text/plain")
        else:
            route(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output quiet


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # clients hanging up are expected
            super().handle_error(request, client_address)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _headers in self.requests]


def reply(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str | None = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    if content_type is not None:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextlib.contextmanager
def serve(server: ThreadingHTTPServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.daemon = True
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    with serve(local):
        yield local


def local_policy(**changes: Any) -> FetchPolicy:
    policy = FetchPolicy(
        allow=("127.0.0.1",),
        host_interval=0.0,
        connect_timeout=1.0,
        read_timeout=1.0,
    )
    return replace(policy, **changes)


@dataclass
class Sleeps:
    """A fake sleep that records the delays instead of waiting."""

    delays: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def local_client(sleeps: Sleeps, **changes: Any) -> SafeHTTPClient:
    return SafeHTTPClient(local_policy(**changes), sleep=sleeps)


def capture(func: Callable[[], object]) -> FetchError:
    with pytest.raises(FetchError) as caught:
        func()
    return caught.value


# --- a fake resolver and a transport that must not be used ---------------------------------


@dataclass
class FakeDNS:
    """Answers for chosen names; real lookups only for literal addresses (the transport's
    own connect to 127.0.0.1); any other name fails as if there were no network."""

    table: dict[str, list[str]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in self.table:
            self.calls.append(name)
            return [info(address, int(port or 0)) for address in self.table[name]]
        if literal_address(name) is not None:
            return REAL_GETADDRINFO(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"fake DNS does not know {name}")


def info(address: str, port: int) -> tuple[Any, ...]:
    if ipaddress.ip_address(address).version == 6:
        return (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    fake = FakeDNS()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


@dataclass
class Recorder:
    """A MockTransport handler that records requests and answers from a list."""

    responses: list[httpx.Response | Exception] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.responses.pop(0) if self.responses else httpx.Response(200, text="ok")
        if isinstance(answer, Exception):
            raise answer
        return answer

    def client(self, policy: FetchPolicy | None = None, **kwargs: Any) -> SafeHTTPClient:
        chosen = policy or FetchPolicy(host_interval=0.0)
        return SafeHTTPClient(chosen, transport=httpx.MockTransport(self), **kwargs)


def no_lookup(host: Any, *args: Any, **kwargs: Any) -> list[Any]:
    raise AssertionError(f"unexpected DNS lookup of {host!r}")


def no_connection(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"unexpected request to {request.url}")


# --- refusals without any lookup or connection ---------------------------------------------

REFUSED = [
    ("http://127.0.0.1/", "blocked_address"),
    ("http://127.0.0.1:8000/admin", "blocked_address"),
    ("http://localhost/", "blocked_address"),
    ("http://LOCALHOST./", "blocked_address"),
    ("http://api.localhost/", "blocked_address"),
    ("http://[::1]/", "blocked_address"),
    ("http://[::ffff:127.0.0.1]/", "blocked_address"),
    ("http://[::ffff:7f00:1]/", "blocked_address"),
    ("http://[::127.0.0.1]/", "blocked_address"),  # IPv4-compatible
    ("http://[64:ff9b::7f00:1]/", "blocked_address"),  # NAT64 of loopback
    ("http://[64:ff9b::a9fe:a9fe]/", "blocked_address"),  # NAT64 of the metadata service
    ("http://[2002:a9fe:a9fe::1]/", "blocked_address"),  # 6to4 of the metadata service
    ("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "blocked_address"),  # Teredo
    ("http://[fe80::1]/", "blocked_address"),
    ("http://[fc00::1]/", "blocked_address"),
    ("http://[fec0::1]/", "blocked_address"),
    ("http://[ff02::1]/", "blocked_address"),
    ("http://[::]/", "blocked_address"),
    ("http://10.0.0.1/", "blocked_address"),
    ("http://192.168.1.1/", "blocked_address"),
    ("http://172.16.0.1/", "blocked_address"),
    ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
    ("http://100.64.0.1/", "blocked_address"),
    ("http://224.0.0.1/", "blocked_address"),
    ("http://0.0.0.0/", "blocked_address"),
    ("http://255.255.255.255/", "blocked_address"),
    ("http://198.18.0.1/", "blocked_address"),
    ("http://2130706433/", "blocked_address"),
    ("http://0x7f000001/", "blocked_address"),
    ("http://0x7f.0.0.1/", "blocked_address"),
    ("http://0177.0.0.1/", "invalid_url"),  # httpx itself rejects this spelling
    ("http://127.1/", "blocked_address"),
    ("http://10.1/", "blocked_address"),
    ("ftp://example.org/file", "scheme"),
    ("file:///etc/passwd", "scheme"),
    ("gopher://example.org/", "scheme"),
    ("javascript:alert(1)", "scheme"),
    ("data:text/html,hello", "scheme"),
    ("not a url", "scheme"),
    ("http://user:pass@example.org/", "credentials"),
    ("http://user@example.org/", "credentials"),
    ("http:///path-only", "no_host"),
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_validate_url_refuses_unsafe_urls_without_any_lookup(
    url: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    with pytest.raises(BlockedURL) as caught:
        validate_url(url, FetchPolicy())
    assert caught.value.reason == reason
    assert caught.value.message


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_fetch_refuses_unsafe_urls_without_any_connection(
    url: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    with SafeHTTPClient(FetchPolicy(), transport=httpx.MockTransport(no_connection)) as client:
        error = capture(lambda: client.fetch(url))
    assert isinstance(error, BlockedURL)
    assert error.reason == reason


def test_it_accepts_a_public_https_url_without_a_lookup() -> None:
    assert str(validate_url("https://example.org/feed.xml", FetchPolicy())) == (
        "https://example.org/feed.xml"
    )


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("192.168.257", "192.168.1.1"),
        ("::ffff:127.0.0.1", "127.0.0.1"),
        ("93.184.215.14", "93.184.215.14"),
        ("example.org", None),
        ("08.1.1.1", None),
        ("4294967296", None),
    ],
)
def test_literal_address_decodes_every_ipv4_spelling(host: str, expected: str | None) -> None:
    address = literal_address(host)
    assert (str(address) if address else None) == expected


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "0.0.0.0",  # noqa: S104 - an address under test, not a bind
        "192.0.2.1",
        "192.88.99.1",
        "::1",
        "::",
        "::ffff:10.0.0.1",
        "::10.0.0.1",
        "64:ff9b::a00:1",
        "64:ff9b:1::1",
        "2002:c0a8:101::1",
        "2001::1",
        "2001:db8::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "ff0e::1",
    ],
)
def test_address_problem_flags_every_non_public_address(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize(
    "address",
    [PUBLIC_V4, "8.8.8.8", PUBLIC_V6, "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"],
)
def test_address_problem_accepts_public_addresses(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def test_the_policy_rejects_an_empty_allow_entry() -> None:
    with pytest.raises(ValueError, match="allow"):
        FetchPolicy(allow=("",))


# --- resolution, pinning and the allow list (fake DNS, mock transport) ---------------------


def test_it_refuses_a_name_when_any_resolved_address_is_private(dns: FakeDNS) -> None:
    dns.table["mixed.example"] = [PUBLIC_V4, "10.0.0.7"]
    with SafeHTTPClient(FetchPolicy(), transport=httpx.MockTransport(no_connection)) as client:
        error = capture(lambda: client.fetch("http://mixed.example/"))
    assert isinstance(error, BlockedURL)
    assert error.reason == "blocked_address"
    assert "10.0.0.7" in error.message


@pytest.mark.parametrize("address", ["::ffff:127.0.0.1", "::1", "169.254.169.254", "fd00::1"])
def test_it_refuses_a_name_that_resolves_to_a_non_public_address(
    dns: FakeDNS, address: str
) -> None:
    dns.table["rebind.example"] = [address]
    with SafeHTTPClient(FetchPolicy(), transport=httpx.MockTransport(no_connection)) as client:
        error = capture(lambda: client.fetch("https://rebind.example/"))
    assert error.reason == "blocked_address"


def test_it_reports_a_name_that_does_not_resolve(dns: FakeDNS) -> None:
    with SafeHTTPClient(FetchPolicy(), transport=httpx.MockTransport(no_connection)) as client:
        error = capture(lambda: client.fetch("https://unknown.example/"))
    assert not isinstance(error, BlockedURL)
    assert error.reason == "dns"


@pytest.mark.parametrize(
    ("url", "ip_host", "host_header", "sni"),
    [
        ("https://example.org/feed.xml", PUBLIC_V4, "example.org", "example.org"),
        ("https://EXAMPLE.org:8443/a?b=1", PUBLIC_V4, "example.org:8443", "example.org"),
        ("http://example.org/", PUBLIC_V4, "example.org", None),
        ("http://example.org:80/", PUBLIC_V4, "example.org", None),
        ("https://bücher.example/", PUBLIC_V4, "xn--bcher-kva.example", "xn--bcher-kva.example"),
    ],
)
def test_it_connects_to_the_validated_address_under_the_original_name(
    dns: FakeDNS, url: str, ip_host: str, host_header: str, sni: str | None
) -> None:
    dns.table[host_header.split(":")[0]] = [ip_host]
    recorder = Recorder()
    with recorder.client() as client:
        result = client.fetch(url)
    (request,) = recorder.requests
    assert request.url.host == ip_host
    assert request.headers["host"] == host_header
    assert request.extensions.get("sni_hostname") == sni
    assert result.url == str(httpx.URL(url))


def test_it_puts_an_ipv6_address_in_brackets(dns: FakeDNS) -> None:
    dns.table["v6.example"] = [PUBLIC_V6]
    recorder = Recorder()
    with recorder.client() as client:
        client.fetch("https://v6.example/x")
    (request,) = recorder.requests
    assert str(request.url) == f"https://[{PUBLIC_V6}]/x"
    assert request.headers["host"] == "v6.example"


def test_it_looks_a_name_up_once_and_never_follows_a_rebinding(dns: FakeDNS) -> None:
    dns.table["rebind.example"] = [PUBLIC_V4]
    recorder = Recorder()

    def rebind(request: httpx.Request) -> httpx.Response:
        dns.table["rebind.example"] = ["127.0.0.1"]  # a second lookup would now be private
        return recorder(request)

    with SafeHTTPClient(FetchPolicy(host_interval=0), transport=httpx.MockTransport(rebind)) as c:
        c.fetch("http://rebind.example/")
        error = capture(lambda: c.fetch("http://rebind.example/"))
    assert dns.calls == ["rebind.example", "rebind.example"]
    assert [r.url.host for r in recorder.requests] == [PUBLIC_V4]
    assert error.reason == "blocked_address"


def test_it_tries_the_next_address_when_a_connection_is_refused(dns: FakeDNS) -> None:
    dns.table["two.example"] = [PUBLIC_V6, PUBLIC_V4]
    recorder = Recorder([httpx.ConnectError("no route"), httpx.Response(200, text="ok")])
    sleeps = Sleeps()
    with recorder.client(sleep=sleeps) as client:
        result = client.fetch("http://two.example/")
    assert [r.url.host for r in recorder.requests] == [PUBLIC_V6, PUBLIC_V4]
    assert result.content == b"ok"
    assert sleeps.delays == []


@pytest.mark.parametrize(
    ("allow", "address"),
    [
        (("intranet.example",), "10.1.2.3"),
        (("INTRANET.example.",), "fd00::5"),
        (("10.0.0.0/8",), "10.1.2.3"),
        (("fd00::/8",), "fd00::5"),
    ],
)
def test_the_allow_list_admits_trusted_hosts_and_networks(
    dns: FakeDNS, allow: tuple[str, ...], address: str
) -> None:
    dns.table["intranet.example"] = [address]
    recorder = Recorder()
    with recorder.client(FetchPolicy(allow=allow, host_interval=0)) as client:
        assert client.fetch("http://intranet.example/").status == 200
    assert recorder.requests[0].url.host == address


def test_an_allowed_network_does_not_admit_the_name_localhost() -> None:
    with pytest.raises(BlockedURL):
        validate_url("http://localhost/", FetchPolicy(allow=("127.0.0.0/8",)))
    assert validate_url("http://localhost/", FetchPolicy(allow=("localhost",)))


def test_it_neither_keeps_nor_sends_cookies(dns: FakeDNS) -> None:
    dns.table["example.org"] = [PUBLIC_V4]
    recorder = Recorder([httpx.Response(200, headers={"Set-Cookie": "id=1; Path=/"}, text="a")])
    with recorder.client() as client:
        client.fetch("http://example.org/")
        client.fetch("http://example.org/")
    assert "cookie" not in recorder.requests[1].headers


def test_it_refuses_a_redirect_to_a_private_address_before_connecting(dns: FakeDNS) -> None:
    dns.table["example.org"] = [PUBLIC_V4]
    dns.table["evil.example"] = ["192.168.0.10"]
    moved = httpx.Response(302, headers={"Location": "http://evil.example/admin"})
    recorder = Recorder([moved])
    with recorder.client() as client:
        error = capture(lambda: client.fetch("https://example.org/"))
    assert error.reason == "blocked_address"
    assert len(recorder.requests) == 1


# --- politeness ----------------------------------------------------------------------------


@dataclass
class FakeClock:
    now: float = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_throttle_spaces_requests_to_the_same_host() -> None:
    clock, sleeps = FakeClock(), Sleeps()
    throttle = HostThrottle(1.0, clock=clock, sleep=sleeps)
    throttle.wait("a.example")
    throttle.wait("b.example")
    throttle.wait("a.example")
    clock.now += 5.0
    throttle.wait("a.example")
    assert sleeps.delays == [1.0]


def test_the_throttle_gives_concurrent_callers_distinct_slots() -> None:
    sleeps = Sleeps()
    throttle = HostThrottle(0.5, clock=FakeClock(), sleep=sleeps)
    threads = [threading.Thread(target=throttle.wait, args=("a.example",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(sleeps.delays) == [0.5 * n for n in range(1, 8)]


def test_the_client_waits_between_two_requests_to_the_same_host(dns: FakeDNS) -> None:
    dns.table["example.org"] = [PUBLIC_V4]
    dns.table["example.net"] = [PUBLIC_V4]
    sleeps = Sleeps()
    with Recorder().client(FetchPolicy(), sleep=sleeps, clock=FakeClock()) as client:
        client.fetch("https://example.org/a")
        client.fetch("https://example.net/")
        client.fetch("https://example.org/b")
    assert sleeps.delays == [1.0]


# --- the real local server -----------------------------------------------------------------


def page(handler: Handler) -> None:
    headers = {"ETag": '"v1"', "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"}
    reply(handler, 200, "<p>chào</p>".encode(), "text/html; charset=utf-8", headers)


def conditional(handler: Handler) -> None:
    if handler.headers.get("If-None-Match") == '"v1"':
        reply(handler, 304, content_type=None, headers={"ETag": '"v1"'})
    else:
        page(handler)


def redirect_to(location: str) -> Route:
    return lambda handler: reply(handler, 302, content_type=None, headers={"Location": location})


def test_it_fetches_a_page_with_its_validators(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/page"] = page
    with local_client(sleeps) as client:
        result = client.fetch(server.url("/page"))
    assert result.status == 200
    assert not result.not_modified
    assert result.content.decode() == "<p>chào</p>"
    assert result.content_type == "text/html"
    assert result.encoding == "utf-8"
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert result.headers["content-type"] == "text/html; charset=utf-8"
    assert result.url == server.url("/page")
    sent = server.requests[0][1]
    assert sent["host"] == f"127.0.0.1:{server.port}"
    assert sent["user-agent"].startswith("kiemchung/")
    assert "if-none-match" not in sent


def test_it_sends_validators_and_reports_not_modified(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/feed"] = conditional
    since = "Wed, 01 Jan 2025 00:00:00 GMT"
    with local_client(sleeps) as client:
        result = client.fetch(server.url("/feed"), etag='"v1"', last_modified=since)
    assert result.status == 304
    assert result.not_modified
    assert result.content == b""
    assert result.etag == '"v1"'
    assert result.last_modified == since  # kept from the request: the 304 omits it
    sent = server.requests[0][1]
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == since


def test_it_follows_a_redirect_chain(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/a"] = redirect_to("/b")
    server.routes["/b"] = redirect_to(server.url("/c"))
    server.routes["/c"] = redirect_to("page")
    server.routes["/page"] = page
    with local_client(sleeps) as client:
        result = client.fetch(server.url("/a"))
    assert result.url == server.url("/page")
    assert server.paths() == ["/a", "/b", "/c", "/page"]


def test_it_stops_after_too_many_redirects(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/loop"] = redirect_to("/loop")
    with local_client(sleeps, max_redirects=2) as client:
        error = capture(lambda: client.fetch(server.url("/loop")))
    assert error.reason == "too_many_redirects"
    assert server.paths() == ["/loop"] * 3


def test_a_redirect_without_location_is_an_error(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/nowhere"] = lambda handler: reply(handler, 301, content_type=None)
    with local_client(sleeps) as client:
        assert capture(lambda: client.fetch(server.url("/nowhere"))).reason == "bad_redirect"


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://localhost:{port}/page", "blocked_address"),
        ("http://[::1]:{port}/page", "blocked_address"),
        ("http://[::ffff:127.0.0.2]:{port}/page", "blocked_address"),
        ("http://127.0.0.2:{port}/page", "blocked_address"),
        ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
        ("http://10.0.0.1/", "blocked_address"),
        ("file:///etc/passwd", "scheme"),
        ("http://user:secret@127.0.0.1:{port}/page", "credentials"),
    ],
)
def test_it_refuses_a_redirect_to_an_address_that_is_not_allowed(
    server: LocalServer, sleeps: Sleeps, location: str, reason: str
) -> None:
    server.routes["/jump"] = redirect_to(location.format(port=server.port))
    server.routes["/page"] = page
    with local_client(sleeps) as client:
        error = capture(lambda: client.fetch(server.url("/jump")))
    assert isinstance(error, BlockedURL)
    assert error.reason == reason
    assert server.paths() == ["/jump"]


def endless_body(handler: Handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    try:
        for _ in range(200):  # up to 12.8 MB, far beyond the limit
            handler.wfile.write(b"x" * 65536)
    except OSError:
        pass  # the client hung up, as it should


def test_it_cuts_a_streamed_body_that_grows_too_large(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/endless"] = endless_body
    started = time.monotonic()
    with local_client(sleeps, max_bytes=100_000) as client:
        error = capture(lambda: client.fetch(server.url("/endless")))
    assert error.reason == "too_large"
    assert time.monotonic() - started < 1.0


def test_it_refuses_a_body_announced_too_large(server: LocalServer, sleeps: Sleeps) -> None:
    def huge(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(50 * 1024 * 1024))
        handler.end_headers()
        handler.close_connection = True

    server.routes["/huge"] = huge
    with local_client(sleeps, max_bytes=1_000) as client:
        error = capture(lambda: client.fetch(server.url("/huge")))
    assert error.reason == "too_large"
    assert "announces" in error.message


@pytest.mark.parametrize(
    ("content_type", "accepted"),
    [
        ("text/html; charset=utf-8", True),
        ("application/rss+xml", True),
        ("application/atom+xml", True),
        ("application/xml", True),
        ("application/json", True),
        ("application/x-ndjson", True),
        ("text/csv", True),
        ("TEXT/PLAIN", True),
        (None, True),  # missing: the caller sniffs
        ("application/pdf", False),
        ("image/png", False),
        ("application/octet-stream", False),
    ],
)
def test_it_checks_the_content_type(
    server: LocalServer, sleeps: Sleeps, content_type: str | None, accepted: bool
) -> None:
    server.routes["/typed"] = lambda handler: reply(handler, 200, b"body", content_type)
    with local_client(sleeps) as client:
        if accepted:
            assert client.fetch(server.url("/typed")).content == b"body"
        else:
            assert capture(lambda: client.fetch(server.url("/typed"))).reason == "content_type"


def flaky(*statuses: int, headers: dict[str, str] | None = None) -> Route:
    """Answer with the given statuses in turn, then with the page."""
    remaining = list(statuses)

    def route(handler: Handler) -> None:
        if remaining:
            reply(handler, remaining.pop(0), b"busy", "text/plain", headers)
        else:
            page(handler)

    return route


def test_it_retries_a_503_then_succeeds(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/flaky"] = flaky(503)
    with local_client(sleeps) as client:
        assert client.fetch(server.url("/flaky")).status == 200
    assert server.paths() == ["/flaky", "/flaky"]
    assert sleeps.delays == [0.5]


def test_it_backs_off_exponentially_then_gives_up(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/down"] = flaky(500, 502, 503, 504)
    with local_client(sleeps, retries=2) as client:
        error = capture(lambda: client.fetch(server.url("/down")))
    assert (error.reason, error.status) == ("http_status", 503)
    assert len(server.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


def test_the_back_off_is_capped(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/down"] = flaky(*[500] * 5)
    with local_client(sleeps, retries=5, backoff_base=1.0, backoff_cap=3.0) as client:
        assert client.fetch(server.url("/down")).status == 200
    assert sleeps.delays == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_it_honours_retry_after_on_429(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/limited"] = flaky(429, headers={"Retry-After": "3"})
    with local_client(sleeps) as client:
        assert client.fetch(server.url("/limited")).status == 200
    assert sleeps.delays == [3.0]


def test_it_gives_up_when_retry_after_exceeds_the_cap(server: LocalServer, sleeps: Sleeps) -> None:
    server.routes["/limited"] = flaky(429, headers={"Retry-After": "3600"})
    with local_client(sleeps, retry_after_cap=60.0) as client:
        error = capture(lambda: client.fetch(server.url("/limited")))
    assert (error.reason, error.status) == ("http_status", 429)
    assert sleeps.delays == []


@pytest.mark.parametrize("status", [400, 403, 404, 410, 451])
def test_it_does_not_retry_a_client_error(server: LocalServer, sleeps: Sleeps, status: int) -> None:
    server.routes["/gone"] = flaky(status)
    with local_client(sleeps) as client:
        error = capture(lambda: client.fetch(server.url("/gone")))
    assert (error.reason, error.status) == ("http_status", status)
    assert server.paths() == ["/gone"]
    assert sleeps.delays == []


def test_it_does_not_retry_a_refused_address(dns: FakeDNS, sleeps: Sleeps) -> None:
    dns.table["private.example"] = ["10.0.0.1"]
    with local_client(sleeps) as client:
        assert capture(lambda: client.fetch("http://private.example/")).reason == "blocked_address"
    assert sleeps.delays == []


def test_it_times_out_on_a_slow_server(server: LocalServer, sleeps: Sleeps) -> None:
    def slow(handler: Handler) -> None:
        time.sleep(1.0)
        page(handler)

    server.routes["/slow"] = slow
    started = time.monotonic()
    with local_client(sleeps, read_timeout=0.2, retries=0) as client:
        error = capture(lambda: client.fetch(server.url("/slow")))
    assert error.reason == "timeout"
    assert time.monotonic() - started < 0.9


def test_it_retries_a_refused_connection(sleeps: Sleeps) -> None:
    with socket.socket() as probe:  # find a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with local_client(sleeps, retries=1) as client:
        error = capture(lambda: client.fetch(f"http://127.0.0.1:{port}/"))
    assert error.reason == "connect"
    assert sleeps.delays == [0.5]


# --- TLS with the real name: SNI and certificate checks on a pinned address ----------------

OPENSSL = shutil.which("openssl")


@dataclass
class TLSServer:
    server: LocalServer
    ca: ssl.SSLContext
    sni: list[str | None]


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TLSServer]:
    if OPENSSL is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = [OPENSSL, "req", "-x509", "-nodes", "-days", "1", "-newkey", "ec"]
    command += ["-pkeyopt", "ec_paramgen_curve:prime256v1", "-subj", "/CN=kiemchung.test"]
    command += ["-addext", "subjectAltName=DNS:kiemchung.test", "-keyout", str(key)]
    subprocess.run([*command, "-out", str(cert)], check=True, capture_output=True)  # noqa: S603
    seen: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: seen.append(name)
    local = LocalServer()
    local.socket = context.wrap_socket(local.socket, server_side=True)
    local.routes["/page"] = page
    ca = ssl.create_default_context(cafile=str(cert))
    with serve(local):
        yield TLSServer(local, ca, seen)


def test_https_uses_the_real_name_for_sni_and_certificate_checks(
    tls_server: TLSServer, dns: FakeDNS, sleeps: Sleeps
) -> None:
    dns.table["kiemchung.test"] = ["127.0.0.1"]
    transport = httpx.HTTPTransport(verify=tls_server.ca)
    policy = local_policy()
    port = tls_server.server.port
    with SafeHTTPClient(policy, transport=transport, sleep=sleeps) as client:
        result = client.fetch(f"https://kiemchung.test:{port}/page")
    assert result.status == 200
    assert tls_server.sni == ["kiemchung.test"]
    assert tls_server.server.requests[0][1]["host"] == f"kiemchung.test:{port}"


def test_https_refuses_a_certificate_for_another_name(
    tls_server: TLSServer, dns: FakeDNS, sleeps: Sleeps
) -> None:
    dns.table["other.test"] = ["127.0.0.1"]
    transport = httpx.HTTPTransport(verify=tls_server.ca)
    with SafeHTTPClient(local_policy(), transport=transport, sleep=sleeps) as client:
        error = capture(lambda: client.fetch(f"https://other.test:{tls_server.server.port}/page"))
    assert error.reason == "tls"
    assert sleeps.delays == []
    assert tls_server.server.requests == []
