"""Signals the worker sends; the heartbeat listens (see kiemchung.ops.heartbeat)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by ``kiemchung worker`` at every turn of its loop and around each task, with
# ``worker_id``. The operations layer turns it into a heartbeat row read by /healthz.
worker_turn = Signal()
