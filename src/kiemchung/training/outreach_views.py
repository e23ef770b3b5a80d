"""The outreach log's page: the entries of the user's units, and a form to add one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.org.permissions import Action, can, can_anywhere
from kiemchung.training import outreach
from kiemchung.training.forms import OutreachForm


@login_required
def outreach_log(request: HttpRequest) -> HttpResponse:
    if not can_anywhere(request.user, Action.VIEW_TRAINING):
        raise PermissionDenied(Action.VIEW_TRAINING.value)
    units = outreach.recording_units(request.user)
    form = None
    if units.exists():
        form = OutreachForm(
            request.POST or None,
            units=units,
            initial={"day": timezone.localdate(), "unit": units.order_by("path").first()},
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(Action.RECORD_OUTREACH.value)
        if form.is_valid():
            data = dict(form.cleaned_data)
            outreach.record(request.user, data.pop("unit"), **data)
            messages.success(request, _("The activity was added to the outreach log."))
            return redirect("training:outreach")
    entries = outreach.visible_activities(request.user).order_by("-day", "-pk")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    removable = {
        e.pk for e in page.object_list if can(request.user, Action.RECORD_OUTREACH, e.unit)
    }
    context = {"page": page, "form": form, "removable": removable}
    return render(request, "training/outreach.html", context)


@require_POST
@login_required
def outreach_remove(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = outreach.visible_activities(request.user).filter(pk=activity_id).first()
    if activity is None:
        raise Http404
    outreach.remove(request.user, activity)
    messages.success(request, _("The activity was removed from the outreach log."))
    return redirect("training:outreach")
