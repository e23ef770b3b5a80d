"""`kiemchung worker`: runs background tasks and the scheduler in one process."""

from __future__ import annotations

import os
import socket
from argparse import ArgumentParser
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kiemchung.ops import scheduler
from kiemchung.ops.signals import worker_turn


class AnnouncingWorker(Worker):
    """django-tasks-db's worker, sending ``worker_turn`` at each turn of its loop.

    Its loop reads ``running`` once per turn: that read is the one hook it offers. A read
    from the signal handler (``shutdown``) sends nothing, so no query runs inside it.
    """

    _running = True
    _in_signal_handler = False

    @property
    def running(self) -> bool:
        if not self._in_signal_handler:
            worker_turn.send(sender=type(self), worker_id=self.worker_id)
        return self._running

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        self._in_signal_handler = True
        try:
            super().shutdown(signum, frame)
        finally:
            self._in_signal_handler = False

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        worker_turn.send(sender=type(self), worker_id=self.worker_id)
        try:
            super().run_task(db_task_result)
        finally:
            worker_turn.send(sender=type(self), worker_id=self.worker_id)


class Command(BaseCommand):
    help = "Run the background worker: queued tasks plus the scheduler (due sources)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between queue checks."
        )
        parser.add_argument(
            "--schedule-every", type=float, default=30.0, help="Seconds between scheduler ticks."
        )
        parser.add_argument("--no-scheduler", action="store_true", help="Only run queued tasks.")
        parser.add_argument(
            "--batch",
            action="store_true",
            help=(
                "Run one scheduler tick that drains all queued work (claims, matches, "
                "scores, in bounded chunks committed as they go) and all queued tasks, "
                "then exit."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch"]:
            scheduler.tick(drain=True)
        elif not options["no_scheduler"]:
            scheduler.start_thread(options["schedule_every"])
        worker = AnnouncingWorker(
            queue_names=["default"],
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=not options["batch"],
            max_tasks=None,
            worker_id=f"{socket.gethostname()}-{os.getpid()}",
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
