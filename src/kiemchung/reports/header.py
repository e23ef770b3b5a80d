"""The header and signature of a unit's reports, from its settings or from its name."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kiemchung.org.models import OrgUnit


@dataclass(frozen=True)
class Header:
    layout: str = "state"
    parent_body: str = ""
    issuing_body: str = "BAN CHỈ ĐẠO"
    abbreviation: str = "BCĐ"
    place: str = ""
    signing_for: str = "BAN CHỈ ĐẠO"
    signer_title: str = "TRƯỞNG BAN"
    signer_name: str = ""
    recipients: tuple[str, ...] = ("Lưu: VT.",)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["recipients"] = list(self.recipients)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Header:
        return cls(**{**data, "recipients": tuple(data.get("recipients", ()))})


def header_for(unit: OrgUnit | None) -> Header:
    """The unit's own settings, or defaults from its name and its parent's."""
    if unit is None:
        return Header()
    from kiemchung.reports.models import ReportSettings

    settings = ReportSettings.objects.filter(unit=unit).first()
    if settings is None:
        parent = unit.parent.name.upper() if unit.parent else ""
        return Header(parent_body=parent, issuing_body=unit.name.upper())
    recipients = tuple(
        line.strip().lstrip("-").strip()
        for line in settings.recipients.splitlines()
        if line.strip()
    )
    return Header(
        layout=settings.layout,
        parent_body=settings.parent_body,
        issuing_body=settings.issuing_body,
        abbreviation=settings.abbreviation,
        place=settings.place,
        signing_for=settings.signing_for,
        signer_title=settings.signer_title,
        signer_name=settings.signer_name,
        recipients=recipients,
    )
