"""The triage model's reasons in the reader's language.

``kiemchung.triage`` is plain Python and explains a score in English phrases (stored with
the story). This table and these patterns translate them when a page shows them; a
phrase nobody translated is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PHRASES: dict[str, Promise] = {
    "a long text": _("a long text"),
    "a short text": _("a short text"),
    "many words": _("many words"),
    "few words": _("few words"),
    "many line breaks": _("many line breaks"),
    "few line breaks": _("few line breaks"),
    "contains a phone number": _("contains a phone number"),
    "no phone number": _("no phone number"),
    "mentions money amounts": _("mentions money amounts"),
    "no money amount": _("no money amount"),
    "mentions percentages": _("mentions percentages"),
    "no percentage": _("no percentage"),
    "written in CAPITALS": _("written in CAPITALS"),
    "few capital letters": _("few capital letters"),
    "words written in CAPITALS": _("words written in CAPITALS"),
    "few words in capitals": _("few words in capitals"),
    "'!!!' runs": _("'!!!' runs"),
    "no '!!!'": _("no '!!!'"),
    "exclamation marks ('!', '!!!')": _("exclamation marks ('!', '!!!')"),
    "few exclamation marks": _("few exclamation marks"),
    "'???' runs": _("'???' runs"),
    "no '???'": _("no '???'"),
    "emoji": _("emoji"),
    "few or no emoji": _("few or no emoji"),
    "hashtags": _("hashtags"),
    "few or no hashtags": _("few or no hashtags"),
    "typed without diacritics": _("typed without diacritics"),
    "typed with diacritics": _("typed with diacritics"),
    "many digits": _("many digits"),
    "few digits": _("few digits"),
    "contains links": _("contains links"),
    "no link": _("no link"),
    "links to a known news site": _("links to a known news site"),
    "no link to a news site": _("no link to a news site"),
    "links to an official (.gov/.int) site": _("links to an official (.gov/.int) site"),
    "no official link": _("no official link"),
    "links to a social network": _("links to a social network"),
    "no social-network link": _("no social-network link"),
    "links to a shop": _("links to a shop"),
    "no shop link": _("no shop link"),
    "a shortened link (bit.ly…)": _("a shortened link (bit.ly…)"),
    "no shortened link": _("no shortened link"),
    "contains a link to an unknown domain": _("contains a link to an unknown domain"),
    "no link to an unknown domain": _("no link to an unknown domain"),
    "urgency words": _("urgency words"),
    "no urgency words": _("no urgency words"),
    "calls to share": _("calls to share"),
    "no call to share": _("no call to share"),
    "secrecy words ('sự thật', 'bí mật'…)": _("secrecy words ('sự thật', 'bí mật'…)"),
    "no secrecy words": _("no secrecy words"),
    "miracle-cure or absolute words": _("miracle-cure or absolute words"),
    "no miracle-cure words": _("no miracle-cure words"),
    "hearsay ('nghe nói', 'bạn mình'…)": _("hearsay ('nghe nói', 'bạn mình'…)"),
    "no hearsay": _("no hearsay"),
    "gift or prize words": _("gift or prize words"),
    "no gift or prize words": _("no gift or prize words"),
    "correction words ('sai sự thật', 'tin giả'…)": _(
        "correction words ('sai sự thật', 'tin giả'…)"
    ),
    "no correction words": _("no correction words"),
    "the shipped prior finds it suspicious": _("the shipped prior finds it suspicious"),
    "the shipped prior finds it calm": _("the shipped prior finds it calm"),
    "posted at night (0-5h)": _("posted at night (0-5h)"),
    "posted in the day": _("posted in the day"),
    "much engagement": _("much engagement"),
    "little engagement": _("little engagement"),
    "time of day of the post": _("time of day of the post"),
    "when it was posted (period)": _("when it was posted (period)"),
}

ROLES: dict[str, Promise] = {
    "shares": _("shares"),
    "likes": _("likes"),
    "comments": _("comments"),
}

DOMAIN_KINDS: dict[str, Promise] = {
    "a known news site": _("a known news site"),
    "an official site": _("an official site"),
    "a social network": _("a social network"),
    "a shop": _("a shop"),
    "a shortened link": _("a shortened link"),
    "an unknown domain": _("an unknown domain"),
}


def _role(word: str) -> str:
    return str(ROLES.get(word, word))


def _phrase(text: str) -> str:
    return str(PHRASES.get(text, text))


PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^word '(.+)'$"), lambda m: str(_("word “%(w)s”")) % {"w": m[1]}),
    (re.compile(r"^words '(.+)'$"), lambda m: str(_("words “%(w)s”")) % {"w": m[1]}),
    (
        re.compile(r"^link to (\S+) \((.+)\)$"),
        lambda m: (
            str(_("link to %(host)s (%(kind)s)"))
            % {"host": m[1], "kind": str(DOMAIN_KINDS.get(m[2], m[2]))}
        ),
    ),
    (
        re.compile(r"^many (\w+) for few (\w+)$"),
        lambda m: str(_("many %(a)s for few %(b)s")) % {"a": _role(m[1]), "b": _role(m[2])},
    ),
    (
        re.compile(r"^few (\w+) for its (\w+)$"),
        lambda m: str(_("few %(a)s for its %(b)s")) % {"a": _role(m[1]), "b": _role(m[2])},
    ),
    (re.compile(r"^many (\w+)$"), lambda m: str(_("many %(a)s")) % {"a": _role(m[1])}),
    (re.compile(r"^few (\w+)$"), lambda m: str(_("few %(a)s")) % {"a": _role(m[1])}),
    (re.compile(r"^(.+): (.+)$"), lambda m: f"{_phrase(m[1])}: {m[2]}"),
    (re.compile(r"^(.+) \(([^()]+)\)$"), lambda m: f"{_phrase(m[1])} ({m[2]})"),
]


def translate_reason(text: str) -> str:
    if text in PHRASES:
        return str(PHRASES[text])
    for pattern, render in PATTERNS:
        match = pattern.match(text)
        if match:
            return render(match)
    return text


# The shipped prior's cues (``kiemchung.triage.prior.CUES``; a test checks they agree).
CUE_PHRASES: dict[str, Promise] = {
    "share_call": _("asks readers to share it at once"),
    "insider": _("insider or hearsay source ('tin nội bộ', 'nghe nói')"),
    "secrecy": _("claims the truth is being hidden"),
    "urgency": _("urgent, alarmed wording"),
    "shouting": _("written in capitals or with '!!!'"),
    "alarm_emoji": _("alarm emoji"),
    "miracle": _("promises a miracle cure or certain protection"),
    "money": _("money, prizes or refunds"),
    "risky_link": _("links to an unknown or shortened address"),
    "phone": _("gives a phone number"),
    "vague_authority": _("an unnamed authority ('các chuyên gia', 'cấp trên')"),
    "private_notice": _("a private account relays an official notice without a link"),
    "no_source": _("no source is named"),
    "private_spread": _("shared widely for a private account"),
    "copies": _("copied by many posts"),
    "checkworthy": _("states a verifiable claim"),
    "attribution": _("names its source ('theo', 'cho biết')"),
    "outlet": _("a named news outlet"),
    "trusted_link": _("links to a news or official site"),
    "public_account": _("posted by a public outlet or official page"),
    "measured": _("a long, measured text"),
    "correction": _("reads as a correction or a warning against fakes"),
}


def cue_reason(code: str) -> str:
    """A prior cue in the reader's language (an unknown code is shown as it is)."""
    phrase = CUE_PHRASES.get(code)
    return str(phrase) if phrase is not None else code
