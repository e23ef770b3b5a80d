"""A Telegram bot: updates arrive by webhook (``setWebhook`` with a ``secret_token``).

Telegram sends the secret in ``X-Telegram-Bot-Api-Secret-Token``; a call without it, or
with another value, is refused. Replies use the Bot API's ``sendMessage``.
"""

from __future__ import annotations

import hmac
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kiemchung.api.channels.base import Incoming, first_link, post_json

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105  (a header name)


class TelegramChannel:
    name = "telegram"

    def configured(self) -> bool:
        return bool(settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_WEBHOOK_SECRET)

    def verify(self, request: HttpRequest) -> bool:
        sent = request.headers.get(SECRET_HEADER, "")
        return bool(sent) and hmac.compare_digest(sent, settings.TELEGRAM_WEBHOOK_SECRET)

    def parse(self, update: dict[str, Any]) -> Incoming | None:
        message = update.get("message") or update.get("edited_message")
        if not isinstance(message, dict):
            return None
        text = str(message.get("text") or message.get("caption") or "").strip()
        sender = (message.get("from") or {}).get("id")
        chat = (message.get("chat") or {}).get("id")
        if not text or sender is None or chat is None:
            return None
        return Incoming(str(sender), str(chat), text, _link(message, text))

    def reply(self, message: Incoming, text: str) -> None:
        base = settings.TELEGRAM_API_BASE.rstrip("/")
        url = f"{base}/bot{settings.TELEGRAM_BOT_TOKEN}/sendMessage"
        post_json(url, {"chat_id": message.chat, "text": text})


def _link(message: dict[str, Any], text: str) -> str:
    """A hidden link (``text_link``) first, else the first address written out."""
    for entity in message.get("entities") or message.get("caption_entities") or []:
        if isinstance(entity, dict) and entity.get("type") == "text_link" and entity.get("url"):
            return str(entity["url"])
    return first_link(text)
