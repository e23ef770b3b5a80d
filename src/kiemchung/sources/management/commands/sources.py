"""`kiemchung sources add|list`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from kiemchung.sources.models import Source, SourceKind
from kiemchung.sources.services import InputRefused, add_source


class Command(BaseCommand):
    help = "Manage watched sources."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser(
            "add", help="Watch a feed or web page (or register a file source)."
        )
        add.add_argument("name")
        add.add_argument("location", help="Feed/page URL, or a file path for import sources.")
        add.add_argument("--kind", choices=SourceKind.values, default=SourceKind.FEED)
        add.add_argument("--every", type=int, help="Poll interval in minutes.")
        actions.add_parser("list", help="List sources with their health.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "add":
            self._add(options)
        else:
            self._list()

    def _add(self, options: dict[str, Any]) -> None:
        try:
            source = add_source(
                options["name"], options["kind"], options["location"], options["every"]
            )
        except InputRefused as exc:
            raise CommandError(f"refused: {exc}") from exc
        except IntegrityError as exc:
            raise CommandError(f"a source named {options['name']!r} already exists") from exc
        self.stdout.write(f"added source {source.pk}: {source.name} ({source.kind})")

    def _list(self) -> None:
        for source in Source.objects.order_by("name"):
            health = source.health
            nxt = source.next_poll_at.isoformat() if source.next_poll_at else "-"
            self.stdout.write(
                f"{source.pk}\t{source.name}\t{source.kind}\t{source.location or '-'}\t"
                f"{source.documents.count()} docs\tnext: {nxt}\t{health}"
            )
