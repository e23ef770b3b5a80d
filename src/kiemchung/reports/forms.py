from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kiemchung.reports.periods import HELP, Period, PeriodError, parse_period


class PeriodForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int)
    period = forms.CharField(label=_("Period"), max_length=30, help_text=HELP)

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = units  # type: ignore[attr-defined]

    def clean_period(self) -> Period:
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError:
            raise forms.ValidationError(
                _("Write the period as %(forms)s.") % {"forms": HELP}
            ) from None


class IssueForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=30)
    issued_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
