from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kiemchung.org import member_rows
from kiemchung.org.models import OrgUnit, PartnerAgency, Role, Task, TaskStatus
from kiemchung.org.names import display_name


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of people, each shown by full name (never by login name)."""

    def label_from_instance(self, obj: Any) -> str:
        return display_name(obj)


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
    owner = PersonChoiceField(
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
            .order_by("first_name", "username")
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


# Roles given on the member pages: a liaison needs its agency (the organisation page).
ACCOUNT_ROLES = [(code, label) for code, label in Role.choices if code != Role.LIAISON]


class AccountForm(forms.Form):
    """A new member or collaborator: least rights by default (member, not head)."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=ACCOUNT_ROLES, initial=Role.MEMBER)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.CharField(label=_("Email"), max_length=254, required=False)
    send_link = forms.BooleanField(
        label=_("Email a link to choose a password now"), required=False, initial=True
    )

    def __init__(self, *args: Any, units: Any = None, roles: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])  # type: ignore[type-arg]
        field.queryset = units if units is not None else OrgUnit.objects.none()
        if roles is not None:
            cast(forms.ChoiceField, self.fields["role"]).choices = roles

    def clean_full_name(self) -> str:
        return _checked(member_rows.check_name, self.cleaned_data["full_name"])

    def clean_phone(self) -> str:
        return _checked(member_rows.check_phone, self.cleaned_data["phone"])

    def clean_email(self) -> str:
        return _checked(member_rows.check_email, self.cleaned_data["email"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("send_link") and not data.get("email"):
            self.add_error("email", _("The link is sent by email: give an email address."))
        return data

    def row(self) -> member_rows.MemberRow:
        data = self.cleaned_data
        return member_rows.MemberRow(
            number=0,
            full_name=data["full_name"],
            position=data["position"].strip(),
            unit=data["unit"],
            role=data["role"],
            phone=data["phone"],
            email=data["email"],
        )


def _checked(check: Any, value: str) -> str:
    try:
        return str(check(value))
    except member_rows.RowRefused as exc:
        raise forms.ValidationError(str(exc)) from exc


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Member list (.xlsx or .csv)"))
    unit = forms.ModelChoiceField(
        label=_("Unit for rows without one"), queryset=OrgUnit.objects.none(), required=False
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])  # type: ignore[type-arg]
        field.queryset = units if units is not None else OrgUnit.objects.none()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ACCOUNT_ROLES)


class CollaboratorTipForm(forms.Form):
    text = forms.CharField(
        label=_("What did you see or receive?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    url = forms.URLField(
        label=_("Link to it (if any)"), required=False, max_length=2000, assume_scheme="https"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("url"):
            raise forms.ValidationError(_("Write what you saw, or give its link."))
        return data


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
