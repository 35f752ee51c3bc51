"""Quantities in running text, understood rather than compared as strings.

``extract_quantities(text, lang)`` finds figures written in any of the
conventions the languages use ("20.000,5" in Spain, "20,000.5" in English and
Mexico, "20 000" in Portugal), scale words (million, millones, bilhões; billón = 10^12 in Spanish,
bilhão = 10^9 in Brazilian Portuguese), number words ("dos", "três", "a
dozen"), percentages, currencies, physical units, years, decades, clock times,
ordinals, ranges, approximations and vague quantities ("decenas de miles").
Product names and versions (Llama 3.2, Gemma 7B, GPT-4o, 01.ai), phone
numbers, ids and URLs are not quantities.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

from factlint.documents import ONE_SPACE
from factlint.lang import load
from factlint.prefilter import LiteralIndex, absent, fold
from factlint.regexes import word_alternation

# ISO codes ("350 000 USD", "100 millones de USD", "CHF 3 million") are the same in every language
CURRENCY_CODES = ("USD", "EUR", "GBP", "BRL", "MXN", "JPY", "CNY", "CHF", "ARS", "CLP", "COP", "CAD", "AUD", "INR",
                  "KRW", "HKD", "SGD", "NZD", "RUB", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY")
# before a figure: signs, the dollars of other countries ("A$5 million" is no US dollar), and ISO codes
CURRENCY_SYMBOLS = {"US$": "USD", "U$S": "USD", "$": "USD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
                    "US $": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD",
                    "S$": "SGD", "MX$": "MXN", "₹": "INR", "₩": "KRW", **{code: code for code in CURRENCY_CODES}}
# a count of these is a duration or an age, not a statistic
TIME_NOUNS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "segundos", "minutos",
                        "horas", "días", "dias", "semanas", "meses", "años", "anos"})
# time zones written as acronyms, in any language (case-sensitive: "ET" is no word)
ZONE_ACRONYMS = r"(?-i:GMT|UTC|BST|CET|CEST|WET|WEST|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|JST|IST|AEST|AEDT)"
# a date in figures: day, month and year in the order of the writer's locale ("3/4/2026", "04.03.26")
# (the guard on what precedes it comes after its first digit, so that re skips to digits)
NUMERIC_DATE = re.compile(r"(?P<a>\d(?<=(?<![\w/.,-])\d)\d?)(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
                          r"(?![\w/]|[.,-]\d)")
# what a fraction of is a duration, not a share: "a quarter of an hour", "un cuarto de siglo"
FRACTION_OF_TIME = r"(?:hours?|horas?|centur(?:y|ies)|siglos?|séculos?|minutes?|minutos?|days?|días?|dias?|weeks?|semanas?|" \
                   r"months?|mes(?:es)?|mês|years?|años?|anos?|miles?|millas?|milhas?|inch(?:es)?|pulgadas?|polegadas?)"
URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
URL_HINTS = ("://", "www.", "@")  # a URL or an address holds one of these
PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?")
# what stands between a figure and its scale, currency or unit: spaces, as many as markup blanked
# around the figure left ("**180** millones", "<b>1.500</b> millones"), but never a line break
GAP = r"[^\S\n]+"
DIGIT_SPACE = re.compile(rf"(?<=\d)(?:{ONE_SPACE})(?=\d)")  # "20 000": a thousands separator
NEXT_WORD = re.compile(r"\s+(?:(?:de|of|do|da|dos|das|del)\s+)?([^\W\d_]{3,})")  # the noun a figure counts
MARK_NOUN = re.compile(r"[\s-]+([^\W\d_]+)")  # the noun an ordinal numbers: "89th minute", "89th-minute"
WORD_BEFORE = re.compile(r"([^\W\d_][\w.-]*)[ \xa0\u202f-]$")  # no-break spaces too: "minuto\xa065"
SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)$")
MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")
MONTH_AFTER = re.compile(r"\s+(?:de\s+|of\s+)?([^\W\d_]+)")
LONGER_TOKEN = re.compile(r"[.,]?[^\W_]")  # a figure that goes on: Gemma 7B, GPT-4o, 01.ai
YEAR_DIGITS = re.compile(r"(1[5-9]|20)\d\d")
OF_WORD = re.compile(r"\s+(?:de|of)\s+(\w+)")
PHONE_HINT = re.compile(r"\d{3}[ .-]\d{3}")  # in every PHONE match; starts with a digit, so re skips fast


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    kind: str                  # count, percent, money, unit, year, decade, time, ordinal, vague, date, numeric_date, label
    unit: str = ""             # currency code or pint unit name
    approx: bool = False
    low: float = 0.0           # for vague quantities: the range they stand for
    high: float = 0.0
    precision: float = 1.0     # half of the last written digit's place value (rounding tolerance)
    scaled: bool = False       # written with a scale word (million, millones ...)
    grouped: bool = False      # written with thousands separators
    noun: str = ""             # the word after the figure ("employees")
    range_with: int = -1       # index of the other end of a range
    ambiguous_range: bool = False

    def to_json(self):
        return dict(self.__dict__)


def _with_capitals(words) -> list:
    """``words`` and their capitalised forms: "Fourteen" and "Over 800" open sentences and
    headlines.  (A case-insensitive group instead costs the figures' scan a tenth of its time.)"""
    return [*words, *(w[:1].upper() + w[1:] for w in words if w[:1].islower())]


def _alternation(words) -> str:
    return word_alternation(words) if words else "(?!)"


@functools.lru_cache(maxsize=None)
def _patterns(code: str):
    lang = load(code)
    d = lang.data
    scales = d.get("scales", {})
    words = lang.number_words
    units = d.get("units", {})
    # a scale word follows its figure after a space or attached, tabloid style ("£3.1billion"); an
    # abbreviation of one letter ("5m", "£500m") only attached, and one of two ("2 bn", Brazil's
    # "R$ 2 bi") either way unless it is a unit
    long_scales = [w for w in scales if len(w) > 2 or (len(w) == 2 and w.lower() not in map(str.lower, units))]
    short_scales = [w for w in scales if len(w) <= 2]
    # after the figure: the language's words, ISO codes ("350 000 USD") and signs ("100 €", "millones de $")
    currency_words = {**CURRENCY_SYMBOLS, **d.get("currency_words", {})}
    points = [*d.get("percentage_point_words", []), *d.get("basis_point_words", [])]  # both are in points
    digits = rf"\d{{1,3}}(?:(?:[.,]|(?:{ONE_SPACE})(?=\d{{3}}(?!\d)))\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    number = (rf"(?P<digits>{digits})|(?P<word>{_alternation(_with_capitals(words))})")
    cur_pre = _alternation(CURRENCY_SYMBOLS)
    # A match opens a word or a currency sign ("A$5"): testing that first lets re leave most
    # positions at once, and keeps an approximation ("over") from starting inside a word ("tover").
    signs = "".join(sorted({re.escape(s[0]) for s in CURRENCY_SYMBOLS if not s[0].isalpha()}))
    main = re.compile(
        rf"(?:(?<!\w)|(?=[{signs}]))"
        rf"(?:(?P<approx>{_alternation(_with_capitals(d.get('approximations', [])))})\s+)?"
        rf"(?:(?P<cur_pre>{cur_pre})(?:{GAP})?)?"
        rf"(?<![\w.,#/])(?<![^\W\d_]-)(?:{number})(?!\d)"
        rf"(?:{GAP}(?P<half_before>{_alternation(d.get('half_before_scale', []))})(?!\w))?"
        rf"(?:(?:(?:{GAP})?(?P<scale>{_alternation(long_scales)})(?!\w))|(?P<short>{_alternation(short_scales)})(?![\w]))?"
        rf"(?:{GAP}(?P<half_after>{_alternation(d.get('half_after_scale', []))})(?!\w))?"
        rf"(?:(?:{GAP})?(?P<pct>%|{_alternation([*d.get('percent_words', []), *points])})(?!\w))?"
        rf"(?:(?:{GAP}(?:de\s|of\s)?|(?=[{signs}]))(?P<cur_post>{_alternation(currency_words)})(?!\w))?"
        rf"(?:(?:(?:{GAP})?|-)(?P<unit>{_alternation(units)})(?![\w°]))?",
    )
    vague = re.compile(rf"(?<!\w)(?P<vague>{_alternation(d.get('vague', {}))})(?!\w)", re.I)
    # two patterns, not one alternation: the word list can then be skipped where none of its words occurs
    # the guard on what precedes the figure comes after its first digit, so that re skips to digits
    ordinal_digits = re.compile(r"(?P<n>\d(?<=(?<![\w.])\d)\d{0,2})(?:st|nd|rd|th|\.?[ºª°]|\.º)(?!\w)", re.I)
    ordinal_words = re.compile(rf"(?<!\w)(?P<w>{_alternation(d.get('ordinal_words', {}))})(?!\w)", re.I)
    decade = re.compile(_filled(d["decades"], d), re.I) if d.get("decades") else None
    time = re.compile(r"(?<![\w:])(?:" + _filled(d["time_pattern"], d) + r")(?!\w)", re.I) \
        if d.get("time_pattern") else None
    # the zone named after a clock time: "3pm GMT", "16.00 (hora peninsular)"
    zone = re.compile(rf"[ \xa0]*\(?[ \xa0]*(?P<zone>{ZONE_ACRONYMS}|{_alternation(d.get('time_zone_words', []))})(?!\w)",
                      re.I if d.get("time_zone_words") else 0)
    # "one in four", "uno de cada cuatro", "um em cada quatro": a share, read as a percentage
    ratio_values = {**(d.get("number_word_compounds") or {}).get("units", {}), **words}
    ratio_number = rf"\d{{1,3}}(?!\d|[.,]\d)|{_alternation(_with_capitals(ratio_values))}"
    ratio = re.compile(rf"(?<![\w.,])(?P<a>{ratio_number})\s+(?:{_alternation(d['ratio_joiners'])})\s+"
                       rf"(?P<b>{ratio_number})(?![\w.,]\d|\w)") if d.get("ratio_joiners") else None
    # "a third of voters", "dos tercios de los escaños": a share, read as a percentage; not of a time,
    # nor of a scale ("three-quarters of a million", a number)
    fractions = {k.lower(): v for k, v in d.get("fractions", {}).items()}
    fraction = re.compile(rf"(?<!\w)(?P<f>{_alternation(fractions)})\s+(?:{_alternation(d['fraction_of'])})"
                          rf"(?!\s+(?:(?:an?|the|una?|uma?|la|el|o|a)\s+)?(?:{FRACTION_OF_TIME}|{_alternation(long_scales)})\b)(?=\s)",
                          re.I) \
        if fractions else None
    literals = LiteralIndex()
    gates = {name: literals.gate(pattern.pattern, pattern.flags)
             for name, pattern in (("vague", vague), ("ordinal_words", ordinal_words), ("decade", decade),
                                   ("ratio", ratio), ("fraction", fraction))
             if pattern is not None}
    return {"main": main, "vague": vague, "ordinal_digits": ordinal_digits, "ordinal_words": ordinal_words,
            "decade": decade, "time": time, "zone": zone, "ratio": ratio, "ratio_values": ratio_values,
            "fraction": fraction, "fractions": fractions,
            "literals": literals, "gates": gates,
            "scales": scales, "words": words, "units": units, "approximate": frozenset(d.get("approximate_numbers", [])),
            "currency_words": currency_words, "lang": lang,
            "basis_points": frozenset(w.lower() for w in d.get("basis_point_words", [])),
            "points": frozenset(w.lower() for w in points)}


WORD_LISTS = ("decade_words", "hour_words", "hour_fractions")  # what a language's patterns may name


def _filled(pattern: str, d) -> str:
    """A language's pattern with the word lists it names ("{hour_words}") filled in."""
    for name in WORD_LISTS:
        pattern = pattern.replace("{" + name + "}", _alternation(d.get(name, {})))
    return pattern


def _leading_power(value: float) -> float:
    """The power of a thousand a figure is a round multiple of (a million for "un millón"), else 1."""
    power = 1.0
    while value >= power * 1000 and value % (power * 1000) == 0:
        power *= 1000
    return power


def parse_number(text: str) -> tuple[float, float, bool]:
    """(value, rounding tolerance, grouped) of a figure in any of the supported conventions.

    Spaces are thousands separators; with both "." and "," the last one is the
    decimal mark; a single mark followed by exactly three digits groups
    thousands ("20.000", "20,000", "$3.600 millones" in es-MX), otherwise it
    is the decimal mark ("14,3 bilhões", "1.5 million", "0,125").
    """
    raw = DIGIT_SPACE.sub("", text)
    seps = [c for c in raw if c in ".,"]
    grouped = False
    if not seps:
        return float(raw), 0.5, False
    if len(set(seps)) == 2:
        dec = seps[-1]
        grp = "," if dec == "." else "."
    elif len(seps) > 1:
        grp, dec = seps[0], None
    else:
        sep = seps[0]
        tail = raw.split(sep)[1]
        grp, dec = (sep, None) if (len(tail) == 3 and not raw.startswith("0")) else (None, sep)
    if grp:
        grouped = True
        raw = raw.replace(grp, "")
    if dec:
        whole, frac = raw.split(dec)
        value = float(f"{whole}.{frac}")
        tolerance = 0.5 * 10 ** -len(frac)
    else:
        value = float(raw)
        tolerance = 0.5
    return value, tolerance, grouped


def _next_word(text, pos):
    m = NEXT_WORD.match(text[pos:pos + 40])
    return m.group(1).lower() if m else ""


def _word_before(text, start):
    """The word right before the figure at ``start`` (a match), or None."""
    return WORD_BEFORE.search(text, max(0, start - 40), start)


def _is_version(text, start, before, lang) -> bool:
    """A figure right after a capitalised word is a name or version (Llama 3, Windows 11);
    ``before``: the word before it (``_word_before``)."""
    if not before:
        return False
    word = before.group(1)
    bare = word.lower().rstrip(".")  # "Sept." of "Sept. 30"
    if not word[0].isupper() or bare in lang.months or bare in lang.abbreviations \
            or word.lower() in lang.stopwords:
        return False  # "Soars To 800" in a title-case headline
    if word in CURRENCY_SYMBOLS or word in ("US", "R"):
        return False
    return not SENTENCE_OPENS.search(text, max(0, start - 40), before.start(1))  # not a sentence-initial word


def _counts_plural(text, end, before, approx, lang) -> bool:
    """Does a figure of four digits that could be a year count the plural noun after it ("2000
    efectivos", "unos 1800 soldados")?  Not after a word that puts a year after it ("desde 1990
    los precios"), unless an approximation opens it, and only in a language that lists those
    words: English groups such counts ("2,000 troops") and puts years before nouns ("the 2016
    elections")."""
    if not lang.year_prepositions:
        return False
    noun = PLURAL_AFTER.match(text, end)
    if noun is None or noun.group(1).lower() in lang.stopwords or noun.group(1).endswith("mos"):
        return False  # "en 2000 fuimos": a verb
    return approx or not (before and before.group(1).lower() in lang.year_prepositions)


def _labelled(before, lang) -> bool:
    """Is the word before a figure (``_word_before``) a label noun ("district", "calle", "canal")?"""
    return bool(before) and before.group(1).lower() in lang.label_nouns


PLAIN_WORD_AFTER = re.compile(r"\s+[^\W\d_]*[a-zà-ÿ]")  # a word in lower case: the noun an amount counts
PLURAL_AFTER = re.compile(r"[ \xa0]([a-zà-ÿ]{3,}s)(?![\w-])")  # a plural noun right after a figure
NOUN_AFTER = re.compile(r"\s+(?!(?:or|and|o|u|y|e|ou)\b)[^\W\d_]*[a-zà-ÿ]")  # the same, not "or", "o", "ou"


def _dialled(text, start, end, digits, scaled, lang) -> bool:
    """Is the figure at ``start:end`` a telephone number the sentence asks the reader to call
    ("call Samaritans free on 116 123", "ligue para o número 116 123")?  So it is when a word
    of calling comes shortly before it and it has five digits or more, grouped by spaces if at
    all (never "20,000"), with no noun after it ("call for 50 000 more troops" counts troops);
    a short number needs the word right before it ("call 101", "llame al 101", "ligue 190")."""
    if not digits or scaled or lang.phone_before is None or any(c in digits for c in ",."):
        return False
    if sum(ch.isdigit() for ch in digits) >= 5:
        return not PLAIN_WORD_AFTER.match(text, end) and bool(lang.phone_before.search(text, max(0, start - 60), start))
    return len(digits) >= 3 and not NOUN_AFTER.match(text, end) \
        and bool(lang.phone_right_before.search(text, max(0, start - 30), start))


def _is_day_of_month(text, start, end, lang) -> bool:
    before = MONTH_BEFORE.search(text[max(0, start - 15):start])
    after = MONTH_AFTER.match(text[end:end + 20])
    return bool((before and before.group(1).lower() in lang.months) or
                (after and after.group(1).lower() in lang.months))


def extract_quantities(text: str, code: str, folded: str | None = None) -> list[Quantity]:
    """The quantities of ``text`` in language ``code``; ``folded``: the text as
    ``prefilter.fold`` gives it, if the caller has it already."""
    p = _patterns(code)
    lang = p["lang"]
    if folded is None:
        folded = fold(text)
    skipped = absent(p["gates"], p["literals"].present(folded))  # patterns that cannot match
    masked = text
    if any(hint in folded for hint in URL_HINTS):
        masked = URL.sub(lambda m: " " * len(m.group()), masked)
    if PHONE_HINT.search(masked):
        masked = PHONE.sub(lambda m: " " * len(m.group()) if len(re.findall(r"\d", m.group())) >= 9 else m.group(), masked)
    found: list[Quantity] = []
    taken = _Spans()
    free = taken.free

    for m in NUMERIC_DATE.finditer(masked):
        # day and month in either order: "3/4/2026" in Ohio is "4/3/2026" in Madrid
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12:
            year += 2000 if year < 100 else 0
            found.append(Quantity(m.start(), m.end(), m.group(), year * 10000 + min(first, second) * 100
                                  + max(first, second), "numeric_date", precision=0.0))
            taken.add(m.start(), m.end())

    for pattern_name in ("decade", "time"):
        pattern = p[pattern_name]
        if pattern is None or pattern_name in skipped:
            continue
        for m in pattern.finditer(masked):
            if not free(m.start(), m.end()):
                continue  # a decade already read there as a time, or the reverse: one figure, read once
            g = m.groupdict()
            if pattern_name == "decade":
                century = g.get("century")
                dec = g.get("decade") or g.get("decade2") or g.get("short") \
                    or lang.data.get("decade_words", {}).get((g.get("dword") or "").lower())
                if dec is None:
                    continue
                value = int(century or 19) * 100 + int(dec) * 10
                q = Quantity(m.start(), m.end(), m.group(), value, "decade")
            else:
                minutes = g.get("m") or g.get("m2") or g.get("m3") or g.get("m4") \
                    or lang.data.get("hour_fractions", {}).get((g.get("frac") or "").lower())
                hour = int(g["h"]) if g["h"] else int(lang.data["hour_words"][g["hw"].lower()])
                minute = int(minutes or 0)
                ampm = (g.get("ampm") or g.get("ampm2") or "").lower().replace(".", "").replace(" ", "") \
                    or lang.data.get("dayparts", {}).get((g.get("daypart") or g.get("daypart2") or "").lower(), "")
                if not ampm and not minutes and "h" not in m.group():
                    continue
                if hour > 24 or minute > 59:
                    continue
                if ampm == "pm" and hour < 12:
                    hour += 12
                if ampm == "am" and hour == 12:
                    hour = 0
                named = p["zone"].match(masked, m.end())
                q = Quantity(m.start(), m.end(), m.group(), hour * 60 + minute, "time",
                             unit=" ".join(named.group("zone").split()) if named else "")
            found.append(q)
            taken.add(m.start(), m.end())

    if p["ratio"] is not None and "ratio" not in skipped:
        found.extend(_ratios(masked, p, taken))

    if p["fraction"] is not None and "fraction" not in skipped:
        for m in p["fraction"].finditer(masked):
            if free(m.start(), m.end("f")):
                found.append(Quantity(m.start(), m.end("f"), m.group("f"), p["fractions"][m.group("f").lower()],
                                      "percent", precision=1.0))
                taken.add(m.start(), m.end("f"))

    for m in p["main"].finditer(masked):
        g = m.groupdict()
        num_start = m.start("digits") if g["digits"] else m.start("word")
        before = _word_before(masked, num_start)
        if not free(m.start(), m.end()) or LONGER_TOKEN.match(masked, m.end()):
            continue  # part of a longer token: Gemma 7B, GPT-4o, 01.ai
        if g["digits"]:
            if _is_version(masked, num_start, before, lang) and not (g["approx"] or g["scale"] or g["short"] or g["pct"]
                                                             or g["cur_pre"] or g["cur_post"]) \
                    and _next_word(masked, m.end()) not in TIME_NOUNS:  # "founded Facebook 21 years ago"
                continue
            value, tolerance, grouped = parse_number(g["digits"])
        else:
            word = g["word"]
            if word.lower() != word and not word[:1].isupper():
                continue
            value = float(p["words"].get(word.lower(), p["words"].get(word, 0)))
            if not value and word.lower() not in ("zero", "cero"):
                continue
            tolerance, grouped = 0.5, False
        if g["half_before"]:
            value += 0.5  # "two and a half million"
        scale_word = g["scale"] or g["short"]
        scaled = False
        factor = 1.0
        if scale_word:
            factor = float(p["scales"].get(scale_word, p["scales"].get(scale_word.lower())) or 1)
            if factor != 1:
                value *= factor
                tolerance *= factor
                scaled = True
        if g["half_after"]:  # "dos millones y medio"; "un millón y medio", whose word holds the scale
            value += 0.5 * (factor if scaled else _leading_power(value))
        if not math.isfinite(value):
            continue  # a run of hundreds of digits: no amount, and not storable as JSON
        kind, unit, noun = "count", "", _next_word(text, m.end())
        if g["pct"]:
            kind = "percent"
            if g["pct"].lower() in p["points"]:  # a rate's change in points ("pp"), not a percentage of it
                unit = "pp"
            if g["pct"].lower() in p["basis_points"]:  # "25 basis points" is 0.25 percentage points
                value, tolerance = value / 100, tolerance / 100
        elif g["cur_pre"] or g["cur_post"]:
            kind = "money"
            post = g["cur_post"] or ""
            unit = CURRENCY_SYMBOLS.get(g["cur_pre"] or "", "") or p["currency_words"].get(post) \
                or p["currency_words"].get(post.lower(), "")
        elif g["unit"]:
            kind, unit = "unit", p["units"][g["unit"]]
        elif g["digits"] and YEAR_DIGITS.fullmatch(g["digits"]) and not scaled \
                and not _counts_plural(masked, m.end(), before, bool(g["approx"]), lang):
            kind = "year"
        elif g["digits"] and value <= 31 and _is_day_of_month(masked, num_start, m.end(), lang):
            kind = "date"
        elif before and before.group(1).lower() in lang.minute_marks:
            noun = lang.minute_marks[before.group(1).lower()]  # "el minuto 89": 89 minutes into a match
        elif _labelled(before, lang) or _dialled(masked, num_start, m.end(), g["digits"], scaled, lang) \
                or (lang.street_after is not None and lang.street_after.match(masked, m.end())):
            kind = "label"  # "district 17", "calle 125", "call 116 123", "10 Downing Street": which one
        start = m.start("cur_pre") if g["cur_pre"] else num_start
        if g["approx"]:
            start = m.start()
        approx = bool(g["approx"]) or (g["word"] is not None and g["word"].lower() in p["approximate"])
        q = Quantity(start, m.end(), text[start:m.end()], value, kind, unit=unit, approx=approx,
                     precision=tolerance, scaled=scaled, grouped=grouped, noun=noun)
        found.append(q)
        taken.add(q.start, q.end)

    for m in p["vague"].finditer(masked) if "vague" not in skipped else ():
        if not free(m.start(), m.end()):
            continue
        low, high = lang.data["vague"][m.group("vague").lower()]
        unit = ""
        after = p["currency_words"]
        nxt = OF_WORD.match(masked[m.end():m.end() + 30])
        if nxt and nxt.group(1).lower() in after:
            unit = after[nxt.group(1).lower()]
        found.append(Quantity(m.start(), m.end(), m.group(), math.sqrt(low * high), "vague", unit=unit,
                              low=low, high=high, noun=_next_word(text, m.end())))
        taken.add(m.start(), m.end())

    ordinals = list(p["ordinal_digits"].finditer(masked))
    if "ordinal_words" not in skipped:
        ordinals += p["ordinal_words"].finditer(masked)
    for m in sorted(ordinals, key=lambda m: m.start()):
        if not free(m.start(), m.end()):
            continue
        if m.re is p["ordinal_digits"]:
            value = int(m.group("n"))
        elif masked[m.end():m.end() + 6].lower() == "-feira" or m.group("w").lower() in lang.weekdays:
            continue  # quinta(-feira) is Thursday, not "fifth"
        else:
            word = m.group("w").lower()
            value = lang.data["ordinal_words"][word]
            if value == 2 and code in ("es", "pt"):
                continue  # "segundo" is also "according to" and "second (time)"
            if word in lang.data.get("ambiguous_ordinals", ()) and not _ordinal_in_place(masked, m.start(), m.end(), lang):
                continue  # "un cuarto de hora", "no quarto do hotel": a quarter, a room
        mark = MARK_NOUN.match(masked, m.end())
        if mark and mark.group(1).lower() in lang.minute_marks:  # "the 89th minute": 89 minutes into a match
            found.append(Quantity(m.start(), m.end(), m.group(), value, "count", noun=lang.minute_marks[mark.group(1).lower()]))
        else:
            found.append(Quantity(m.start(), m.end(), m.group(), value, "ordinal"))
        taken.add(m.start(), m.end())

    found.sort(key=lambda q: q.start)
    _link_ranges(found, text, lang)
    return found


ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:el|la|los|las|del|al|o|a|os|as|do|da|no|na)\s+$", re.I)
WORD_AFTER = re.compile(r"\s+([a-zà-ÿ]+)")


def _ratios(text, p, taken) -> list[Quantity]:
    """The shares written as "one in four" (25%), not a count in a time ("2 in 10 minutes")."""
    found = []
    for m in p["ratio"].finditer(text):
        a, b = (int(x) if x.isdigit() else p["ratio_values"].get(x.lower(), 0) for x in m.group("a", "b"))
        if not 0 < a < b or _next_word(text, m.end()) in TIME_NOUNS or not taken.free(m.start(), m.end()):
            continue
        found.append(Quantity(m.start(), m.end(), m.group(), round(100 * a / b, 2), "percent", precision=0.01))
        taken.add(m.start(), m.end())
    return found


def _ordinal_in_place(text, start, end, lang) -> bool:
    """Is the word at ``start:end`` an ordinal where it stands: after an article, before a noun
    ("el cuarto minuto", "o quarto lugar")?  Before "de" or "que" it is a quarter or a room
    ("un cuarto de hora", "o quarto que dividia")."""
    after = WORD_AFTER.match(text, end)
    return ARTICLE_BEFORE.search(text, max(0, start - 8), start) is not None and \
        after is not None and after.group(1) not in lang.stopwords


class _Spans:
    """The text already read as figures, kept as sorted disjoint spans (overlapping ones
    merged), so that asking whether a span is free costs a binary search, not a pass over
    every figure (a table of 100,000 numbers took minutes)."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``: the last may overlap
        return i == 0 or self.ends[i - 1] <= start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        j = i
        if i > 0 and self.ends[i - 1] > start:  # overlaps the span before: merge with it
            i -= 1
            start = self.starts[i]
        while j < len(self.starts) and self.starts[j] < end:  # and with those it reaches into
            end = max(end, self.ends[j])
            j += 1
        end = max(end, self.ends[i]) if i < j else end
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]


RANGE_DASH = re.compile(r"^\s*(?:-|–|—|to|a|al|hasta|até)\s*$", re.I)
# the ends of a range may each take an article: "entre el 30 y el 43 %", "entre os 30 e os 43%"
RANGE_ARTICLE = r"(?:\s+(?:el|la|los|las|o|a|os|as))?"
RANGE_AND = re.compile(r"^\s*(?:and|y|e|a)" + RANGE_ARTICLE + r"\s*$", re.I)
RANGE_OPEN = re.compile(r"(?:between|from|entre|de|desde)" + RANGE_ARTICLE + r"\s+$", re.I)


def _link_ranges(found, text, lang):
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.kind in ("vague", "decade", "time", "ordinal") or b.kind in ("vague", "decade", "time", "ordinal"):
            continue
        joiner = text[a.end:b.start]
        opened = RANGE_OPEN.search(text[max(0, a.start - 12):a.start])
        # a bare number before a measure needs no "from": "1 to 2 inches", "5 a 10 cm"
        measured = a.kind == "count" and b.kind in ("unit", "percent", "money")
        if not (RANGE_DASH.match(joiner) and (opened or measured or joiner.strip() in "-–—")) \
                and not (RANGE_AND.match(joiner) and opened):
            continue
        a.range_with, b.range_with = i + 1, i
        if b.scaled and not a.scaled and a.value < 1000:
            factor = b.value / _unscaled(b)
            a.value *= factor
            a.precision *= factor
            a.scaled = True
        if a.kind == "count" and b.kind != "count":
            a.kind, a.unit = b.kind, b.unit
        if (b.grouped and not b.scaled and not a.grouped and not a.scaled and a.value < 100
                and b.value >= 1000 and a.value * 100 <= b.value):
            a.ambiguous_range = True


def _unscaled(q) -> float:
    """The figure as written before its scale word ("20" in "20 millones")."""
    m = re.search(r"\d+(?:[.,]\d+)?", q.text)
    if not m:
        return 1.0
    return float(m.group().replace(",", ".")) or 1.0
