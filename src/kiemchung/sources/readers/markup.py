"""HTML to plain text for feed summaries (not for pages: see ``webpage``)."""

from __future__ import annotations

import html
import re

import lxml.html
from lxml.etree import ParserError

BLOCK_TAGS = ("p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "blockquote")


def html_to_text(markup: str) -> str:
    if "<" not in markup:
        return html.unescape(markup).strip()
    try:
        tree = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", markup).strip()
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    for element in tree.iter("script", "style"):
        element.drop_tree()
    text = tree.text_content()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()
