"""Markdown articles with optional YAML front matter.

Block structure (code, HTML blocks) comes from markdown-it-py's source maps;
inline markup is blanked with patterns.  Everything removed is replaced by
spaces so positions still point into the original file, but for inline code
and images, which a reader sees: they become ``OPAQUE`` characters.
"""
from __future__ import annotations

import re

from factlint.documents import OPAQUE, LineIndex, blank, blank_matches
from factlint.hookspecs import hookimpl
from factlint.readers.frontmatter import split_front_matter

EXTENSIONS = (".md", ".markdown", ".mdown")
STDIN = "-"  # standard input with no --stdin-filename: read as Markdown (plain text is Markdown too)

# (pattern, strings one of which every match holds, or None, what replaces a match): a pattern
# whose strings are not in the text cannot match, and is not run (most articles have no code,
# HTML or images); markup becomes spaces, what a reader sees but no check reads becomes OPAQUE
INLINE_MARKUP = [
    (re.compile(r"<!--.*?-->", re.S), ("<!--",), " "),                     # comments (and suppressions)
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ("![",), OPAQUE),            # images: seen, not read
    (re.compile(r"`[^`\n]+`"), ("`",), OPAQUE),                            # inline code: seen, not read
    (re.compile(r"(?<!\\)\[(?=[^\]\n]*\]\()"), ("](",), " "),              # a link's opening bracket, before its target goes
    (re.compile(r"\]\([^)\n]*\)"), ("](",), " "),                          # link targets: keep link text
    (re.compile(r"<https?://[^>\s]+>"), ("<",), " "),                      # autolinks
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ("<",), " "),                     # inline HTML tags
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.M), ("#",), " "),            # heading markers
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M), (">",), " "),               # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M), None, " "),  # list markers
    (re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))"), ("*", "__"), " "),  # emphasis
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), None, " "),         # thematic breaks
    (re.compile(r"^\[[^\]\n]+\]:[ \t]*\S+.*$", re.M), ("]:",), " "),       # link reference definitions
]


TABLE_MARKUP = re.compile(r"^[ \t]*\|?[ \t:|-]+\|?[ \t]*$|[|]", re.M)


class MarkdownReader:
    name = "markdown"

    def read(self, path, source):
        text, meta = split_front_matter(path, source)
        text = _blank_blocks(text)
        for pattern, needs, fill in INLINE_MARKUP:
            if needs is None or any(n in text for n in needs):
                text = blank_matches(pattern, text, fill)
        return text, meta


# A line that could open a code, HTML or table block.  Indentation counts only
# before text: blanked front matter leaves lines of spaces, which open nothing.
BLOCK_HINT = re.compile(r"^(?:(?: {4}|\t)[ \t]*\S| {0,3}(?:```|~~~|<|\|))", re.M)


def _blank_blocks(text: str) -> str:
    """Blank fenced/indented code and raw HTML blocks, found by markdown-it-py."""
    if not BLOCK_HINT.search(text):
        return text  # no line can open a code, HTML or table block: skip the parser
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    index = LineIndex(text)
    spans = []
    for token in md.parse(text):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            start = index.starts[first]
            end = index.starts[last] if last < len(index.starts) else len(text)
            spans.append((start, end))
        elif token.type == "table_open" and token.map:
            first, last = token.map
            start = index.starts[first]
            end = index.starts[last] if last < len(index.starts) else len(text)
            spans.append(("table", start, end))
    for span in reversed(spans):
        if span[0] == "table":  # keep cell text, drop pipes and the delimiter row
            _, start, end = span
            chunk = blank_matches(TABLE_MARKUP, text[start:end])
            text = text[:start] + chunk + text[end:]
        else:
            text = blank(text, *span)
    return text


@hookimpl
def factlint_reader(path):
    if path == STDIN or path.lower().endswith(EXTENSIONS):  # plain text is Markdown too
        return MarkdownReader()
    return None


@hookimpl
def factlint_file_extensions():
    return list(EXTENSIONS)
