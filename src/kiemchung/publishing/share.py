"""The share kit of a published fact-check or guide: card, page tags, text to paste, QR.

``Shared`` is what a page offers for sharing; ``factcheck_share`` and ``guide_share``
(in ``kiemchung.guides.views``) build it. Every address is absolute, from
``KIEMCHUNG_PUBLIC_BASE_URL``: Zalo, Facebook and a phone's camera read them off the page.
No third-party script: the copy button is our own static file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kiemchung.claims.models import FactCheck, Verdict
from kiemchung.claims.templatetags.vietnamese import verdict_label
from kiemchung.publishing.sharecard import HEIGHT, WIDTH, Card

DESCRIPTION_CHARS = 200
# The card's label colours, the same as the verdict badges of public.css.
VERDICT_COLOURS: dict[str, str] = {
    Verdict.FALSE: "#b3261e",
    Verdict.MISLEADING: "#a4461b",
    Verdict.MOSTLY_TRUE: "#3d7a3d",
    Verdict.TRUE: "#1e5b1e",
    Verdict.UNVERIFIABLE: "#5b6472",
    Verdict.OUT_OF_SCOPE: "#7a6a9a",
    Verdict.UNRATED: "#5b6472",
}
GUIDE_COLOUR = "#1f5f7a"


@dataclass(frozen=True)
class Shared:
    card: Card
    title: str
    description: str
    path: str  # the page
    image_path: str  # the card
    qr_path: str
    text: str  # to paste into Zalo or Facebook

    @property
    def url(self) -> str:
        return absolute(self.path)

    @property
    def image_url(self) -> str:
        return absolute(self.image_path)

    @property
    def image_width(self) -> int:
        return WIDTH

    @property
    def image_height(self) -> int:
        return HEIGHT


def absolute(path: str) -> str:
    return str(settings.PUBLIC_BASE_URL).rstrip("/") + path


def site_address() -> str:
    return urlsplit(str(settings.PUBLIC_BASE_URL)).netloc


def describe(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS)


def factcheck_share(case_id: int, factcheck: FactCheck) -> Shared:
    label = verdict_label(factcheck.verdict)
    path = reverse("publishing:detail", args=[case_id])
    card = Card(
        kicker=_("Fact-check"),
        label=label,
        colour=VERDICT_COLOURS.get(factcheck.verdict, VERDICT_COLOURS[Verdict.UNRATED]),
        title=factcheck.claim_reviewed,
        site=str(settings.PUBLISHER_NAME),
        address=site_address(),
    )
    text = _("%(label)s: “%(title)s”. %(summary)s The fact-check and its evidence: %(url)s") % {
        "label": label,
        "title": Truncator(factcheck.claim_reviewed).chars(160),
        "summary": describe(factcheck.summary),
        "url": absolute(path),
    }
    return Shared(
        card=card,
        title=f"{label}: {factcheck.claim_reviewed}",
        description=describe(factcheck.summary or factcheck.claim_reviewed),
        path=path,
        image_path=reverse("publishing:card", args=[case_id]),
        qr_path=reverse("publishing:qr", args=[case_id]),
        text=" ".join(text.split()),
    )


def qr_svg(url: str) -> bytes:
    """A QR code of ``url`` as SVG (pure Python, drawn by us)."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    image = code.make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()
