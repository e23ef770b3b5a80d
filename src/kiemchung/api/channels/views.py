"""``POST /api/channels/<name>/``: the webhook each platform calls."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kiemchung.api.channels import CHANNELS
from kiemchung.api.channels.service import handle


@csrf_exempt  # the platforms sign their calls instead; no cookie is ever used here
@require_POST
def channel_webhook(request: HttpRequest, name: str) -> HttpResponse:
    channel = CHANNELS.get(name)
    if channel is None or not channel.configured():
        raise Http404("no such channel")
    if not channel.verify(request):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        update = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "not JSON"}, status=400)
    if not isinstance(update, dict):
        return JsonResponse({"error": "not a JSON object"}, status=400)
    message = channel.parse(update)
    if message is not None:
        handle(channel, message)
    return JsonResponse({"ok": True})
