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
    """Reserve a slot per user name and per address *before* the password is checked.

    The reservation is one atomic increment (``RateLimit.acquire``), so however many
    attempts arrive at once, at most the configured number of passwords are checked per
    window. A refused attempt and a right password give their slots back: only failed
    password checks use them up.
    """

    request: Any

    def clean(self) -> dict[str, Any]:
        limits = _limits()
        username = str(self.data.get("username", "")).strip().casefold()
        address = client_address(self.request) if self.request else ""
        subjects = list(zip(limits, (username, address), strict=True))
        granted = [limit.acquire(subject) for limit, subject in subjects]
        if not all(granted):
            for limit, subject in subjects:
                limit.release(subject)  # refused unchecked: this attempt takes no slot
            minutes = max(
                limit.retry_minutes(subject)
                for (limit, subject), ok in zip(subjects, granted, strict=True)
                if not ok
            )
            raise forms.ValidationError(
                _("Too many failed attempts. Try again in %(minutes)d minutes.")
                % {"minutes": minutes},
                code="rate_limited",
            )
        cleaned: dict[str, Any] = super().clean() or {}
        by_user, by_address = limits
        by_user.reset(username)
        by_address.release(address)
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
