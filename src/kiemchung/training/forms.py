"""Forms of the training pages and the outreach log."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from kiemchung.org.models import OrgUnit
from kiemchung.org.names import display_name
from kiemchung.training.models import Audience, OutreachChannel
from kiemchung.training.services import GroupRow

MAX_GROUPS = 10


class MemberChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Members shown by full name (never by login name, when one is set)."""

    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


class SessionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    topic = forms.CharField(label=_("Topic"), max_length=300)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=60 * 24 * 5, initial=120
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    trainer = forms.CharField(
        label=_("Trainer"), max_length=300, help_text=_("Full name and position.")
    )
    audience = forms.ChoiceField(label=_("Main audience"), choices=Audience.choices)
    description = forms.CharField(
        label=_("Programme"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    members = MemberChoiceField(
        label=_("Members taking part"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, units: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units  # type: ignore[type-arg]
        cast(MemberChoiceField, self.fields["members"]).queryset = members

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("online") and not (data.get("place") or "").strip():
            self.add_error("place", _("Give the place, or tick “online”."))
        return data


class GroupForm(forms.Form):
    # A blank first choice: an untouched row of the form stays unchanged, and is skipped.
    audience = forms.ChoiceField(
        label=_("Audience"), choices=[("", "—"), *Audience.choices], required=True
    )
    description = forms.CharField(label=_("Which people"), max_length=300, required=False)
    count = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=100_000)
    score_before = forms.IntegerField(
        label=_("Average score before (%)"), min_value=0, max_value=100, required=False
    )
    score_after = forms.IntegerField(
        label=_("Average score after (%)"), min_value=0, max_value=100, required=False
    )

    def row(self) -> GroupRow:
        data = self.cleaned_data
        return GroupRow(
            audience=data["audience"],
            count=data["count"],
            description=data.get("description") or "",
            score_before=data.get("score_before"),
            score_after=data.get("score_after"),
        )


GroupFormSet = formset_factory(GroupForm, extra=2, max_num=MAX_GROUPS, validate_max=True)


def group_rows(formset: Any) -> list[GroupRow]:
    return [form.row() for form in formset.forms if form.has_changed() and form.is_valid()]


class MaterialForm(forms.Form):
    file = forms.FileField(label=_("File"))
    title = forms.CharField(label=_("Title"), max_length=300, required=False)


class OutreachForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label=_("Channel"), choices=OutreachChannel.choices)
    title = forms.CharField(label=_("What was published"), max_length=300)
    place = forms.CharField(
        label=_("Where"),
        max_length=300,
        required=False,
        help_text=_("The outlet, school or hamlet."),
    )
    details = forms.CharField(
        label=_("How"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )
    reach = forms.IntegerField(
        label=_("People reached"),
        min_value=0,
        max_value=10_000_000,
        required=False,
        help_text=_("An estimate; leave empty if unknown."),
    )
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units  # type: ignore[type-arg]
