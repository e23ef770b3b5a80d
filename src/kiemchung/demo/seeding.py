"""Load the demo organisation's sources, corpus and login. Idempotent.

The corpus (``data/corpus.jsonl``) is fictional and written by the project. Its dates
are shifted by whole days so that its newest document falls on the day of seeding, and
the dashboard's "last 24 hours" and alerts show something on a fresh install.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from kiemchung.claims.extraction import extract_pending
from kiemchung.claims.knowledge import import_factchecks
from kiemchung.claims.matching_service import match_pending
from kiemchung.demo.training import ensure_demo_training
from kiemchung.org.models import Membership, OrgUnit, PartnerAgency
from kiemchung.sources.canonical import canonical_url
from kiemchung.sources.ingest import Ingestor, IngestReport
from kiemchung.sources.models import Source, SourceKind
from kiemchung.sources.records import Record, Rejection, parse_time, record_from_mapping

DEMO_USERNAME = "demo"
SOURCE_KINDS = {"outlet": SourceKind.FEED, "page": SourceKind.MANUAL, "social": SourceKind.JSONL}


@dataclass(frozen=True)
class SeedResult:
    username: str
    password: str
    report: IngestReport
    shift_days: int
    factchecks_added: int
    stories_with_claims: int
    claims_matched: int
    people: list[str]


def data_file(name: str) -> Any:
    return resources.files("kiemchung.demo") / "data" / name


def seed_demo() -> SeedResult:
    username, password = ensure_demo_user()
    people = ensure_organisation(password)
    sources = ensure_sources()
    raw = [json.loads(line) for line in _lines("corpus.jsonl")]
    shift = shift_days(raw)
    records = sorted(_records(raw, shift), key=lambda r: r.posted_at or timezone.now())
    fallback = sources["__social__"]
    router = _Router(sources, fallback)
    report = Ingestor(fallback, route=router).run(records, "demo corpus")
    knowledge = import_factchecks(demo_factchecks_path(), "jsonld", is_local=True)
    extracted = extract_pending(limit=10_000)
    matched = match_pending(limit=100_000)
    ensure_demo_cases()
    ensure_demo_training()
    from kiemchung.demo.guides import ensure_demo_guides

    ensure_demo_guides()
    return SeedResult(
        username, password, report, shift, knowledge.added, extracted, matched, people
    )


def ensure_organisation(password: str) -> list[str]:
    """The demo's units, partner agencies and one person per role (same password as demo)."""
    described = json.loads(data_file("organisation.json").read_text(encoding="utf-8"))
    units: dict[str, OrgUnit] = {}
    for item in described["units"]:
        parent = units.get(item.get("parent", ""))
        units[item["key"]], _ = OrgUnit.objects.get_or_create(
            name=item["name"], parent=parent, defaults={"level": item.get("level", "")}
        )
    agencies: dict[str, PartnerAgency] = {}
    for item in described["agencies"]:
        agencies[item["key"]], _ = PartnerAgency.objects.get_or_create(
            name=item["name"],
            unit=units[item["unit"]],
            defaults={"sector": item.get("sector", ""), "email": item.get("email", "")},
        )
    user_model = get_user_model()
    usernames = []
    for item in described["people"]:
        user = user_model.objects.filter(username=item["username"]).first()
        if user is None:
            user = user_model.objects.create_user(
                item["username"],
                f"{item['username']}@kiemchung.invalid",
                password,
                first_name=item["first_name"],
                last_name=item["last_name"],
            )
        Membership.objects.get_or_create(
            user=user,
            unit=units[item["unit"]],
            role=item["role"],
            defaults={"agency": agencies.get(item.get("agency", ""))},
        )
        usernames.append(item["username"])
    demo = described["demo_user"]
    Membership.objects.get_or_create(
        user=user_model.objects.get(username=DEMO_USERNAME),
        unit=units[demo["unit"]],
        role=demo["role"],
    )
    return usernames


def ensure_demo_cases() -> int:
    """A few cases worked through the real workflow (audited), so every page has content:
    two published fact-checks, one waiting for its reviewer, one new. Only on first run."""
    from kiemchung.cases.models import Case

    if Case.objects.exists():
        return 0
    described = json.loads(data_file("organisation.json").read_text(encoding="utf-8"))
    unit_names = {unit["key"]: unit["name"] for unit in described["units"]}
    first_urls = _story_urls()
    done = 0
    for item in described.get("cases", []):
        story = _story_of(first_urls.get(item["story"], []))
        if story is not None:
            _work_demo_case(item, story, OrgUnit.objects.get(name=unit_names[item["unit"]]))
            done += 1
    return done


def _story_urls() -> dict[str, list[str]]:
    urls: dict[str, list[str]] = {}
    for line in _lines("corpus.jsonl"):
        item = json.loads(line)
        if item.get("url"):
            urls.setdefault(item["story"], []).append(canonical_url(item["url"]))
    return urls


def _story_of(urls: list[str]) -> Any:
    from kiemchung.sources.models import Document

    document = Document.objects.filter(url__in=urls, story__isnull=False).first()
    return document.story if document is not None else None


def _work_demo_case(item: dict[str, Any], story: Any, unit: OrgUnit) -> None:
    from kiemchung.cases import services
    from kiemchung.cases.models import CaseState

    users = get_user_model().objects
    author = users.get(username=item["author"])
    if item.get("claim"):
        case = services.open_case(
            author, unit, title=item["claim"], claim_text=item["claim"], story=story
        )
    else:
        case = services.open_from_story(author, story, unit)
    services.assign(author, case, author)
    if item["stage"] == "new":
        return
    for evidence in item.get("evidence", []):
        services.add_evidence_link(author, case, evidence["url"], evidence["title"])
    if item.get("note"):
        services.add_evidence_note(author, case, item["note"])
    services.set_verdict(author, case, item["verdict"], item["rationale"], item["summary"])
    services.change_state(author, case, CaseState.IN_REVIEW)
    if item["stage"] == "published":
        services.change_state(users.get(username=item["reviewer"]), case, CaseState.PUBLISHED)


def demo_factchecks_path() -> Path:
    return Path(str(resources.files("kiemchung.claims") / "demo_data" / "factchecks.jsonld"))


def ensure_demo_user() -> tuple[str, str]:
    """The demo login; its password is generated once and kept in the data folder."""
    path = Path(settings.DATA_DIR) / "demo_password"
    if path.exists():
        password = path.read_text(encoding="utf-8").strip()
    else:
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
    user_model = get_user_model()
    user = user_model.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user_model.objects.create_superuser(DEMO_USERNAME, "demo@kiemchung.invalid", password)
    elif not user.check_password(password):
        user.set_password(password)
        user.save()
    return DEMO_USERNAME, password


def ensure_sources() -> dict[str, Source]:
    described = json.loads(data_file("sources.json").read_text(encoding="utf-8"))
    sources: dict[str, Source] = {}
    for item in described:
        source, _ = Source.objects.get_or_create(
            name=item["name"],
            defaults={
                "kind": SOURCE_KINDS.get(item.get("kind", ""), SourceKind.MANUAL),
                "description": item.get("description", ""),
                # Demo outlets are fictional: nothing to poll.
                "is_active": False,
            },
        )
        sources[source.name] = source
    sources["__social__"], _ = Source.objects.get_or_create(
        name="Mạng xã hội (tệp xuất demo)",
        defaults={"kind": SourceKind.JSONL, "is_active": False},
    )
    return sources


def shift_days(raw: list[dict[str, Any]]) -> int:
    newest = max(_moment(item) for item in raw)
    return max(0, (timezone.now() - newest).days)


class _Router:
    """Public accounts' documents belong to their outlet or page; the rest to the export."""

    def __init__(self, sources: dict[str, Source], fallback: Source) -> None:
        self.sources, self.fallback = sources, fallback

    def __call__(self, record: Record) -> Source:
        if record.account_kind == "public":
            return self.sources.get(record.account, self.fallback)
        return self.fallback


def _records(raw: list[dict[str, Any]], shift: int) -> Iterator[Record]:
    for number, item in enumerate(raw, start=1):
        moved = dict(item, posted_at=(_moment(item) + timedelta(days=shift)).isoformat())
        record = record_from_mapping(moved, number)
        if isinstance(record, Rejection):
            raise ValueError(f"demo corpus {record}")
        yield record


def _moment(item: dict[str, Any]) -> datetime:
    moment = parse_time(item["posted_at"])
    assert moment is not None  # noqa: S101  (the corpus test guarantees it)
    return moment


def _lines(name: str) -> Iterator[str]:
    for line in data_file(name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield line
