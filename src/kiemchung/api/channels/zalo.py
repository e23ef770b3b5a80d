"""A Zalo Official Account: events arrive by the app's webhook.

Zalo signs each event: header ``X-ZEvent-Signature: mac=HEX`` where HEX is
SHA-256 of app id + the raw body + the body's ``timestamp`` + the OA secret key. An
event without it, or with another value, is refused. Replies use the OA API's
customer-service message (``POST /v3.0/oa/message/cs`` with the ``access_token``
header). Text, link and image events (the image's caption) are read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from kiemchung.api.channels.base import Incoming, first_link, post_json

SIGNATURE_HEADER = "X-ZEvent-Signature"
MESSAGE_EVENTS = ("user_send_text", "user_send_link", "user_send_image")


def zalo_mac(body: bytes, timestamp: str) -> str:
    material = (
        settings.ZALO_APP_ID.encode()
        + body
        + timestamp.encode()
        + settings.ZALO_OA_SECRET_KEY.encode()
    )
    return hashlib.sha256(material).hexdigest()


class ZaloChannel:
    name = "zalo"

    def configured(self) -> bool:
        return bool(
            settings.ZALO_APP_ID and settings.ZALO_OA_SECRET_KEY and settings.ZALO_OA_ACCESS_TOKEN
        )

    def verify(self, request: HttpRequest) -> bool:
        sent = request.headers.get(SIGNATURE_HEADER, "").strip()
        sent = sent.removeprefix("mac=").strip().lower()
        try:
            timestamp = str(json.loads(request.body).get("timestamp", ""))
        except (ValueError, AttributeError):
            return False
        if not sent or not timestamp:
            return False
        return hmac.compare_digest(sent, zalo_mac(request.body, timestamp))

    def parse(self, update: dict[str, Any]) -> Incoming | None:
        if update.get("event_name") not in MESSAGE_EVENTS:
            return None
        message = update.get("message") or {}
        sender = (update.get("sender") or {}).get("id")
        text = str(message.get("text") or "").strip()
        url = _attached_link(message) or first_link(text)
        if sender is None or not (text or url):
            return None
        return Incoming(str(sender), str(sender), text, url)

    def reply(self, message: Incoming, text: str) -> None:
        url = settings.ZALO_API_BASE.rstrip("/") + "/v3.0/oa/message/cs"
        body = {"recipient": {"user_id": message.chat}, "message": {"text": text}}
        post_json(url, body, {"access_token": settings.ZALO_OA_ACCESS_TOKEN})


def _attached_link(message: dict[str, Any]) -> str:
    for attachment in message.get("attachments") or []:
        if isinstance(attachment, dict) and attachment.get("type") == "link":
            return str((attachment.get("payload") or {}).get("url") or "")
    return ""
