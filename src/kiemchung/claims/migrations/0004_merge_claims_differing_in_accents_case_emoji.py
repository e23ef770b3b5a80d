"""Merge a story's claims that differ only in diacritics, case, emoji or decoration.

The claim identity (``kiemchung.claims.identity``) no longer counts those differences:
every claim gets its new key, and the claims of a story that now share one are merged
into the best-worded one (with diacritics, not shouted). The merged claims' cases point
to the kept claim, and their fact-check matches move to it unless it has the same match.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import migrations

from kiemchung.claims.identity import claim_key, preference


def _kept_first(claim: Any) -> tuple[Any, ...]:
    return (preference(claim.text), claim.checkworthiness, -claim.pk)


def merge_duplicates(apps: Any, schema_editor: Any) -> None:
    Claim = apps.get_model("claims", "Claim")
    ClaimMatch = apps.get_model("claims", "ClaimMatch")
    Case = apps.get_model("cases", "Case")
    groups: dict[tuple[int | None, str], list[Any]] = defaultdict(list)
    fields = ("pk", "story_id", "text", "key", "checkworthiness", "is_factual")
    for claim in Claim.objects.only(*fields).order_by("pk").iterator(chunk_size=2000):
        groups[(claim.story_id, claim_key(claim.text))].append(claim)
    renamed: list[tuple[Any, str]] = []
    for (story_id, key), claims in groups.items():
        if story_id is not None and len(claims) > 1:
            claims.sort(key=_kept_first, reverse=True)
            kept, merged = claims[0], claims[1:]
            merged_ids = [claim.pk for claim in merged]
            Case.objects.filter(claim_id__in=merged_ids).update(claim_id=kept.pk)
            known = set(
                ClaimMatch.objects.filter(claim=kept).values_list("factcheck_id", flat=True)
            )
            for match in ClaimMatch.objects.filter(claim_id__in=merged_ids).order_by("-score"):
                if match.factcheck_id not in known:
                    known.add(match.factcheck_id)
                    ClaimMatch.objects.filter(pk=match.pk).update(claim_id=kept.pk)
            if kept.is_factual is None:
                labels = {claim.is_factual for claim in merged} - {None}
                if len(labels) == 1:
                    Claim.objects.filter(pk=kept.pk).update(is_factual=labels.pop())
            Claim.objects.filter(pk__in=merged_ids).delete()
            claims = [kept]
        for claim in claims:
            if claim.key != key:
                renamed.append((claim, key))
    # Through a key no claim has, so no two claims of a story ever share one on the way.
    for claim, _key in renamed:
        claim.key = f"~{claim.pk}"
    Claim.objects.bulk_update([claim for claim, _key in renamed], ["key"], batch_size=1000)
    for claim, key in renamed:
        claim.key = key
    Claim.objects.bulk_update([claim for claim, _key in renamed], ["key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_factcheck_identity_publisher_rating_embeddings"),
        ("cases", "0004_case_list_order"),
    ]

    operations = [migrations.RunPython(merge_duplicates, migrations.RunPython.noop)]
