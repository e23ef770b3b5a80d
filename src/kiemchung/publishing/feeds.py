"""The Atom feed of our published fact-checks."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from kiemchung.claims.models import FactCheck
from kiemchung.publishing.services import public_link, public_title, published_factchecks
from kiemchung.web.templatetags.vietnamese import verdict_label

FEED_SIZE = 50


class FactCheckFeed(Feed[FactCheck, None]):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("%(publisher)s: fact-checks") % {"publisher": settings.PUBLISHER_NAME}

    def subtitle(self) -> str:
        return _("Corrections published with their evidence.")

    def link(self) -> str:
        return reverse("publishing:list")

    def author_name(self) -> str:
        return str(settings.PUBLISHER_NAME)

    def items(self) -> QuerySet[FactCheck]:
        return published_factchecks()[:FEED_SIZE]

    def item_title(self, item: FactCheck) -> str:
        return f"{verdict_label(item.verdict)}: {public_title(item)}"

    def item_description(self, item: FactCheck) -> str:
        # Atom readers take the summary as HTML: our plain text is escaped for them.
        return escape(item.summary)

    def item_link(self, item: FactCheck) -> str:
        return public_link(item) or reverse("publishing:list")

    def item_guid(self, item: FactCheck) -> str:
        return item.url

    def item_pubdate(self, item: FactCheck) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: FactCheck) -> datetime:
        return item.updated_at
