"""`kiemchung seed-demo`: the demo sources, corpus and login (safe to run again)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from kiemchung.demo.seeding import seed_demo


class Command(BaseCommand):
    help = "Load the demo organisation's sources, corpus and login. Running it again adds nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        result = seed_demo()
        report = result.report
        self.stdout.write(
            f"Demo corpus: {report.added} documents added, {report.duplicates} already present, "
            f"{report.new_stories} new stories (dates shifted by {result.shift_days} days); "
            f"{result.factchecks_added} fact-checks added; claims extracted for "
            f"{result.stories_with_claims} stories, {result.claims_matched} claims matched."
        )
        self.stdout.write(
            f"Demo staff, one per role, same password: {', '.join(result.people)} "
            "(see /org/ for their roles)."
        )
        self.stdout.write(
            f"Log in at {settings.PUBLIC_BASE_URL.rstrip('/')}/ "
            f"as {result.username} / {result.password}"
        )
