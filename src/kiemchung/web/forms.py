from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kiemchung.sources.models import Source
from kiemchung.stories.models import AlertStatus, Theme
from kiemchung.web.search import Filters, Status

STATUS_CHOICES = [
    ("", _("Any status")),
    (Status.UNCHECKED, _("Not checked, no case")),
    (Status.IN_CASE, _("Has a case")),
    (Status.CHECKED, _("Already checked")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=300)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source = forms.ModelChoiceField(
        label=_("Source"), required=False, queryset=Source.objects.order_by("name")
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("Any theme")), *Theme.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        source = data.get("source")
        return Filters(
            query=data.get("q") or "",
            since=data.get("since"),
            until=data.get("until"),
            source=source.pk if source else None,
            theme=data.get("theme") or "",
            status=data.get("status") or "",
        )


class AlertStatusForm(forms.Form):
    """What a person may set an alert to: acknowledged or closed (never back to open)."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[c for c in AlertStatus.choices if c[0] != AlertStatus.OPEN]
    )
