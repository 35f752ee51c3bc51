"""HTML articles: only text content is checked.

Tags, comments, scripts and styles are replaced by spaces (block-level tags by
a newline, so paragraphs stay apart); entities are replaced by the character
they stand for followed by padding.  The text keeps the source's length, so
line and column are those of the original file.
"""
from __future__ import annotations

import html
import re

from factlint.documents import blank_matches, mask
from factlint.hookspecs import hookimpl

EXTENSIONS = (".html", ".htm", ".xhtml")
# what no reader reads as the article: code, the head, and the page's chrome around the story (menus,
# the footer's small print, asides: related links, pull quotes repeating the body)
HIDDEN = re.compile(r"<(script|style|noscript|template|head|nav|footer|aside)\b.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>"
                    r"|<![^>]*>|<\?.*?\?>", re.S | re.I)
TAG = re.compile(r"</?([A-Za-z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "aside", "table", "tr", "td", "th", "hr",
    "figure", "figcaption", "pre", "title", "main", "nav", "dd", "dt",
}


def _tag_filler(match) -> str:
    filled = mask(match.group())
    if match.group(1).lower() in BLOCK_TAGS and len(filled) >= 2:
        return "\n\n" + filled[2:]  # a block tag ends the paragraph
    return filled


def _entity_filler(match) -> str:
    char = html.unescape(match.group())
    return char + " " * (len(match.group()) - 1) if len(char) == 1 else match.group()


class HtmlReader:
    name = "html"

    def read(self, path, source):
        text = blank_matches(HIDDEN, source)
        text = TAG.sub(_tag_filler, text)
        text = ENTITY.sub(_entity_filler, text)
        return text, _meta(source)


def _meta(source: str) -> dict:
    meta = {}
    lang = re.search(r"<html\b[^>]*\blang=[\"']?([A-Za-z-]+)", source, re.I)
    if lang:
        meta["lang"] = lang.group(1)
    for name in ("story", "date", "title"):
        found = re.search(rf"<meta\s+name=[\"']factlint:{name}[\"']\s+content=[\"']([^\"']*)", source, re.I)
        if found:
            meta[name] = found.group(1)
    if "date" not in meta:  # the date a page gives itself: what ages are computed from
        published = PUBLISHED.search(source)
        if published:
            meta["date"] = published.group("date") or published.group("date2")
    return meta


# a page's publication date, as news sites mark it up (Open Graph, schema.org, <time>): its day
PUBLISHED = re.compile(
    r"<meta\s+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|date|dc\.date|pubdate)[\"']"
    r"\s+content=[\"'](?P<date>\d{4}-\d{2}-\d{2})|<time\b[^>]*\bdatetime=[\"'](?P<date2>\d{4}-\d{2}-\d{2})", re.I)


@hookimpl
def factlint_reader(path):
    if path.lower().endswith(EXTENSIONS):
        return HtmlReader()
    return None


@hookimpl
def factlint_file_extensions():
    return list(EXTENSIONS)
