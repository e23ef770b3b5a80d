"""A chat message becomes a tip, matched at once, and the sender gets an answer.

The sender's platform id is kept only as a keyed pseudonym (``kiemchung.core.pseudonym``)
in the tip's contact, which is purged on schedule like any tipster's contact; the
per-sender rate limit counts under it. The raw id is used in memory, for the reply.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from kiemchung.api.channels.base import Channel, ChannelError, Incoming
from kiemchung.api.routes.matching import absolute_link
from kiemchung.claims.claimreview import VERDICT_LABELS_VI
from kiemchung.core.pseudonym import pseudonym
from kiemchung.core.ratelimit import RateLimit
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.models import Tip

log = logging.getLogger(__name__)
WINDOW_SECONDS = 3600
GREETINGS = ("/start", "/help")


def sender_limit() -> RateLimit:
    return RateLimit("channel-tip", settings.TIP_RATE_PER_HOUR, WINDOW_SECONDS)


def handle(channel: Channel, message: Incoming) -> Tip | None:
    """Take the message as a tip (unless it is a greeting or over the limit) and reply."""
    tip = None
    if message.text.split(maxsplit=1)[0].lower() in GREETINGS and not message.url:
        answer = _(
            "Hello! Send us a message or a link you doubt, and we will tell you whether it "
            "has been checked."
        )
    elif not sender_limit().acquire(f"{channel.name}:{pseudonym(message.sender)}"):
        answer = _("You have sent many tips in the last hour. Please try again later.")
    else:
        tip = receive_tip(message.text, message.url, contact=contact_of(channel, message))
        answer = answer_for(tip)
    try:
        channel.reply(message, answer)
    except ChannelError as exc:
        log.warning("could not answer on %s: %s", channel.name, exc)
    return tip


def contact_of(channel: Channel, message: Incoming) -> str:
    return f"{channel.name}:{pseudonym(message.sender)}"


def answer_for(tip: Tip) -> str:
    factcheck = tip.factcheck
    if factcheck is None:
        return _("Received, we will look into it.")
    verdict = VERDICT_LABELS_VI.get(factcheck.verdict, factcheck.verdict)
    return _("Already checked: %(title)s\nVerdict: %(verdict)s\n%(link)s") % {
        "title": factcheck.claim_reviewed,
        "verdict": verdict,
        "link": absolute_link(factcheck),
    }
