from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kiemchung.org.models import OrgUnit, PartnerAgency, Role, Task, TaskStatus


class TaskForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Partner agency"), queryset=PartnerAgency.objects.none()
    )
    title = forms.CharField(label=_("Task"), max_length=300)
    description = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    owner = forms.ModelChoiceField(
        label=_("Owner"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_field = cast(forms.ModelChoiceField, self.fields["agency"])  # type: ignore[type-arg]
        owner_field = cast(forms.ModelChoiceField, self.fields["owner"])  # type: ignore[type-arg]
        scope = units if units is not None else OrgUnit.objects.none()
        agency_field.queryset = PartnerAgency.objects.filter(unit__in=scope, is_active=True)
        owner_field.queryset = (
            get_user_model()
            .objects.filter(memberships__unit__in=scope, is_active=True)
            .distinct()
            .order_by("username")
        )

    def clean_due_date(self) -> Any:
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("The due date is in the past."))
        return due


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    due_date = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    @classmethod
    def for_task(cls, task: Task) -> TaskUpdateForm:
        return cls(initial={"status": task.status, "due_date": task.due_date})


class MemberForm(forms.Form):
    """A role for an existing account; the agency only from those the head may choose."""

    username = forms.CharField(label=_("User name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    agency = forms.ModelChoiceField(
        label=_("Agency (liaisons only)"), queryset=PartnerAgency.objects.none(), required=False
    )

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["agency"])  # type: ignore[type-arg]
        field.queryset = agencies if agencies is not None else PartnerAgency.objects.none()

    def clean_username(self) -> Any:
        name = self.cleaned_data["username"].strip()
        member = get_user_model().objects.filter(username=name, is_active=True).first()
        if member is None:
            raise forms.ValidationError(_("No active account has this user name."))
        return member


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class TaskReportForm(forms.Form):
    note = forms.CharField(
        label=_("Result"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        help_text=_("What was done, by whom, and what came of it."),
    )
    attachments = MultipleFileField(label=_("Files (optional)"), required=False)
