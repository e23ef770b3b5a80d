"""A collaborator's page: people outside the committee's staff send tips from it and
share the published fact-checks. Nothing for posting under other names, commenting in
bulk or reporting accounts (see the principles)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kiemchung.org.forms import CollaboratorTipForm
from kiemchung.org.models import Role
from kiemchung.org.permissions import Action, can_anywhere, memberships
from kiemchung.publishing.intake import receive_tip
from kiemchung.publishing.services import public_link, published_factchecks


@login_required
def collaborator(request: HttpRequest) -> HttpResponse:
    """A collaborator's page: send a tip, read and share the latest fact-checks."""
    units = [m.unit for m in memberships(request.user) if m.role == Role.COLLABORATOR]
    if not units and not can_anywhere(request.user, Action.COLLABORATE):
        raise PermissionDenied(Action.COLLABORATE.value)
    form = CollaboratorTipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = units[0] if units else None
        receive_tip(form.cleaned_data["text"], form.cleaned_data["url"], "", unit)
        messages.success(request, _("Thank you: your tip is in the desk's queue."))
        return redirect("publishing:collaborator")
    factchecks = [
        (factcheck, public_link(factcheck))
        for factcheck in published_factchecks().select_related("case")[:20]
    ]
    context = {"form": form, "factchecks": factchecks, "units": units}
    return render(request, "publishing/collaborator.html", context)
