"""The printed fact-check: what ``printdoc`` prints for a published case."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from kiemchung.cases.models import Case
from kiemchung.claims.models import FactCheck
from kiemchung.claims.templatetags.vietnamese import verdict_label, vn_date
from kiemchung.org.names import display_name
from kiemchung.publishing.links import evidence_links
from kiemchung.publishing.printdoc import Item, PrintDocument, Section
from kiemchung.publishing.services import public_path
from kiemchung.publishing.share import absolute


def factcheck_document(case: Case, factcheck: FactCheck) -> PrintDocument:

    facts = [
        (_("Published"), vn_date(factcheck.published_at)),
        (_("Written by"), display_name(case.verdict_by or case.created_by)),
        (_("Reviewed by"), display_name(case.reviewed_by)),
        (_("Address"), absolute(public_path(case.pk))),
    ]
    evidence = tuple(
        Item(item["title"] or item["href"] or item["url"], item["href"])
        for item in evidence_links(factcheck.evidence)
    )
    sections = (
        Section(_("In short"), paragraphs=_paragraphs(factcheck.summary)),
        Section(_("Why"), paragraphs=_paragraphs(case.rationale)),
        Section(_("Evidence"), items=evidence, numbered=True, empty=_("No public evidence link.")),
    )
    return PrintDocument(
        kicker=_("Fact-check"),
        title=factcheck.claim_reviewed,
        label=verdict_label(factcheck.verdict),
        label_class=f"verdict-{factcheck.verdict}",
        facts=tuple((name, value) for name, value in facts if value),
        sections=tuple(part for part in sections if part.paragraphs or part.items or part.empty),
        footer=_("Published by %(publisher)s.") % {"publisher": settings.PUBLISHER_NAME},
        filename=f"kiem-chung-{case.pk}",
    )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip())
