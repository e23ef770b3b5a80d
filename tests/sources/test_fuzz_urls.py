"""Property: the URL canonicaliser returns a canonical URL or raises InvalidURL, nothing else."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from kiemchung.sources.canonical import InvalidURL, canonical_url, check_url

LABEL = st.text(alphabet=st.sampled_from("abcxyz019-áđươ\uff03\u2100_."), min_size=0, max_size=70)
HOSTS = st.one_of(
    st.lists(LABEL, min_size=1, max_size=4).map(".".join),
    st.sampled_from(["[::1", "[::1]", "::1", "[fe80::1%eth0]", "[v1.x]", "[]", "[1.2.3.4]"]),
    st.text(max_size=30),
)
PORTS = st.one_of(
    st.none(),
    st.integers(min_value=-10, max_value=10**7).map(str),
    st.text(alphabet="0123456789abc:-", max_size=8),
)
URLS = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{':' + port if port is not None else ''}{path}?{query}#{fragment}"
    ),
    st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
    HOSTS,
    PORTS,
    st.text(max_size=20).map(lambda p: "/" + p),
    st.text(max_size=20),
    st.text(max_size=10),
)


def canonical_or_invalid(url: str) -> str | None:
    try:
        result = canonical_url(url)
    except InvalidURL:
        return None
    assert isinstance(result, str)
    return result


@given(st.one_of(URLS, st.text(max_size=80)))
@example("http://a.example:99999/x")
@example("http://[::1")
@example("http://example.com\uff03@bing.com/")
@example("http://[::1]:99999/")
def test_canonicalising_any_text_gives_a_url_or_invalid_url(url: str) -> None:
    canonical_or_invalid(url)


@given(URLS)
def test_a_canonical_url_is_its_own_canonical_form(url: str) -> None:
    once = canonical_or_invalid(url)
    if once is not None:
        assert canonical_url(once) == once


@given(st.one_of(URLS, st.text(max_size=80)))
def test_the_cheap_check_refuses_exactly_what_the_canonicaliser_refuses(url: str) -> None:
    refused_by_check = False
    try:
        check_url(url)
    except InvalidURL:
        refused_by_check = True
    assert refused_by_check == (canonical_or_invalid(url) is None)
