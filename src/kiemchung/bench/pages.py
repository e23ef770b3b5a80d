"""The page-speed benchmark: response times of the staff pages on a large database.

``kiemchung bench pages`` runs in a child process whose data folder (and, by default,
SQLite database) is the benchmark's own, so the operator's data is never touched. The
child builds a corpus of generated Vietnamese posts through the application's own path
(the Ingestor: identity, MinHash clustering into stories, hourly growth, spike alerts,
full-text index; then claim extraction, claim matching against the demo knowledge base
and triage scoring, as the worker does), or reuses the one built by an earlier run with
the same size and seed. It then times each page of ``PAGES`` with Django's test client,
logged in, and prints one JSON line.

Every step of the build is idempotent, so a build that was interrupted is completed by
the next run instead of being started over.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiemchung.bench.ingest import CHILD_FLAG, child_environment

DEFAULT_DATA_DIR = Path(tempfile.gettempdir()) / "kiemchung-bench-pages"
SOURCE_PREFIX = "bench: "
SOCIAL_SOURCE = SOURCE_PREFIX + "social-media export"
FORMAT = 2  # bump when the generated corpus changes, so old builds are rebuilt
END = datetime(2026, 5, 31, 23, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
DAYS = 30
WARMUP = 3
USERNAME = "bench"


def _largest_story() -> str:
    from kiemchung.stories.models import Story

    story = Story.objects.order_by("-doc_count", "pk").only("pk").first()
    return f"/stories/{story.pk}/" if story else "/stories/0/"


def _typical_story() -> str:
    """A story of median size among those with more than one document."""
    from kiemchung.stories.models import Story

    several = Story.objects.filter(doc_count__gt=1).order_by("doc_count", "pk")
    middle = several.count() // 2
    story = several.only("pk")[middle : middle + 1].first()
    return f"/stories/{story.pk}/" if story else _largest_story()


def _admin(name: str) -> Callable[[], str]:
    def url() -> str:
        from django.urls import reverse

        return reverse(f"admin:{name}")

    return url


def _first(model: str, path: str, **filters: Any) -> Callable[[], str]:
    def url() -> str:
        from django.apps import apps

        found = apps.get_model(model).objects.filter(**filters).order_by("pk").first()
        return path.format(pk=found.pk if found else 0)

    return url


# The measured pages: (name, URL builder). Add a page here and it is measured.
PAGES: list[tuple[str, Callable[[], str]]] = [
    ("dashboard", lambda: "/"),
    ("search_words", lambda: "/search/?q=ngân+hàng+tài+khoản"),
    ("search_filters", lambda: "/search/?theme=scam&status=unchecked"),
    ("document", _first("sources.Document", "/documents/{pk}/")),
    ("cases_open", lambda: "/cases/"),
    ("cases_all", lambda: "/cases/?state=all"),
    ("case_published", _first("cases.Case", "/cases/{pk}/", state="published")),
    ("tips", lambda: "/tips/"),
    ("tasks", lambda: "/org/tasks/"),
    ("organisation", lambda: "/org/"),
    ("public_list", lambda: "/kiem-chung/"),
    ("public_factcheck", _first("cases.Case", "/kiem-chung/{pk}/", state="published")),
    ("public_search", lambda: "/kiem-chung/tim-kiem/?q=tai+khoan+ngan+hang"),
    ("story_largest", _largest_story),
    ("story_typical", _typical_story),
    ("admin_stories", _admin("stories_story_changelist")),
    ("admin_documents", _admin("sources_document_changelist")),
    ("admin_alerts", _admin("stories_alert_changelist")),
    ("admin_claims", _admin("claims_claim_changelist")),
]


# --- the parent: an isolated child process ---------------------------------------------


def run_isolated(
    documents: int,
    repeat: int,
    seed: int,
    data_dir: Path | None = None,
    database_url: str | None = None,
) -> dict[str, Any]:
    """Run the benchmark in a child process on the benchmark's own data folder."""
    folder = (data_dir or DEFAULT_DATA_DIR).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    env = child_environment(folder, database_url)
    # Matching during the build is lexical: embedding 100,000 claims would dominate the
    # build and changes nothing the pages read.
    env["KIEMCHUNG_EMBEDDER"] = "none"
    env["KIEMCHUNG_LOG_LEVEL"] = "WARNING"
    # One thread per scikit-learn prediction: the triage step explains stories one by
    # one, and OpenMP threads competing for two cores made it a hundred times slower.
    env.setdefault("OMP_NUM_THREADS", "1")
    command = [
        sys.executable,
        "-m",
        "kiemchung.cli",
        "bench",
        "pages",
        CHILD_FLAG,
        "--documents",
        str(documents),
        "--repeat",
        str(repeat),
        "--seed",
        str(seed),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr[-4000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["data_dir"] = str(folder)
    return figures


# --- the child: build (or reuse), then measure ------------------------------------------


def measure(documents: int, repeat: int, seed: int) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from kiemchung.claims.models import Claim, ClaimMatch
    from kiemchung.sources.models import Document
    from kiemchung.stories.models import Alert, Story

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    reused, steps = build(documents, seed)
    build_seconds = time.perf_counter() - started
    pages = {name: time_page(url(), repeat) for name, url in PAGES}
    return {
        "documents": Document.objects.count(),
        "stories": Story.objects.count(),
        "claims": Claim.objects.count(),
        "claim_matches": ClaimMatch.objects.count(),
        "open_alerts": Alert.objects.filter(status="open").count(),
        "already_checked": Story.objects.exclude(already_checked=None).count(),
        "reused": reused,
        "build_seconds": round(build_seconds, 1),
        "build_steps": steps,
        "repeat": repeat,
        "database": connection.vendor,
        "pages": pages,
    }


def time_page(url: str, repeat: int) -> dict[str, Any]:
    """p50 and p95 of ``repeat`` requests after a warm-up, and the page's query count."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(bench_user())
    for _ in range(WARMUP):
        _get(client, url)
    queries = 0

    def count(execute: Callable[..., Any], *args: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(*args)

    with connection.execute_wrapper(count):
        _get(client, url)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        _get(client, url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "p50_ms": round(percentile(timings, 50), 1),
        "p95_ms": round(percentile(timings, 95), 1),
        "queries": queries,
    }


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _get(client: Any, url: str) -> None:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")


def bench_user() -> Any:
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user = user_model.objects.filter(username=USERNAME).first()
    if user is None:
        user = user_model.objects.create_superuser(USERNAME, "bench@kiemchung.invalid", None)
    return user


def build(documents: int, seed: int) -> tuple[bool, dict[str, float]]:
    """Build the corpus, or complete or reuse an earlier one. (reused, seconds per step)"""
    from kiemchung.sources.models import Document, Source

    label = f"format={FORMAT} documents={documents} seed={seed}"
    marker = Source.objects.filter(name=SOCIAL_SOURCE).first()
    if marker is not None and marker.description != label:
        _wipe()
        marker = None
    if Source.objects.exclude(name__startswith=SOURCE_PREFIX).exists():
        raise RuntimeError(
            "the benchmark's database holds other data: give it its own --data-dir "
            "or an empty --database-url"
        )
    reused = marker is not None and Document.objects.count() == documents
    if marker is None:
        Source.objects.create(name=SOCIAL_SOURCE, kind="jsonl", description=label)
    plan: list[tuple[str, Callable[[], None]]] = [
        ("ingest", lambda: _ingest(documents, seed)),
        ("factchecks", _import_factchecks),
        ("claims", _extract_claims),
        # Publishing marks claims for matching again: the desk's work comes before matching.
        ("desk", _desk_work),
        ("matching", _match_claims),
        ("triage", _score_stories),
        ("vacuum", _vacuum),
    ]
    steps: dict[str, float] = {}
    for name, step in plan:
        started = time.perf_counter()
        step()
        steps[name] = round(time.perf_counter() - started, 1)
    return reused, steps


def _wipe() -> None:
    """Empty the benchmark's own database (it holds nothing but an earlier build)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from kiemchung.sources.models import Source
    from kiemchung.sources.search import TABLE

    if Source.objects.exclude(name__startswith=SOURCE_PREFIX).exists():
        raise RuntimeError("the benchmark's database holds other data: refusing to empty it")
    call_command("flush", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('delete-all')")  # noqa: S608
        else:
            cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
    for folder in ("story_index", "models"):
        shutil.rmtree(Path(settings.DATA_DIR) / folder, ignore_errors=True)


def _ingest(documents: int, seed: int, records: Iterator[Any] | None = None) -> None:
    from kiemchung.sources.ingest import Ingestor
    from kiemchung.sources.models import Document, Source, SourceKind
    from kiemchung.sources.records import Record

    if Document.objects.count() >= documents:
        return
    social = Source.objects.get(name=SOCIAL_SOURCE)
    outlets = {
        name: Source.objects.get_or_create(
            name=SOURCE_PREFIX + name, defaults={"kind": SourceKind.FEED, "is_active": False}
        )[0]
        for name in OUTLETS
    }

    def route(record: Record) -> Source:
        if record.account_kind == "public":
            return outlets.get(record.account, social)
        return social

    Ingestor(social, workers=min(2, os.cpu_count() or 1), route=route).run(
        records if records is not None else corpus(documents, seed), "bench pages"
    )


def _import_factchecks() -> None:
    from kiemchung.claims.knowledge import import_factchecks
    from kiemchung.claims.models import FactCheck
    from kiemchung.demo.seeding import demo_factchecks_path

    if not FactCheck.objects.exists():
        import_factchecks(demo_factchecks_path(), "jsonld", is_local=True)


def _extract_claims() -> None:
    from kiemchung.claims.extraction import extract_pending

    while extract_pending(limit=2000):
        pass


def _match_claims() -> None:
    from kiemchung.claims.matching_service import match_pending

    while match_pending(limit=5000):
        pass


DESK_CASES = 300
DESK_PUBLISHED = 30
DESK_TIPS = 200
DESK_TASKS = 60


def _desk_work() -> None:
    """Cases (some in review, some published through the workflow), tasks and tips, so
    the desk's lists are measured full. Done once per database."""
    from datetime import timedelta

    from django.utils import timezone

    from kiemchung.cases import services
    from kiemchung.cases.models import Case, CaseState
    from kiemchung.org.models import OrgUnit, PartnerAgency, Role, Task
    from kiemchung.publishing.models import Tip
    from kiemchung.stories.models import Story
    from kiemchung.testing.org import make_user

    if Case.objects.exists():
        return
    unit = OrgUnit.objects.create(name="Bench: tổ kiểm chứng")
    verifier = make_user(Role.VERIFIER, unit, "bench-verifier")
    reviewer = make_user(Role.REVIEWER, unit, "bench-reviewer")
    agency = PartnerAgency.objects.create(name="Bench: công an", unit=unit)
    stories = Story.objects.filter(already_checked=None).order_by("-doc_count")[:DESK_CASES]
    for number, story in enumerate(stories):
        case = services.open_from_story(verifier, story, unit)
        services.assign(bench_user(), case, bench_user() if number % 3 == 0 else verifier)
        if number % 3 != 0:
            continue
        services.add_evidence_link(verifier, case, f"https://bench.example/{number}", "Nguồn")
        services.set_verdict(verifier, case, "false", "Lập luận.", "Tóm tắt.")
        services.change_state(verifier, case, CaseState.IN_REVIEW)
        if number < DESK_PUBLISHED * 3:
            services.change_state(reviewer, case, CaseState.PUBLISHED)
    today = timezone.localdate()
    Task.objects.bulk_create(
        Task(agency=agency, title=f"Nhiệm vụ {n}", due_date=today + timedelta(days=n % 9 - 4))
        for n in range(DESK_TASKS)
    )
    Tip.objects.bulk_create(
        Tip(text=f"Tin nhắn lạ báo tài khoản ngân hàng bị khóa số {n}") for n in range(DESK_TIPS)
    )


def _score_stories() -> None:
    from kiemchung.claims.triage_service import latest_model, model_folder, score_stories
    from kiemchung.triage import save, train
    from kiemchung.triage.devdata import demo_dataset

    if latest_model() is None:
        save(train(demo_dataset(), seed=0), model_folder(), note="bench pages: demo corpus")
    while score_stories(limit=2000):
        pass


def _vacuum() -> None:
    """On PostgreSQL, what autovacuum does after a bulk load: statistics and the
    visibility map (without it, counting rows reads the whole table)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


# --- the generated corpus ---------------------------------------------------------------

OUTLETS = (
    "Báo Hòa Lâm",
    "Đài Phát thanh Hòa Lâm",
    "Cổng thông tin tỉnh",
    "Trang tin Đông Hòa",
    "Tin nhanh Miền Trung",
    "Báo Nông thôn",
    "Công an tỉnh",
    "Sở Y tế",
    "Tin tức 24h",
    "Bản tin Sông Lam",
)
PLATFORMS = ("facebook", "zalo", "tiktok", "youtube")


@dataclass(frozen=True, slots=True)
class _Story:
    number: int
    size: int
    start: datetime
    burst: bool
    sentences: tuple[str, ...]


def corpus(documents: int, seed: int, end: datetime = END, days: int = DAYS) -> Iterator[Any]:
    """``documents`` generated posts in stories of heavy-tailed sizes, oldest first.

    Most stories are a single post; a few are copied hundreds of times. Copies are
    rewritten as on social media (no diacritics, hashtags, a clause moved first). One
    story in fifty repeats a claim of the demo knowledge base, so some are already
    checked. One in ten of the larger stories bursts within a few hours (spike alerts).
    """
    from kiemchung.sources.records import Record, record_from_mapping

    rng = random.Random(seed)  # noqa: S311 (reproducible benchmark data, not secrets)
    stories = _stories(documents, rng, seed, end, days)
    rows: list[tuple[datetime, int, int]] = []
    for story in stories:
        for copy in range(story.size):
            rows.append((_moment(story, copy, rng, end), story.number, copy))
    rows.sort()
    by_number = {story.number: story for story in stories}
    for line, (moment, number, copy) in enumerate(rows, start=1):
        record = record_from_mapping(_post(by_number[number], copy, moment, rng), line)
        if isinstance(record, Record):
            yield record


def _stories(
    documents: int, rng: random.Random, seed: int, end: datetime = END, days: int = DAYS
) -> list[_Story]:
    from kiemchung.matching.synthetic import claims
    from kiemchung.testing.factories import random_post

    largest = max(5, documents // 100)
    sizes: list[int] = []
    while sum(sizes) < documents:
        single = rng.random() < 0.55
        sizes.append(1 if single else min(largest, int(rng.paretovariate(1.05)) + 1))
    sizes[-1] -= sum(sizes) - documents
    pool = claims(3 * len(sizes), seed)
    known = _factcheck_claims()
    stories = []
    for number, size in enumerate(sizes):
        sentences = pool[3 * number : 3 * number + rng.choice((2, 3))]
        if known and number % 50 == 7:
            sentences = [known[number % len(known)], *sentences[1:]]
        # The claims come from a few dozen templates; the story's own words keep two
        # stories built on the same templates apart, as different posts are.
        sentences.append(random_post(rng, words=rng.randint(30, 60)))
        start = end - timedelta(seconds=rng.uniform(0, days * 86400))
        burst = size >= 5 and rng.random() < 0.1
        stories.append(_Story(number, size, start, burst, tuple(sentences)))
    return stories


def _factcheck_claims() -> list[str]:
    from kiemchung.demo.seeding import demo_factchecks_path

    reviews = json.loads(demo_factchecks_path().read_text(encoding="utf-8"))
    return [str(review["claimReviewed"]) for review in reviews if review.get("claimReviewed")]


def _moment(story: _Story, copy: int, rng: random.Random, end: datetime = END) -> datetime:
    if copy == 0:
        return story.start
    hours = rng.uniform(0, 5) if story.burst else rng.expovariate(1 / 18)
    return min(end, story.start + timedelta(hours=hours))


def _post(story: _Story, copy: int, moment: datetime, rng: random.Random) -> dict[str, Any]:
    from kiemchung.matching.synthetic import variant

    sentences = list(story.sentences)
    if copy:
        sentences = [variant(s, rng) if rng.random() < 0.5 else s for s in sentences]
    public = rng.random() < 0.3
    post: dict[str, Any] = {
        "text": " ".join(sentences),
        "url": f"https://social.example/bench/{story.number}/{copy}",
        "posted_at": moment.isoformat(),
        "likes": int(rng.paretovariate(1.2) * 3) - 3,
        "comments": int(rng.paretovariate(1.4)) - 1,
        "shares": int(rng.paretovariate(1.3) * 2) - 2,
    }
    if public:
        post.update(
            account=rng.choice(OUTLETS), account_kind="public", platform="web", title=sentences[0]
        )
    else:
        post.update(
            account=f"nguoidung{rng.randrange(20_000)}",
            account_kind="private",
            platform=rng.choice(PLATFORMS),
        )
    return post
