"""Phonetic keys for names, tolerant of the respellings translators make.

Two keys are used together: jellyfish's Metaphone (English pronunciation) and
a consonant skeleton that folds the spellings English, Spanish and
Portuguese use for one sound (th/t, ph/f, ck/k, c/k, qu/k, sch/sh, wr/r,
igh/i, z/s, doubled letters) and drops vowels after the first letter, so
"Pineau" ~ "Pino", "LeCun" ~ "Lacon", "Noor" ~ "Nur", "Anthropic" ~
"Antrópico", "HyperWrite" ~ "HyperRight".
"""
from __future__ import annotations

import functools
import re

from factlint.lang import strip_accents

FOLDS = [
    ("sch", "sh"), ("igh", "i"), ("wr", "r"), ("th", "t"), ("ph", "f"), ("ck", "k"),
    ("qu", "k"), ("gu", "g"), ("ç", "s"), ("z", "s"), ("x", "ks"), ("c", "k"), ("q", "k"),
    ("y", "i"), ("w", "v"), ("h", ""),
]
VOWELS = re.compile(r"(?<=.)[aeiou]+")
REPEATS = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    key = strip_accents(word.lower())
    key = re.sub(r"[^a-z]", "", key)
    for a, b in FOLDS:
        key = key.replace(a, b)
    key = REPEATS.sub(r"\1", key)
    if not key:
        return ""
    return key[0] + VOWELS.sub("", key[1:]) if key[0] in "aeiou" else VOWELS.sub("", key)


@functools.lru_cache(maxsize=65536)
def metaphone(word: str) -> str:
    import jellyfish

    return jellyfish.metaphone(strip_accents(word))


def sounds_alike(a: str, b: str) -> bool:
    return skeleton(a) == skeleton(b) or metaphone(a) == metaphone(b)
