"""Chat channels where citizens send tips: one module per platform, one registry.

A channel verifies the platform's signature, turns an update into an ``Incoming``
message (or None for updates that are not messages), and sends a reply through the
SSRF-safe client to its configured API base. ``kiemchung.api.channels.service`` does
the rest, the same for every platform.
"""

from __future__ import annotations

from kiemchung.api.channels.base import Channel, Incoming
from kiemchung.api.channels.telegram import TelegramChannel
from kiemchung.api.channels.zalo import ZaloChannel

CHANNELS: dict[str, Channel] = {
    channel.name: channel for channel in (ZaloChannel(), TelegramChannel())
}

__all__ = ["CHANNELS", "Channel", "Incoming"]
