"""A sentence splitter for news text, with the language's abbreviations as data.

It survives titles and abbreviations (Mr., Sr., EE.UU., EE. UU., U.S., a.m.),
initials (Chris V. Nicholson), decimals and thousands separators, and keeps
paragraphs (blank lines, or one line per paragraph in plain text) apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BOUNDARY = re.compile(r"[.!?…]+[”\"»’)']*(?=\s+[\"“«¿¡(—–'-]?[\w\"“«])|\n")
LAST_TOKEN = re.compile(r"([\w.]+)$")
INITIALS = re.compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]?")  # "V." in Chris V. Nicholson, "U.S."


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int


def _inside_spaced(text: str, boundary, token: str, lang) -> bool:
    """Is the full stop at ``boundary`` inside an abbreviation written with a space ("EE. UU."),
    after its first part ("EE" before " UU") or its last ("UU" after "EE. ")?"""
    spaced = lang.spaced_abbreviations
    if not spaced or not token:
        return False
    ahead = text[boundary.end():boundary.end() + 12].lstrip()
    behind = text[max(0, boundary.start() - 12):boundary.start()]
    return any((token == first and ahead.startswith(rest) and not ahead[len(rest):len(rest) + 1].isalnum())
               or behind.endswith(whole) for whole, first, rest in spaced)


def split_sentences(text: str, lang) -> list[Sentence]:
    sentences = []
    paragraph = 0
    start = 0
    for m in BOUNDARY.finditer(text):
        if m.group() == "\n":
            if text[start:m.start()].strip():
                sentences.append(Sentence(start, m.start(), paragraph))
            paragraph += 1
            start = m.end()
            continue
        before = text[max(start, m.start() - 12):m.start()]
        word = LAST_TOKEN.search(before)
        token = word.group(1) if word else ""
        if m.group().startswith(".") and (token.rstrip(".") in lang.abbreviations or token in lang.abbreviations
                                          or INITIALS.fullmatch(token) or _inside_spaced(text, m, token, lang)):
            continue
        sentences.append(Sentence(start, m.end(), paragraph))
        start = m.end()
    if text[start:].strip():
        sentences.append(Sentence(start, len(text), paragraph))
    out = []
    for s in sentences:  # trim white space so offsets point at the words
        chunk = text[s.start:s.end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            out.append(Sentence(s.start + lead, s.end - trail, s.paragraph))
    return out
