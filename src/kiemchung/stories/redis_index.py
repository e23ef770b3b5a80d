"""The band store in Redis, shared by every worker of a larger installation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import redis
from django.conf import settings

from kiemchung.stories.index import MAX_SIGNATURES_PER_STORY, SNAPSHOT_VERSION, IndexEntry


@dataclass
class RedisBandStore:
    client: Any
    prefix: str

    @classmethod
    def from_settings(cls) -> RedisBandStore:
        client = redis.Redis.from_url(settings.REDIS_URL)
        prefix = f"{settings.REDIS_PREFIX}:story-index:v{SNAPSHOT_VERSION}"
        return cls(client=client, prefix=prefix)

    def stories_for(self, bands: Iterable[int]) -> set[int]:
        pipe = self.client.pipeline(transaction=False)
        for band in bands:
            pipe.smembers(self._band(band))
        found: set[int] = set()
        for members in pipe.execute():
            found.update(int(member) for member in members)
        return found

    def stories_for_many(self, band_lists: Sequence[Sequence[int]]) -> list[set[int]]:
        """Several documents' stories in one round trip."""
        pipe = self.client.pipeline(transaction=False)
        for bands in band_lists:
            for band in bands:
                pipe.smembers(self._band(band))
        replies = iter(pipe.execute())
        found: list[set[int]] = []
        for bands in band_lists:
            stories: set[int] = set()
            for members in islice(replies, len(bands)):
                stories.update(int(member) for member in members)
            found.append(stories)
        return found

    def signatures_for(self, story_ids: Iterable[int]) -> dict[int, list[bytes]]:
        ids = list(story_ids)
        pipe = self.client.pipeline(transaction=False)
        for sid in ids:
            pipe.lrange(self._story(sid), 0, -1)
        return {sid: list(sigs) for sid, sigs in zip(ids, pipe.execute(), strict=True) if sigs}

    def apply(self, entries: list[IndexEntry]) -> None:
        if not entries:
            return
        pipe = self.client.pipeline(transaction=True)
        for entry in entries:
            for band in entry.bands:
                pipe.sadd(self._band(band), entry.story_id)
            if entry.keep_signature:
                pipe.rpush(self._story(entry.story_id), entry.signature)
                pipe.ltrim(self._story(entry.story_id), 0, MAX_SIGNATURES_PER_STORY - 1)
        last = max(entries, key=lambda e: e.doc_id)
        pipe.hset(self._meta(), mapping={"doc_id": last.doc_id, "signature": last.signature})
        pipe.execute()

    def last_doc_id(self) -> int:
        value = self.client.hget(self._meta(), "doc_id")
        return int(value) if value else 0

    def last_signature(self) -> bytes:
        value = self.client.hget(self._meta(), "signature")
        return bytes(value) if value else b""

    def reset(self) -> None:
        cursor = 0
        while True:
            cursor, keys = self.client.scan(cursor, match=f"{self.prefix}:*", count=1000)
            if keys:
                self.client.delete(*keys)
            if cursor == 0:
                break

    def save(self) -> None:
        """Redis keeps the index itself; nothing to write."""

    def _band(self, band: int) -> str:
        return f"{self.prefix}:b:{band}"

    def _story(self, story_id: int) -> str:
        return f"{self.prefix}:s:{story_id}"

    def _meta(self) -> str:
        return f"{self.prefix}:meta"
