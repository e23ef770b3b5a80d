"""A tip's arrival: stored, matched at once, and its thorough part queued for the worker.

Above both ``services`` (the matching) and ``tasks`` (the queued part), so that neither
of those imports the other.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kiemchung.org.models import OrgUnit
from kiemchung.publishing.models import Tip, TipContact
from kiemchung.publishing.services import MAX_TIP_CONTACT, MAX_TIP_TEXT, MAX_TIP_URL, match_tip
from kiemchung.publishing.tasks import process_tip_task
from kiemchung.sources.records import clean_text


def receive_tip(
    text: str, url: str, contact: str = "", collaborator_unit: OrgUnit | None = None
) -> Tip:
    """Store a tip (its contact apart) and give it a first, quick match.

    ``text`` and ``url`` are cut to the form's limits; at least one must remain. In the
    request: the link is looked up, and the text's most telling piece is matched against
    the fact-checks (one matcher query, tens of milliseconds), so the thank-you page can
    say at once when it was already checked. The rest (every check-worthy sentence, the
    story) is queued for the worker: ``process_tip``.
    """
    text = clean_text(text)[:MAX_TIP_TEXT]
    url = url.strip()[:MAX_TIP_URL]
    contact = clean_text(contact)[:MAX_TIP_CONTACT]
    if not text and not url:
        raise ValueError("a tip needs a text or a link")
    with transaction.atomic():
        tip = Tip.objects.create(text=text, url=url, collaborator_unit=collaborator_unit)
        if contact:
            TipContact.objects.create(
                tip=tip,
                contact=contact,
                purge_after=timezone.now() + timedelta(days=settings.TIP_CONTACT_DAYS),
            )
    match_tip(tip, pieces=1)
    transaction.on_commit(lambda: process_tip_task.enqueue(tip.pk))
    return tip
