"""The guide form of the staff pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kiemchung.claims.models import FactCheck
from kiemchung.guides.models import Guide
from kiemchung.org.models import OrgUnit
from kiemchung.publishing.services import published_factchecks


class FactCheckChoice(forms.ModelMultipleChoiceField[FactCheck]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.claim_reviewed)[:140]


class GuideForm(forms.ModelForm[Guide]):
    related_factchecks = FactCheckChoice(
        queryset=FactCheck.objects.none(),
        required=False,
        label=_("Related fact-checks"),
        help_text=_("The guide is shown on these fact-checks' pages."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Guide
        fields = ("unit", "title", "topic", "summary", "body")
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18}),
        }

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["related_factchecks"].queryset = published_factchecks()  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["unit"].disabled = True
            self.initial["related_factchecks"] = list(
                self.instance.related_factchecks.values_list("pk", flat=True)
            )
