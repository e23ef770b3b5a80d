"""Logging in, with a limit on failed attempts per user name and per address.

After ``LOGIN_FAILURES_PER_USER`` failed attempts for one user name (or
``LOGIN_FAILURES_PER_ADDRESS`` from one address) within ``LOGIN_FAILURE_WINDOW_MINUTES``,
further attempts are refused without checking the password until the window ends. The
same form guards the admin's login page.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kiemchung.core.ratelimit import RateLimit, client_address


def _limits() -> tuple[RateLimit, RateLimit]:
    window = settings.LOGIN_FAILURE_WINDOW_MINUTES * 60
    return (
        RateLimit("login-user", settings.LOGIN_FAILURES_PER_USER, window),
        RateLimit("login-address", settings.LOGIN_FAILURES_PER_ADDRESS, window),
    )


class RateLimitedLoginMixin(forms.Form):
    request: Any

    def clean(self) -> dict[str, Any]:
        by_user, by_address = _limits()
        username = str(self.data.get("username", "")).strip().casefold()
        address = client_address(self.request) if self.request else ""
        blocked = [
            (limit, subject)
            for limit, subject in ((by_user, username), (by_address, address))
            if limit.exceeded(subject)
        ]
        if blocked:
            minutes = max(limit.retry_minutes(subject) for limit, subject in blocked)
            raise forms.ValidationError(
                _("Too many failed attempts. Try again in %(minutes)d minutes.")
                % {"minutes": minutes},
                code="rate_limited",
            )
        try:
            cleaned: dict[str, Any] = super().clean() or {}
        except forms.ValidationError:
            by_user.hit(username)
            by_address.hit(address)
            raise
        by_user.reset(username)
        return cleaned


class LoginForm(RateLimitedLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(RateLimitedLoginMixin, AdminAuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True
    extra_context = {"title": gettext_lazy("Log in")}


class LogoutView(auth_views.LogoutView):
    pass
