"""Fact-checks are imported in the shapes people have: pages, saved-page records, the API."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from kiemchung.claims.knowledge import ImportRefused, import_factchecks
from kiemchung.claims.models import FactCheck

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def review(n: int, rating: str = "False", **changes: Any) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": f"https://checks.example/a/{n}",
        "claimReviewed": f"The harbour tunnel number {n} is closed for good.",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "datePublished": "2026-03-11",
    }
    node.update(changes)
    return node


def page(*documents: Any) -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(d, ensure_ascii=False)}</script>'
        for d in documents
    )
    return f"<!DOCTYPE html><html><head><title>x</title>{scripts}</head><body>…</body></html>"


def run_import(path: Path, *options: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("factchecks", "import", str(path), *options, stdout=out, stderr=err)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


# --- a saved HTML page -------------------------------------------------------------------


def test_a_saved_page_with_a_graph_and_an_array_is_read(tmp_path: Path) -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "WebPage", "name": "x"}, review(1), review(2, "Engañoso")],
    }
    path = tmp_path / "article.html"
    path.write_text(page(graph, [review(3, "Faux")]), encoding="utf-8")
    report = import_factchecks(path)
    assert (report.format, report.added) == ("jsonld", 3)
    assert dict(report.verdicts) == {"false": 2, "misleading": 1}


# --- saved-page records --------------------------------------------------------------


def test_saved_page_records_in_json_lines_are_read_with_their_page_urls(tmp_path: Path) -> None:
    relative = review(1)
    relative["url"] = "/checks/relative"
    lines = [
        {"url": "https://checks.example/page/1", "page": page(relative)},
        {"url": "https://checks.example/page/2", "page": page({"@graph": [review(2), review(3)]})},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    code, out, _ = run_import(path)
    assert code == 0
    assert "3 records (pages): 3 added" in out
    assert FactCheck.objects.filter(url="https://checks.example/checks/relative").exists()


def test_saved_page_records_in_a_json_array_are_sniffed(tmp_path: Path) -> None:
    records = [{"url": "https://checks.example/p", "page": page(review(1))}]
    path = tmp_path / "crawl.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert import_factchecks(path).format == "pages"


def test_a_bad_saved_page_is_rejected_by_its_line_and_the_others_go_in(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://checks.example/p/1", "page": page(review(1))}),
        "{broken",
        json.dumps({"url": "https://checks.example/p/3", "page": "<html>no markup</html>"}),
        json.dumps({"url": "https://checks.example/p/4"}),
        json.dumps({"url": "https://checks.example/p/5", "page": page(review(5, "Hoaks"))}),
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, err = run_import(path, "--format", "pages")
    assert code == 1
    assert "2 added" in out and "3 rejected" in out
    assert "record 2: error: not valid JSON" in err
    assert "record 3: error: no ClaimReview in the page" in err
    assert 'record 4: error: not a saved page: no "page" text' in err


# --- the Fact Check Tools API ----------------------------------------------------------


def api_response() -> dict[str, Any]:
    return {
        "claims": [
            {
                "text": "Drinking seawater cures the common cold.",
                "claimant": "Posts on a social network",
                "claimDate": "2026-02-01T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Example Checks", "site": "checks.example"},
                        "url": "https://checks.example/seawater",
                        "title": "No, seawater does not cure colds",
                        "reviewDate": "2026-02-03T10:00:00Z",
                        "textualRating": "Falso",
                        "languageCode": "es",
                    },
                    {
                        "publisher": {"name": "Autre Vérif", "site": "verif.example"},
                        "url": "https://verif.example/eau-de-mer",
                        "reviewDate": "2026-02-04T08:00:00Z",
                        "textualRating": "Trompeur",
                        "languageCode": "fr",
                    },
                ],
            },
            {"text": "A claim nobody reviewed.", "claimReview": []},
        ],
        "nextPageToken": "abc",
    }


def test_a_fact_check_tools_api_response_is_sniffed_and_read(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_text(json.dumps(api_response(), ensure_ascii=False), encoding="utf-8")
    code, out, err = run_import(path)
    assert code == 1  # the claim without review is rejected, the others are in
    assert "2 records (factcheck-api): 2 added" in out
    assert "record 2: error: the claim has no claimReview" in err
    seawater = FactCheck.objects.get(url="https://checks.example/seawater")
    assert (seawater.verdict, seawater.original_rating) == ("false", "Falso")
    assert (seawater.publisher, seawater.publisher_url) == (
        "Example Checks",
        "https://checks.example",
    )
    assert (seawater.language, seawater.date_published) == ("es", "2026-02-03T10:00:00Z")
    assert seawater.extra["name"] == "No, seawater does not cure colds"
    assert "Posts on a social network" not in json.dumps(seawater.extra)
    assert FactCheck.objects.get(url="https://verif.example/eau-de-mer").verdict == "misleading"


def test_the_api_format_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "search.txt"
    path.write_text(json.dumps(api_response()), encoding="utf-8")
    assert import_factchecks(path, "factcheck-api").added == 2


# --- refusals and the summary ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        ("", "empty.jsonld", "empty"),
        ("this is not json", "notes.json", "not valid JSON"),
        ('[{"@type": "NewsArticle", "headline": "x"}]', "news.jsonld", "no ClaimReview"),
        ("<html><body>no markup</body></html>", "page.html", "no JSON-LD"),
        ('{"url": "https://a.example/", "page": "<p>x</p>"}\n', "crawl.jsonl", "no ClaimReview"),
        ('{"claims": []}', "api.json", "no claims"),
        ("name,text\nx,y\n", "sheet.csv", "header has no column"),
    ],
)
def test_a_file_refused_as_a_whole_exits_two(
    tmp_path: Path, content: str, name: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = run_import(path)
    assert code == 2
    assert reason in err
    with pytest.raises(ImportRefused):
        import_factchecks(path)


def test_the_summary_lists_the_unknown_labels_and_how_many_records_carry_each(
    tmp_path: Path,
) -> None:
    nodes = [review(1, "Explainer"), review(2, "Explainer"), review(3, "事實釐清"), review(4)]
    path = tmp_path / "kb.jsonld"
    path.write_text(json.dumps(nodes, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run_import(path)
    assert code == 0
    assert "Verdicts: unrated 3, false 1" in out
    assert "Unknown ratings, kept as unrated (2 labels, 3 records):" in out
    assert "    2  Explainer" in out
    assert "    1  事實釐清" in out
    _, json_out, _ = run_import(path, "--json")
    assert json.loads(json_out)["unrated_labels"] == {"Explainer": 2, "事實釐清": 1}


def test_the_multilingual_sample_is_imported_with_every_rating_read_but_three() -> None:
    report = import_factchecks(DATA / "claimreview_sample.jsonld")
    assert report.records == report.added == 72
    assert report.rejected == 0
    assert dict(report.unrated) == {"Explainer": 1, "事實釐清": 1, "7 / 9": 1}
    assert report.verdicts["false"] > 20
    languages = set(FactCheck.objects.values_list("language", flat=True))
    assert {"en", "vi", "es", "pt", "fr", "de", "ar", "zh-Hant", "zh-Hans", "hi", "id"} <= (
        languages
    )
    again = import_factchecks(DATA / "claimreview_sample.jsonld")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 72)
