"""The page where a person creates and revokes their own API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kiemchung.api import tokens
from kiemchung.api.forms import TokenForm


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """GET: the list and the form. POST: create a token and show it, this once."""
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        created = tokens.create_token(
            request.user, form.cleaned_data["name"], form.cleaned_data["scopes"]
        )
        form = TokenForm()
    context = {
        "form": form,
        "created": created,
        "tokens": tokens.tokens_of(request.user),
    }
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"  # the new token must not stay in a cache
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(tokens.tokens_of(request.user), pk=token_id)
    tokens.revoke(token)
    messages.success(request, _("The token %(prefix)s… is revoked.") % {"prefix": token.prefix})
    return redirect("api-pages:tokens")
