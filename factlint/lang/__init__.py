"""Per-language data (``lang/<code>.yaml``) and the helpers built on it.

A language is data, not code: dropping ``fr.yaml`` here (or in a plugin's
directory returned by the ``factlint_language_dirs`` hook) adds French to
detection, mention extraction and number parsing.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

LANG_DIR = Path(__file__).parent
_extra_dirs: list[Path] = []


def add_language_dir(path) -> None:
    """Register a directory of extra ``<code>.yaml`` language files (used by plugins)."""
    _extra_dirs.append(Path(path))
    supported.cache_clear()
    load.cache_clear()


def _files() -> dict[str, Path]:
    found = {}
    for directory in [LANG_DIR, *_extra_dirs]:
        for path in sorted(directory.glob("*.yaml")):
            found[path.stem] = path
    return found


@functools.lru_cache(maxsize=None)
def supported() -> tuple[str, ...]:
    return tuple(sorted(_files()))


class Language:
    """Ready-to-use data for one language (sets and compiled patterns)."""

    def __init__(self, data: dict):
        self.code = data["code"]
        self.data = data
        self.stopwords = frozenset(data.get("stopwords", []))
        self.titles = frozenset(data.get("titles", []))
        self.particles = frozenset(data.get("particles", []))
        self.particle_pairs = frozenset(data.get("particle_pairs", []))
        self.year_prepositions = frozenset(data.get("year_prepositions", []))
        self.months = {m: i + 1 for i, m in enumerate(data.get("months", []))}
        for i, m in enumerate(data.get("month_abbreviations", [])):
            self.months.setdefault(m, i + 1)
        for m, number in data.get("month_aliases", {}).items():  # other abbreviations: AP's "Sept."
            self.months.setdefault(m, number)
        self.weekdays = frozenset(data.get("weekdays", []))
        self.abbreviations = frozenset(data.get("abbreviations", []))
        # those written with a space ("EE. UU"): (whole, first part, rest), for the sentence splitter
        self.spaced_abbreviations = tuple((a, a.split(". ", 1)[0], a.split(". ", 1)[1])
                                          for a in self.abbreviations if ". " in a)
        self.number_words = _with_compounds(data.get("number_words", {}), data.get("number_word_compounds"))
        self.label_nouns = frozenset(data.get("label_nouns", []))
        self.minute_marks = data.get("minute_marks", {})  # {"minute": "minutes"}: a match's clock
        streets = data.get("street_nouns", [])
        # the names of a street after a figure: the figure is the house's number ("10 Downing Street")
        self.street_after = re.compile(r"[ \xa0]+(?:[A-Z][\w'’-]*[ \xa0]+){1,3}(?:" + "|".join(map(re.escape, streets))
                                       + r")\b\.?") if streets else None
        phone = data.get("phone_words", [])
        # a word that asks the reader to call: the digits after it are a number to dial, not an amount
        self.phone_before = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phone)) + r")(?!\w)[^.!?\n]{0,40}$",
                                       re.I) if phone else None
        # the same word right before the digits, at most a short word between ("call 101", "llame al 101")
        self.phone_right_before = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phone)) + r")(?:\s+\w{1,4})?\s+$",
                                             re.I) if phone else None


def _with_compounds(words: dict, compounds: dict | None) -> dict:
    """``words`` and the numbers made of a tens word, a joiner and a unit ("fifty-eight",
    "treinta y dos"), so that such a number is read whole rather than as its tens alone."""
    if not compounds:
        return dict(words)
    tens = {w: v for w, v in words.items() if " " not in w and v in range(20, 100, 10)}
    made = {f"{ten}{joiner}{unit}": ten_value + unit_value
            for ten, ten_value in tens.items() for joiner in compounds["joiners"]
            for unit, unit_value in compounds["units"].items()}
    return {**words, **made}


@functools.lru_cache(maxsize=None)
def load(code: str) -> Language:
    """The data of language ``code``.  A plugin's file is checked against the language schema
    first (a wrong field is a clear error, not a crash mid-run); factlint's own files are checked
    by its tests, not on every run."""
    path = _files()[code]
    if path.parent != LANG_DIR:
        from factlint.errors import ConfigError
        from factlint.ruleset import load_validated

        data = load_validated(path, "language.schema.json", "language file")
        if data["code"] != code:
            raise ConfigError(f"{path}: 'code' is {data['code']!r} but the file is named for {code!r}")
        return Language(data)
    import yaml

    from factlint.yamlio import loader

    with open(path, encoding="utf-8") as fh:
        return Language(yaml.load(fh, Loader=loader()))


@functools.lru_cache(maxsize=None)
def exonyms() -> dict:
    """Every language's names of places a letter away from the English ones, lower-cased:
    {"viena": "vienna", ...}."""
    return {local.lower(): english.lower() for code in supported()
            for local, english in load(code).data.get("exonyms", {}).items()}


@functools.lru_cache(maxsize=None)
def offices() -> frozenset:
    """Every language's words for the offices written before a name, lower-cased."""
    return frozenset(word.lower() for code in supported() for word in load(code).data.get("offices", []))


WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, sample: int = 20000) -> str | None:
    """Guess the language from stop-word frequencies; None when unsure."""
    words = [w.lower() for w in WORD.findall(text[:sample])]
    if len(words) < 5:
        return None
    scores = {}
    for code in supported():
        stop = load(code).stopwords
        scores[code] = sum(1 for w in words if w in stop)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if score < 3 or score < runner_up * 1.15:
        return None
    return best


def strip_accents(text: str) -> str:
    if text.isascii():  # most words: nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
