"""Quotations as news prints them, for every check that must tell quoted words from the writer's:
the sourcing check (a quotation needs a speaker, and its claims are its speaker's) and the pattern
check (a verbatim quotation in another language is not the writer's to correct)."""
from __future__ import annotations

import re

# curly, angle and straight double marks; single marks, straight ones (British style) opening
# before a letter and closing after one, an apostrophe inside a word ("it's") left alone; a dash dialogue line
QUOTE = re.compile(r"“[^”]+”|«[^»]+»|\"[^\"\n]+\"|‘[^’]+’|(?<!\w)'(?=[^\W\d_])(?:[^'\n]|(?<=\w)'(?=\w))+(?<=[\w.,!?])'(?!\w)"
                   r"|(?:^|\n)[ \t]*[—–]\s*\w[^\n]+")

# the marks whose direction the glyph itself tells, and the opener of each closer
PAIRS = {"“": "”", "«": "»"}
CLOSES = {"”": ("“", '"'), "»": ("«",), '"': ("“", '"')}  # a straight mark pairs with a curly one too
MARKS = re.compile("[“”«»\"]")
OPENS_BEFORE = " \t\n([{—–:/¿¡"  # what a straight mark that opens a quotation follows


def unbalanced(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, "unclosed", "reopened" or "unopened") of each quotation mark left without its partner, read
    over the ``paragraphs`` (start, end) of ``text`` in order.  Only a text that uses curly or
    angle marks is read: with straight marks alone, which way a mark faces is a guess.

    A quotation may run over several paragraphs, each reopening it ("“… / “… / “…”"), continuing
    it (Spanish "«… / »…»") or neither, as wire copy writes one sentence per paragraph; it is
    unclosed when the article ends first.  Quotations nest with the other mark ("“… «Lloró» …”");
    the same mark opening again inside an open quotation ("reopened") is either one never closed
    or a quotation inside a quotation written with the outer marks, and both are slips.  A straight mark after a space opens, elsewhere it closes, and pairs with a
    curly one ("“…\"", "\"…”").  A closer and an opener written the wrong way round in one
    paragraph ("é:” Os modelos … proprietários “, disse") are one slip, reported once, at the
    closer."""
    if not any(mark in text for mark in "“”«»"):
        return []
    found: list[tuple[int, str]] = []
    stack: list[tuple[str, int, int]] = []  # (opener, offset, paragraph index)
    for index, (start, end) in enumerate(paragraphs):
        head = start + len(text[start:end]) - len(text[start:end].lstrip())
        reversed_at = None  # a closer with no opener in this paragraph
        for m in MARKS.finditer(text, start, end):
            mark, at = m.group(), m.start()
            continuing = at == head and bool(stack) and stack[-1][2] < index
            opens = mark in PAIRS or (mark == '"' and (at == start or text[at - 1] in OPENS_BEFORE))
            if opens:
                if continuing and stack[-1][0] == mark:
                    continue  # "“…” style: each paragraph of the quotation reopens it
                if stack and stack[-1][0] == mark and mark != '"':
                    found.append((stack[-1][1], "reopened"))  # the same mark inside: not closed first, or nested
                stack.append((mark, at, index))
                continue
            if continuing and mark == "»" and stack[-1][0] == "«":
                continue  # Spanish style: "»" opens each paragraph that goes on with the quotation
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in CLOSES[mark]), None)
            if depth is None:
                found.append((at, "unopened"))
                reversed_at = at
                continue
            found.extend((offset, "unclosed") for _, offset, _ in stack[depth + 1:])
            del stack[depth:]
        if reversed_at is not None:
            stack = [entry for entry in stack if not (entry[2] == index and entry[1] > reversed_at)]
    reopened = {offset for offset, what in found if what == "reopened"}
    found.extend((offset, "unclosed") for _, offset, _ in stack if offset not in reopened)
    return sorted(set(found))
