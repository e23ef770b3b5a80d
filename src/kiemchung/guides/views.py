"""Guides: the staff pages (write, submit, review, publish) and the public pages."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.cases.history import entry
from kiemchung.guides import services
from kiemchung.guides.forms import GuideForm
from kiemchung.guides.markup import render as render_body
from kiemchung.guides.models import Guide, GuideStatus, GuideTopic
from kiemchung.guides.services import GuideText
from kiemchung.guides.workflow import GuideTransitionError
from kiemchung.org.access import desk_required
from kiemchung.org.names import display_name
from kiemchung.org.permissions import Action, can, can_anywhere, units_where
from kiemchung.publishing.share import GUIDE_COLOUR, Shared, absolute, describe, site_address
from kiemchung.publishing.sharecard import Card
from kiemchung.publishing.sharing_views import card_response, qr_response

PER_PAGE = 20


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _text(form: GuideForm) -> GuideText:
    data = form.cleaned_data
    return GuideText(data["title"], data["summary"], data["body"], data["topic"])


# --- staff ---------------------------------------------------------------------------


@desk_required
def staff_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    guides = services.visible_guides(user).select_related("author", "reviewer")
    status = request.GET.get("status", "")
    if status in GuideStatus.values:
        guides = guides.filter(status=status)
    context = {
        "page": Paginator(guides, PER_PAGE).get_page(request.GET.get("page")),
        "status": status,
        "statuses": GuideStatus.choices,
        "can_write": can_anywhere(user, Action.WRITE_GUIDE),
    }
    return render(request, "guides/staff_list.html", context)


@desk_required
def new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    units = units_where(user, Action.WRITE_GUIDE)
    if not units.exists():
        raise PermissionDenied(Action.WRITE_GUIDE.value)
    form = GuideForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        related = form.cleaned_data["related_factchecks"]
        guide = services.create_guide(user, form.cleaned_data["unit"], _text(form), related)
        messages.success(request, _("The guide is saved as a draft."))
        return redirect("guides:detail", guide.pk)
    return render(request, "guides/edit.html", {"form": form, "guide": None})


def _visible(user: User, guide_id: int) -> Guide:
    return get_object_or_404(services.visible_guides(user).select_related("unit"), pk=guide_id)


@desk_required
def detail(request: HttpRequest, guide_id: int) -> HttpResponse:
    user = _user(request)
    guide = _visible(user, guide_id)
    may_edit = guide.status == GuideStatus.DRAFT and can(user, Action.WRITE_GUIDE, guide.unit)
    form = None
    if may_edit:
        form = GuideForm(
            request.POST or None, instance=guide, units=units_where(user, Action.WRITE_GUIDE)
        )
        if request.method == "POST" and form.is_valid():
            try:
                related = form.cleaned_data["related_factchecks"]
                services.edit_guide(user, guide, _text(form), related)
            except GuideTransitionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("The guide is saved."))
            return redirect("guides:detail", guide.pk)
    transitions = services.allowed_transitions(user, guide)
    four_eyes = (
        guide.status == GuideStatus.IN_REVIEW
        and can(user, Action.REVIEW_GUIDE, guide.unit)
        and user.pk in services.authors(guide)
    )
    history = [
        replace(entry(event), who=display_name(event.actor) or event.actor_name or "—")
        for event in services.history(guide)
    ]
    context = {
        "guide": guide,
        "body": render_body(guide.body),
        "form": form,
        "transitions": transitions,
        "four_eyes": four_eyes,
        "history": history,
        "related": guide.related_factchecks.select_related("case"),
    }
    return render(request, "guides/detail.html", context)


@desk_required
@require_POST
def change_status(request: HttpRequest, guide_id: int) -> HttpResponse:
    user = _user(request)
    guide = _visible(user, guide_id)
    try:
        services.change_status(user, guide, request.POST.get("status", ""))
    except GuideTransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Done."))
    return redirect("guides:detail", guide.pk)


# --- public --------------------------------------------------------------------------


def public_list(request: HttpRequest) -> HttpResponse:
    guides = services.published_guides()
    topic = request.GET.get("chu-de", "")
    if topic in GuideTopic.values:
        guides = guides.filter(topic=topic)
    context = {
        "page": Paginator(guides, PER_PAGE).get_page(request.GET.get("page")),
        "topic": topic,
        "topics": GuideTopic.choices,
    }
    return render(request, "guides/public_list.html", context)


def _published(slug: str) -> Guide:
    return get_object_or_404(
        services.published_guides().select_related("author", "reviewer"), slug=slug
    )


def guide_share(guide: Guide) -> Shared:
    path = guide.get_absolute_url()
    topic = str(guide.get_topic_display())
    text = _("Guide: “%(title)s”. %(summary)s Read it: %(url)s") % {
        "title": guide.title,
        "summary": describe(guide.summary),
        "url": absolute(path),
    }
    card = Card(
        kicker=_("Guide"),
        label=topic,
        colour=GUIDE_COLOUR,
        title=guide.title,
        site=str(settings.PUBLISHER_NAME),
        address=site_address(),
    )
    return Shared(
        card=card,
        title=guide.title,
        description=describe(guide.summary),
        path=path,
        image_path=reverse("guides:card", args=[guide.slug]),
        qr_path=reverse("guides:qr", args=[guide.slug]),
        text=" ".join(text.split()),
    )


def public_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = _published(slug)
    related = [f for f in guide.related_factchecks.select_related("case") if f.is_local]
    context: dict[str, Any] = {
        "guide": guide,
        "body": render_body(guide.body),
        "author": display_name(guide.author),
        "reviewer": display_name(guide.reviewer),
        "related": related,
        "share": guide_share(guide),
    }
    return render(request, "guides/public_detail.html", context)


def card(request: HttpRequest, slug: str) -> HttpResponse:
    return card_response(request, guide_share(_published(slug)))


def qr(request: HttpRequest, slug: str) -> HttpResponse:
    return qr_response(guide_share(_published(slug)))
