"""Links in a post and the kind of site they point to (news, official, social, shop,
shortener or unknown). Plain Python: the shipped prior reads them without loading the
learned model's libraries."""

from __future__ import annotations

import re

__all__ = [
    "DOMAIN_KINDS",
    "NEWS_DOMAINS",
    "SHOPS",
    "SHORTENERS",
    "SOCIAL",
    "domain_kind",
    "hosts",
]

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`]+"
    r"|(?<![\w@.])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|info|io|xyz|top|ly|gl|me|co|tk|"
    r"online|site|link|click|live|news|int)(?![\w-])(?:/[^\s<>\"'`]*)?",
    re.IGNORECASE,
)
NEWS_DOMAINS = frozenset(
    """vnexpress.net tuoitre.vn thanhnien.vn dantri.com.vn vietnamnet.vn zingnews.vn znews.vn
    vtv.vn vov.vn nhandan.vn baochinhphu.vn chinhphu.vn laodong.vn tienphong.vn
    vietnamplus.vn nld.com.vn plo.vn cand.com.vn qdnd.vn sggp.org.vn suckhoedoisong.vn
    kenh14.vn 24h.com.vn baomoi.com cafef.vn vneconomy.vn anninhthudo.vn hanoimoi.com.vn
    vtc.vn infonet.vietnamnet.vn vietnamfinance.vn tuoitrethudo.com.vn bbc.com reuters.com
    apnews.com cnn.com nytimes.com theguardian.com afp.com vnanet.vn""".split()
)
SHORTENERS = frozenset(
    "bit.ly goo.gl tinyurl.com t.co ow.ly cutt.ly shorturl.at rb.gy is.gd tiny.cc s.id "
    "bom.so bitly.com rebrand.ly".split()
)
SOCIAL = frozenset(
    "facebook.com fb.com fb.me fb.watch m.facebook.com youtube.com youtu.be tiktok.com "
    "zalo.me instagram.com twitter.com x.com t.me telegram.me".split()
)
SHOPS = frozenset("shopee.vn lazada.vn tiki.vn sendo.vn".split())
DOMAIN_KINDS = ("news", "official", "social", "shop", "shortener", "unknown")


def _host(url: str) -> str:
    host = re.sub(r"^(?:https?://)?", "", url.casefold()).split("/", 1)[0].split("?", 1)[0]
    host = host.split(":", 1)[0].strip(".")
    return host[4:] if host.startswith("www.") else host


def domain_kind(host: str) -> str:
    """news, official, social, shop, shortener or unknown."""
    if host.endswith((".gov.vn", ".gov", ".int", ".edu.vn")) or host in {"gov.vn", "who.int"}:
        return "official"
    for kind, known in (
        ("news", NEWS_DOMAINS),
        ("shortener", SHORTENERS),
        ("social", SOCIAL),
        ("shop", SHOPS),
    ):
        if host in known or any(host.endswith("." + name) for name in known):
            return kind
    return "unknown"


def hosts(text: str) -> list[str]:
    """Hosts of the links and bare domains in a text, in order."""
    return [_host(match.group()) for match in _URL_RE.finditer(text)]
