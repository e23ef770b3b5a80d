"""Forms of the case page. They only parse input; the services decide and record."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from kiemchung.cases.models import CaseState
from kiemchung.claims.models import CASE_VERDICTS
from kiemchung.core.params import IdField
from kiemchung.core.uploads import ALLOWED
from kiemchung.org.forms import PersonChoiceField
from kiemchung.sources.forms import WebAddressField
from kiemchung.sources.models import Document

ACCEPT = ",".join(sorted({*ALLOWED, *(content_type for content_type, _magic in ALLOWED.values())}))


def _text(label: Any, *, required: bool = True, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


def _title() -> forms.CharField:
    return forms.CharField(label=_("Title"), required=False, max_length=300)


class LinkEvidenceForm(forms.Form):
    # Django's URLField also takes ftp: evidence links are http(s) only.
    url = WebAddressField(label=_("Link"), max_length=2000, assume_scheme="https")
    title = _title()
    note = _text(_("Note"), required=False, rows=2)


class NoteEvidenceForm(forms.Form):
    title = _title()
    text = _text(_("Note"))


class FileEvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )
    title = _title()


class CiteDocumentForm(forms.Form):
    document = forms.ModelChoiceField(queryset=Document.objects.all(), widget=forms.HiddenInput)


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=[("", "—"), *CASE_VERDICTS])
    rationale = _text(_("Rationale"), rows=5)
    summary = _text(_("Public summary"), required=False)


class ClaimForm(forms.Form):
    claim_text = _text(_("Claim to check"), rows=3)
    public_title = forms.CharField(
        label=_("Public title"),
        required=False,
        max_length=300,
        help_text=_("The heading readers see on the public page. Write it yourself."),
    )


class AlreadyCheckedForm(forms.Form):
    factcheck = IdField(label=_("Fact-check"))
    note = _text(_("Note for the history (optional)"), required=False, rows=2)


class CommentForm(forms.Form):
    text = _text(_("Comment"))


class StateForm(forms.Form):
    target = forms.ChoiceField(choices=CaseState.choices)
    duplicate_of = IdField(label=_("Duplicate of case number"), required=False)
    note = _text(_("Note for the history (optional)"), required=False, rows=2)


class AssignForm(forms.Form):
    assignee = PersonChoiceField(
        label=_("Assign to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("(nobody)"),
    )

    def __init__(self, *args: Any, assignable: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        if isinstance(field, forms.ModelChoiceField) and assignable is not None:
            field.queryset = assignable


class OpenCaseForm(forms.Form):
    story_id = IdField(required=False)
    claim_id = IdField(required=False)
    tip_id = IdField(required=False)
    unit = IdField(required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("story_id", "claim_id", "tip_id") if data.get(name)]
        if len(given) != 1:
            raise forms.ValidationError(_("Open a case from one story, claim or tip."))
        return data
