"""Quotations as news prints them, for every check that must tell quoted words from the writer's:
the sourcing check (a quotation needs a speaker, its claims are its speaker's, and its marks must
pair: FL305) and the pattern check (a verbatim quotation in another language is not the writer's
to correct)."""
from __future__ import annotations

import re

# curly, angle and straight double marks; single marks, straight ones (British style) opening
# before a letter and closing after one, an apostrophe inside a word ("it's") left alone; a dash dialogue line
QUOTE = re.compile(r"“[^”]+”|«[^»]+»|\"[^\"\n]+\"|‘[^’]+’|(?<!\w)'(?=[^\W\d_])(?:[^'\n]|(?<=\w)'(?=\w))+(?<=[\w.,!?])'(?!\w)"
                   r"|(?:^|\n)[ \t]*[—–]\s*\w[^\n]+")

QUOTE_MARK = re.compile(r'[“”«»"]')
OPENS_BEFORE = " \t\n([{—–:/¿¡"  # what a straight mark that opens a quotation follows
QUOTE_MAX_PARAGRAPHS = 8  # a quotation left open is carried over at most this many paragraphs (wire copy: one sentence each)


def quotations_across_paragraphs(text, groups):
    """Quotations that run over several paragraphs, as news writes them: an opening mark
    left open, the text of the next paragraphs, a closing mark.

    Returns ({paragraph index: (where its open quotation starts, index of the paragraph that
    closes it)}, {paragraph index: where the quotation covering its start ends}).  A quotation
    is carried only when its closing mark comes within ``QUOTE_MAX_PARAGRAPHS`` paragraphs and
    before any new opening mark (except the one that reopens each of its paragraphs, as English
    style has it); one that never closes ends with its paragraph."""
    spans = [(g[0].start, g[-1].end) for g in groups]
    opened, carried = {}, {}
    for k, (start, end) in enumerate(spans):
        at = _unclosed_opener(text, start, end)
        if at is None:
            continue
        for later in range(k + 1, min(k + 1 + QUOTE_MAX_PARAGRAPHS, len(spans))):
            begin, stop = spans[later]
            if _opens_paragraph(text, begin):  # English style: each paragraph of the quotation reopens it
                begin += 1
            closes = _first_closer(text, begin, stop)
            if closes is False:  # a new quotation opens first: the open one was never closed
                break
            if closes is not None:
                opened[k] = (at, later)
                carried.update({j: spans[j][1] for j in range(k + 1, later)})
                carried[later] = closes
                break
    return opened, carried


def _opens_paragraph(text, start) -> bool:
    """Does an opening quotation mark begin the paragraph at ``start``?"""
    return QUOTE_MARK.match(text, start) is not None and _is_opener(text, start, start)


def _unclosed_opener(text, start, end):
    """Where the quotation that ``text[start:end]`` opens and does not close begins, or None."""
    depth_at = None
    for m in QUOTE_MARK.finditer(text, start, end):
        if _is_opener(text, m.start(), start):
            if depth_at is None:
                depth_at = m.start()
        else:
            depth_at = None
    return depth_at


def _first_closer(text, start, end):
    """Where the first closing quotation mark of ``text[start:end]`` is, None if it has none,
    False if an opening mark comes first."""
    for m in QUOTE_MARK.finditer(text, start, end):
        return False if _is_opener(text, m.start(), start) else m.end()
    return None


def _is_opener(text, at, start) -> bool:
    """Does the quotation mark at ``at`` open a quotation?  Curly and angle marks say so; a
    straight one does at the paragraph's ``start`` or after a space or an opening bracket."""
    mark = text[at]
    return mark in "“«" or (mark == '"' and (at == start or text[at - 1] in OPENS_BEFORE))


# the openers each closing mark closes: a straight mark pairs with a curly one too
CLOSES = {"”": ("“", '"'), "»": ("«",), '"': ("“", '"')}


def unbalanced(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, "unclosed", "reopened" or "unopened") of each quotation mark left without its
    partner, read over the ``paragraphs`` (start, end) of ``text`` in order.  Only a text that
    uses curly or angle marks is read: with straight marks alone, which way a mark faces is a guess.

    A quotation may run over several paragraphs, each reopening it ("“… / “… / “…”"), continuing
    it (Spanish "«… / »…»") or neither, as wire copy writes one sentence per paragraph; it is
    unclosed when the article ends first.  Quotations nest with the other mark ("“… «Lloró» …”");
    the same mark opening again inside an open quotation ("reopened") is either one never closed
    or a quotation inside a quotation written with the outer marks, and both are slips.  A
    straight mark after a space opens, elsewhere it closes, and pairs with a curly one ("“…\"",
    "\"…”").  A closer and an opener written the wrong way round in one paragraph ("é:” Os
    modelos … proprietários “, disse") are one slip, reported once, at the closer."""
    if not any(mark in text for mark in "“”«»"):
        return []
    found: list[tuple[int, str]] = []
    stack: list[tuple[str, int, int]] = []  # (opener, offset, paragraph index)
    for index, (start, end) in enumerate(paragraphs):
        head = start + len(text[start:end]) - len(text[start:end].lstrip())
        reversed_at = None  # a closer with no opener in this paragraph
        for m in QUOTE_MARK.finditer(text, start, end):
            mark, at = m.group(), m.start()
            continuing = at == head and bool(stack) and stack[-1][2] < index
            opens = _is_opener(text, at, start)
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
                if at > start and text[at - 1].isdigit():
                    continue  # no quotation open: inches ("a 12” screen"), not a closing mark
                found.append((at, "unopened"))
                reversed_at = at
                continue
            found.extend((offset, "unclosed") for _, offset, _ in stack[depth + 1:])
            del stack[depth:]
        if reversed_at is not None:
            stack = [entry for entry in stack if not (entry[2] == index and entry[1] > reversed_at)]
    found.extend((offset, "unclosed") for _, offset, _ in stack)
    first = {}  # one report a mark: a mark reopened and never closed is "reopened"
    for offset, what in found:
        first.setdefault(offset, what)
    return sorted(first.items())
