"""The public tip form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kiemchung.publishing.services import MAX_TIP_CONTACT, MAX_TIP_TEXT, MAX_TIP_URL
from kiemchung.sources.forms import WebAddressField

# The honeypot's name: a field a person never sees, and a form-filling robot fills in.
HONEYPOT = "website"


class TipForm(forms.Form):
    text = forms.CharField(
        label=_("What did you see or receive?"),
        help_text=_("Copy the message or describe it. Up to 5,000 characters."),
        required=False,
        max_length=MAX_TIP_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    url = WebAddressField(
        label=_("Link to it (if any)"),
        required=False,
        max_length=MAX_TIP_URL,
        assume_scheme="https",
    )
    contact = forms.CharField(
        label=_("Your phone or email (optional)"),
        help_text=_(
            "Only if you agree to be contacted about this tip. It is kept apart from the tip"
            " and deleted after %(days)s days."
        ),
        required=False,
        max_length=MAX_TIP_CONTACT,
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, contact_days: int = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["contact"]
        field.help_text = str(field.help_text) % {"days": contact_days}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("url") and not self.errors:
            raise forms.ValidationError(
                _("Please paste the text you saw, or a link to it."), code="empty"
            )
        return data

    @property
    def is_robot(self) -> bool:
        """The honeypot was filled in: a person cannot see that field."""
        return bool(self.data.get(HONEYPOT, "").strip())
