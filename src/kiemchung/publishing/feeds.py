"""The Atom feed: our published fact-checks and guides, newest first.

Each kind of item becomes an ``Entry`` through its builder in ``ENTRY_BUILDERS``; the
feed only knows entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from kiemchung.claims.templatetags.vietnamese import verdict_label
from kiemchung.publishing.services import public_link, public_title, published_factchecks

FEED_SIZE = 50


@dataclass(frozen=True)
class Entry:
    title: str
    description: str  # HTML: plain text escaped
    link: str
    guid: str
    published: datetime | None
    updated: datetime


def factcheck_entries(size: int) -> Iterable[Entry]:
    for item in published_factchecks()[:size]:
        yield Entry(
            title=f"{verdict_label(item.verdict)}: {public_title(item)}",
            # Atom readers take the summary as HTML: our plain text is escaped for them.
            description=escape(item.summary),
            link=public_link(item) or reverse("publishing:list"),
            guid=item.url,
            published=item.published_at,
            updated=item.updated_at,
        )


def guide_entries(size: int) -> Iterable[Entry]:
    from kiemchung.guides.services import published_guides

    for guide in published_guides()[:size]:
        path = guide.get_absolute_url()
        yield Entry(
            title=_("Guide: %(title)s") % {"title": guide.title},
            description=escape(guide.summary),
            link=path,
            guid=settings.PUBLIC_BASE_URL + path,
            published=guide.published_at,
            updated=guide.updated_at,
        )


# The kinds of item in the feed. Add one here.
ENTRY_BUILDERS: tuple[Callable[[int], Iterable[Entry]], ...] = (factcheck_entries, guide_entries)


def _newest(entry: Entry) -> datetime:
    return entry.published or entry.updated or timezone.now()


class FactCheckFeed(Feed[Entry, None]):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("%(publisher)s: fact-checks") % {"publisher": settings.PUBLISHER_NAME}

    def subtitle(self) -> str:
        return _("Corrections published with their evidence.")

    def link(self) -> str:
        return reverse("publishing:list")

    def author_name(self) -> str:
        return str(settings.PUBLISHER_NAME)

    def items(self) -> list[Entry]:
        entries = [entry for build in ENTRY_BUILDERS for entry in build(FEED_SIZE)]
        return sorted(entries, key=_newest, reverse=True)[:FEED_SIZE]

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    def item_pubdate(self, item: Entry) -> datetime | None:
        return item.published

    def item_updateddate(self, item: Entry) -> datetime:
        return item.updated
