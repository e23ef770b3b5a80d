"""Form fields shared by the desk and the public pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from kiemchung.sources.canonical import canonical_url


class WebAddressField(forms.URLField):
    """A link to a web page: http or https, a real host and port, nothing else.

    Django's URL check lets ``https://a.example:99999/x`` through; Python's URL parser
    then refuses its port. The link is parsed and canonicalised here, in the form, so a
    bad one is a form error and never reaches the database.
    """

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {
        "unusable": _("This link cannot be read: check its host name and port."),
    }

    def clean(self, value: Any) -> Any:
        url = super().clean(value)
        if url:
            try:
                parts = urlsplit(url)
                _port = parts.port  # raises ValueError for a port out of range
                if not parts.hostname:
                    raise ValueError("no host")
                canonical_url(url)
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["unusable"], code="unusable"
                ) from None
        return url
