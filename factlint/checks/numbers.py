"""The ``number`` kind: figures that disagree between translations, and within one article.

Per document, quantities are extracted with their context (the names and
other figures of their sentence, their relative position).  Per translation
group, the quantities of two versions are aligned: first every pair of equal
values at a similar place, then, between two such anchors, the remaining
quantities of the same dimension in the same order.  An aligned pair whose
values differ beyond rounding (or, across units, beyond a conversion's
tolerance) is a conflict reported at both places.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from factlint.checks import (FIRST_LINE, Located, SummarizedKind, corpus_finding, finding, related_location,
                             span_location)
from factlint.lang import load, strip_accents
from factlint import extracts, jsonio, units
from factlint.quantities import NEXT_WORD, TIME_NOUNS

CHECKS = ["translation", "vague", "ambiguous-range", "missing", "within-article", "story-size", "number-format"]
# a story groups the versions of one article; more than this many is metadata gone wrong (a
# template's "story:" kept in every draft), whose versions would all be compared with each other
MAX_STORY_VERSIONS = 12
# what the corpus phase reads of a quantity (the extract is cached for every document)
CORPUS_FIELDS = {"text", "value", "kind", "unit", "approx", "low", "high", "precision", "noun", "range_with"}
CONVERSION_TOLERANCE = 0.08
TEMPERATURE_TOLERANCE = 1.5  # degrees Celsius: "75F" is given as "24 °C" (23.9), "104F" as "40 °C"
UNEVEN_MAX_SHIFT = 0.02  # one shared name this close: the same sentence of the two versions
REORDER_MAX_SHIFT = 0.03  # sentences starting this close in two versions: one sentence, reordered
AUTO_PAIR_THRESHOLD = 0.45
AUTO_PAIR_MIN_SHARED = 4
AUTO_PAIR_RARE = 50        # an anchor in at most this many documents points to translations of each other
AUTO_PAIR_CANDIDATES = 10  # documents scored per document: those sharing the most rare anchors
AUTO_PAIR_VERSIONS = 5     # an anchor every version of one story shares is rare, however small the corpus
NAME = re.compile(r"(?<![\w])[A-ZÁÉÍÓÚÑÇ][\w\-]+")


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def describe(q: dict) -> str:
    """A figure's value as a reader writes it: "1,500,000,000 USD", "~40%", "1998", "16:40"."""
    kind, value = q["kind"], q["value"]
    if kind == "vague":
        return f"{q['text']!r} ({_fmt(q['low'])}–{_fmt(q['high'])})"
    if kind == "numeric_date":  # day and month in either order: as written
        return q["text"]
    if kind == "time":  # minutes after midnight, and the zone named after it
        return f"{int(value) // 60:02d}:{int(value) % 60:02d}" + (f" {q['unit']}" if q.get("unit") else "")
    if kind in ("year", "decade", "label", "ordinal", "date") and float(value).is_integer():
        return f"{int(value)}{'s' if kind == 'decade' else ''}"  # a year, not a count: "1998", not "1,998"
    unit = {"percent": " percentage points" if q["unit"] == "pp" else "%", "money": f" {q['unit']}",
            "unit": f" {units.symbol(q['unit'])}"}.get(kind, "")
    return f"{'~' if q['approx'] else ''}{_fmt(value)}{unit}"


def in_units_of(q: dict, other: dict) -> str:
    """``q`` converted to the unit of ``other``, to set beside it in a message (" (= 494,000 acres)"),
    or "" when they are not two units of one dimension."""
    if q["kind"] != "unit" or other["kind"] != "unit" or q["unit"] == other["unit"]:
        return ""
    try:
        value = units.convert(q["value"], q["unit"], other["unit"])
    except ValueError:
        return ""
    shown = round(value, 2 - int(math.floor(math.log10(abs(value))))) if value else 0.0  # three significant digits
    return f" (= {_fmt(shown)} {units.symbol(other['unit'])})"


class NumberKind(SummarizedKind):
    name = "number"
    options_schema = {"check": {"enum": CHECKS}}
    required_options = ("check",)

    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.by_check = defaultdict(list)
        for rule in rules:
            self.by_check[rule.options["check"]].append(rule)

    # -- phase 1 ------------------------------------------------------------
    def document(self, doc):
        lang = load(doc.lang)
        quantities = extracts.quantities(doc)
        sentences = extracts.sentences(doc)
        findings = []
        items = []
        s_index = 0
        body_start = len(doc.text) - len(doc.text.lstrip())
        body_length = max(1, len(doc.text.rstrip()) - body_start)
        anchors_of = {}  # sentence index -> its anchors (a sentence often holds several figures)
        for q in quantities:
            while s_index + 1 < len(sentences) and sentences[s_index].end <= q.start:
                s_index += 1
            if s_index not in anchors_of:
                sent = sentences[s_index] if sentences else None
                anchors_of[s_index] = sorted(_anchors(doc.text[sent.start:sent.end] if sent else "", lang))
            item = {k: v for k, v in q.to_json().items() if k in CORPUS_FIELDS}
            sentence_start = sentences[s_index].start if sentences else q.start
            item.update(loc=span_location(doc, q.start, q.end), rel=round((q.start - body_start) / body_length, 4),
                        srel=round((sentence_start - body_start) / body_length, 4), anchors=list(anchors_of[s_index]))
            if items and _equivalent(doc.text, items[-1], item):
                item["equiv"] = True
            items.append(item)
        for rule in self.by_check["ambiguous-range"]:
            for q in quantities:
                if q.ambiguous_range and rule.applies_to(doc.lang):
                    other = quantities[q.range_with]
                    message = rule.format_message(low=q.text, high=other.text,
                                                  reading=f"{_fmt(q.value)} or {_fmt(q.value * 1000)}")
                    findings.append(finding(doc, rule, q.start, other.end, message))
        for rule in self.by_check["within-article"]:
            if rule.applies_to(doc.lang):
                findings.extend(self._within_article(doc, rule, items))
        for rule in self.by_check["number-format"]:
            if rule.applies_to(doc.lang):
                findings.extend(_other_number_formats(doc, rule, quantities, lang))
        extract = {"lang": doc.lang, "quantities": items, "anchors": sorted(_doc_anchors(doc.text, items))}
        return findings, extract

    def _within_article(self, doc, rule, items):
        """The same counted thing given two different exact values ("2,000 employees" ... "1,500 employees")
        in two sentences.  Within one sentence two values are contrasted on purpose ("1,127 defections
        last year, against 2,706 in 2011"); a figure before a name labels it ("district 12 of
        Pennsylvania") rather than counts it."""
        by_noun = defaultdict(list)
        for q in items:
            if q["kind"] == "count" and q["noun"] and q["noun"] not in TIME_NOUNS and not q["approx"] \
                    and q["range_with"] < 0 and q["value"] >= 10 and not _names_after(doc.text, q["loc"]["end"]):
                by_noun[q["noun"]].append(q)
        out = []
        for noun, qs in by_noun.items():
            values = {q["value"] for q in qs}
            if len(values) < 2 or len(qs) > 4:
                continue
            first = qs[0]
            first_sentence = extracts.sentence_at(doc, first["loc"]["start"])
            for q in qs[1:]:
                if q["value"] != first["value"] and set(q["anchors"]) & set(first["anchors"]) \
                        and extracts.sentence_at(doc, q["loc"]["start"]) is not first_sentence:
                    message = rule.format_message(noun=noun, value=_fmt(q["value"]), other=_fmt(first["value"]),
                                                  other_line=first["loc"]["line"])
                    loc = q["loc"]
                    out.append(finding(doc, rule, loc["start"], loc["end"], message,
                                       related=[related_location(doc.path, first["loc"], first["text"])]))
        return out

    # -- phase 2 ------------------------------------------------------------
    # The summary holds how documents group into translations: story ids,
    # ``translation_of`` links, and the anchors of the rest (for automatic
    # pairing).  Quantities are loaded only for the groups of checked files.
    @staticmethod
    def new_summary():
        return new_groups()

    @staticmethod
    def add_to_summary(summary, entry, sign=1, front=False):
        extract = entry.extracts.get("number")
        if extract:
            add_to_groups(summary, entry, extract["anchors"], sign, front)

    def corpus_from_summary(self, summary, checked, load, focused):
        mine = set(checked)
        for paths, how in translation_groups(summary, mine if focused else None):
            if mine.isdisjoint(paths):
                continue  # findings are reported for checked files only
            if len(paths) > MAX_STORY_VERSIONS:
                for rule in self.by_check["story-size"]:
                    message = rule.format_message(count=len(paths), how=how, most=MAX_STORY_VERSIONS)
                    yield from (corpus_finding(Located(path), rule, FIRST_LINE, message) for path in sorted(mine & set(paths)))
                continue  # not compared: their figures are not one article's
            group = [e for e in map(load, paths) if e is not None and e.extracts.get("number")]
            converted = defaultdict(set)  # a figure -> the figures in other units it agrees with
            keyed = [item for i, a in enumerate(group) for b in group[i + 1:] if a.lang != b.lang
                     for item in self._compare(a, b, how, converted)]
            yield from _odd_ones_out(_not_two_conversions(keyed, converted), originals_named(group))

    def _compare(self, a, b, how, converted):
        """(finding, its figure, the figure it disagrees with) for each disagreement of two
        versions; a figure missing from the other version has no partner (None, None).
        ``converted`` records the pairs that agree after a conversion of units."""
        qa, qb = a.extracts["number"]["quantities"], b.extracts["number"]["quantities"]
        pairs, unmatched_a, unmatched_b = align(qa, qb)
        out = []
        for x, y in pairs:
            if x["kind"] == "vague" or y["kind"] == "vague":
                if not vague_agrees(x, y):
                    out += self._pair_findings("vague", a, x, b, y, how)
            elif not same_value(x, y):
                out += self._pair_findings("translation", a, x, b, y, how)
            elif x["kind"] == "unit" and x["unit"] != y["unit"]:
                converted[_figure_key(a, x)].add(_figure_key(b, y))
                converted[_figure_key(b, y)].add(_figure_key(a, x))
        for rule in self.by_check["missing"]:
            for entry, other, items in ((a, b, unmatched_a), (b, a, unmatched_b)):
                for q in items:
                    if q["kind"] in ("count", "money", "percent", "unit"):
                        message = rule.format_message(value=describe(q), other=other.path)
                        out.append((corpus_finding(entry, rule, q["loc"], message, snippet=q["text"]), None, None))
        return out

    def _pair_findings(self, check, a, x, b, y, how):
        out = []
        for rule in self.by_check[check]:
            for entry, q, other, oq in ((a, x, b, y), (b, y, a, x)):
                # figures as read, their spaces collapsed (markup blanked around them leaves several)
                text, other_text = " ".join(q["text"].split()), " ".join(oq["text"].split())
                message = rule.format_message(here=describe(q), there=describe(oq) + in_units_of(oq, q),
                                              text=text, other_text=other_text,
                                              other=f"{other.path}:{oq['loc']['line']}",
                                              how="; ".join([how, *_false_friends((entry, q), (other, oq))]))
                rel = [related_location(other.path, oq["loc"], f"{other_text!r} in the {other.lang} version")]
                out.append((corpus_finding(entry, rule, q["loc"], message, related=rel, snippet=q["text"]),
                            _figure_key(entry, q), _figure_key(other, oq)))
        return out


def _false_friends(*versions) -> list[str]:
    """What to tell a translator whose figure is a thousand times the other version's and is
    written with a scale word of their language that looks like the English one ("billón")."""
    (_, q), (_, oq) = versions
    if min(q["value"], oq["value"]) <= 0 or round(max(q["value"], oq["value"]) / min(q["value"], oq["value"])) != 1000:
        return []
    from factlint.lang import load, supported

    notes = []
    for entry, figure in versions:
        friends = load(entry.lang).data.get("false_friends", {}) if entry.lang in supported() else {}
        notes += [note for word, note in friends.items() if re.search(rf"(?<!\w){word}(?!\w)", figure["text"], re.I)]
    return list(dict.fromkeys(notes))


# one or two decimals after the mark ("1.5", "20,4"); groups of three after a thousands separator
DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}([.,])\d{1,2}(?![\d.,])")
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}([.,])\d{3}(?:\1\d{3})*(?![\d.,])")
OTHER_MARK = {",": ".", ".": ","}


def _other_number_formats(doc, rule, quantities, lang):
    """FL207: figures written with the decimal mark or thousands separator of another language
    ("1.5 milhão", "20,000 pessoas" in Portuguese; "2,5 million", "20.000 people" in English):
    a translation kept the original's figure as it was written.  Decimals are judged in
    amounts, percentages and scaled figures (not "Llama 3.1", "a las 10.30"), thousands in
    counts and amounts.  A language whose countries differ (Spanish: a decimal comma in Spain,
    a point in Mexico) is held to the mark most of the article's figures imply."""
    found = []  # (quantity, match, is it a decimal mark?)
    for q in quantities:
        m = DECIMAL.search(q.text)
        if m is not None and (q.scaled or q.kind in ("percent", "money")):
            found.append((q, m, True))
        elif q.kind in ("count", "money") and (m := THOUSANDS.search(q.text)) is not None:
            found.append((q, m, False))
    mark, where = lang.data.get("decimal_mark"), doc.lang
    if mark == "consistent":  # the decimal mark each figure implies: a thousands point says a decimal comma
        implied = [m.group(1) if decimal else OTHER_MARK[m.group(1)] for _, m, decimal in found]
        commas, points = implied.count(","), implied.count(".")
        mark = "," if commas > points else "." if points > commas else None
        where = "this article"
    out = []
    for q, m, decimal in found:
        due = mark if decimal else OTHER_MARK.get(mark)
        if due is None or m.group(1) == due:
            continue
        written = m.group()
        fixed = written.replace(m.group(1), due)
        what = f"a decimal {'comma' if due == ',' else 'point'}" if decimal else \
            f"thousands with a {'comma' if due == ',' else 'point'}"
        message = rule.format_message(written=written, fixed=fixed, where=where, what=what)
        out.append(finding(doc, rule, q.start + m.start(), q.start + m.end(), message,
                           fix={"replacement": fixed, "message": f"Replace with {fixed!r}"}))
    return out


def _figure_key(entry, q) -> tuple:
    return entry.path, q["loc"]["start"]


def _not_two_conversions(keyed, converted) -> list:
    """The disagreements of ``keyed`` but those of two figures that each convert the same
    figure of a third version: "480 kilómetros" and "483 km" both render "300 miles", each
    translator rounding in their own way."""
    return [(reported, key, partner) for reported, key, partner in keyed
            if key is None or not converted.get(key, set()) & converted.get(partner, set())]


def _odd_ones_out(keyed, originals=frozenset()):
    """The findings of one story's comparisons, each disagreement reported where it is.

    A figure that disagrees with the figures of two or more versions which agree with each
    other is the odd one out: it alone is reported, once, with every version it disagrees
    with as a related place; the versions that agree are not reported for it.  Between two
    versions nothing tells which is right, so both are reported, and so is every side when the
    odd one out is the original the others name (``translation_of``: its translations may
    share a slip)."""
    partners = defaultdict(set)
    for _, key, partner in keyed:
        if key is not None:
            partners[key].add(partner)
    kept = {}  # one finding per flagged figure and rule, its related places merged
    for reported, key, partner in keyed:
        if key is None:
            yield reported
            continue
        if partners[key] == {partner} and len(partners[partner]) >= 2 and partner[0] not in originals:
            continue  # the other version's figure is the odd one out
        first = kept.setdefault((key, reported.code), reported)
        if first is not reported:
            first.related.extend(r for r in reported.related if r not in first.related)
    yield from kept.values()


def _names_after(text: str, end: int) -> bool:
    """Is the word after a figure (the one its noun is read from) capitalised, a name?"""
    match = NEXT_WORD.match(text, end)
    return bool(match) and match.group(1)[0].isupper()


def _anchors(sentence: str, lang) -> set[str]:
    words = {strip_accents(w.lower()) for w in NAME.findall(sentence)}
    return {w for w in words if w not in lang.stopwords and len(w) > 1}


def _doc_anchors(text: str, items) -> set[str]:
    names = {strip_accents(w.lower()) for w in NAME.findall(text) if len(w) > 2}
    values = {f"#{_fmt(q['value'])}" for q in items if q["kind"] != "vague" and q["value"] >= 10}
    return names | values


# ---------------------------------------------------------------------------
# Comparing values
# ---------------------------------------------------------------------------

def dimension(q) -> tuple:
    if q["kind"] == "unit":
        return ("unit", units.dimension(q["unit"]))
    if q["kind"] == "money":
        return ("money", "")  # currencies are compared in same_value
    if q["kind"] == "vague":
        return ("vague", q["unit"])
    if q["kind"] == "label":  # "minuto 89", "distrito 17": which one, as "the 89th minute" says it
        return ("ordinal", "")
    return (q["kind"], "")


def compatible(x, y, dx, dy) -> bool:
    """Can ``x`` and ``y`` be the same figure?  ``dx``, ``dy``: their ``dimension``s (computed once
    per quantity by ``align``, not once per pair)."""
    if dx == dy or _pound_either_way(x, y):
        return True
    kinds = {dx[0], dy[0]}
    if kinds == {"vague", "count"}:  # "thousands" ~ "2,000", but never "dozens" ~ "two"
        count = x if dx[0] == "count" else y
        return not (dx[1] or dy[1]) and count["value"] >= 10
    if kinds == {"vague", "money"}:
        return x["unit"] == y["unit"]
    return False


def same_value(x, y) -> bool:
    """Do two aligned quantities agree (within rounding, or after unit conversion)?

    Amounts in different currencies are not converted (translators re-express
    money for their readers): they agree unless the figure is identical and
    only the currency changed, which is a slip, not a conversion.  Clock times
    in two named time zones agree, for the same reason.
    """
    a, b = x["value"], y["value"]
    if _two_zones(x, y):
        return True  # "3pm GMT" and "16.00 (hora peninsular)": each reader's clock
    if x["kind"] == "percent" and y["kind"] == "percent" and x["unit"] != y["unit"]:
        return False  # "rose 2 percentage points" is not "subió un 2 %": points of a rate, not a share of it
    if _pound_either_way(x, y):
        return abs(a - b) <= max(x["precision"], y["precision"]) + 1e-9 * max(abs(a), abs(b))
    if _two_currencies(x, y):
        return abs(a - b) > max(x["precision"], y["precision"])
    if x["kind"] == "unit" and x["unit"] != y["unit"]:
        try:
            if units.dimension(x["unit"]) == units.TEMPERATURE:  # no relative tolerance about an arbitrary zero
                a, b = units.convert(a, x["unit"], "degC"), units.convert(b, y["unit"], "degC")
                return abs(a - b) <= TEMPERATURE_TOLERANCE
            b = units.convert(b, y["unit"], x["unit"])
            # each figure is rounded to its own last digit: "1 inch" is not "5 cm", "6 feet" is "2 metros"
            rounding = (x["precision"] + units.convert(y["precision"], y["unit"], x["unit"])) / 2
        except ValueError:
            return True  # cannot convert: do not guess
        scale = max(abs(a), abs(b), 1e-9)
        return abs(a - b) <= max(CONVERSION_TOLERANCE * scale, rounding)
    tolerance = max(x["precision"], y["precision"])
    if x["approx"] != y["approx"]:  # "about 1,000" may translate a precise "1,040", and the reverse;
        tolerance = max(tolerance, 0.1 * max(abs(a), abs(b)))  # "more than 135" translates "más de 135"
    return abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b))


def _pound_either_way(x, y) -> bool:
    """A pound sterling on one side and a pound of weight on the other: Spanish and Portuguese
    "libras" is both, so the figures are compared as written ("650 libras" / "650 pound")."""
    return {x["kind"], y["kind"]} == {"money", "unit"} and {x["unit"], y["unit"]} == {"GBP", "pound"}


def vague_agrees(x, y) -> bool:
    lo_x, hi_x = (x["low"], x["high"]) if x["kind"] == "vague" else (x["value"], x["value"])
    lo_y, hi_y = (y["low"], y["high"]) if y["kind"] == "vague" else (y["value"], y["value"])
    return lo_x <= hi_y and lo_y <= hi_x


# ---------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------

def align(qa, qb, max_shift=0.3):
    """Aligned pairs of quantities, and those of each side left alone."""
    candidates = []
    dims_a, dims_b = [dimension(x) for x in qa], [dimension(y) for y in qb]
    for i, x in enumerate(qa):
        if x["kind"] == "vague":
            continue
        for j, y in enumerate(qb):
            shift = abs(x["rel"] - y["rel"])
            if shift < max_shift and y["kind"] != "vague" and compatible(x, y, dims_a[i], dims_b[j]) \
                    and same_value(x, y) and not _two_currencies(x, y) and not _two_zones(x, y):  # a conversion is no anchor
                candidates.append((shift, i, j))
    anchors = _monotonic(_greedy(candidates))
    pairs, used_a, used_b = [], set(), set()

    def take(chosen):
        for k, l in chosen:
            pairs.append((qa[k], qb[l]))
            used_a.add(k)
            used_b.add(l)

    take(anchors)
    alone_a, alone_b = _alone_in_sentence(qa), _alone_in_sentence(qb)
    bounds = [(-1, -1), *anchors, (len(qa), len(qb))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gap_a = [k for k in range(i0 + 1, i1) if k not in used_a]
        gap_b = [k for k in range(j0 + 1, j1) if k not in used_b]
        by_dim_a, by_dim_b = defaultdict(list), defaultdict(list)
        for k in gap_a:
            by_dim_a[_family(dims_a[k])].append(k)
        for k in gap_b:
            by_dim_b[_family(dims_b[k])].append(k)
        for dim, ks in by_dim_a.items():
            ls = by_dim_b.get(dim, [])
            # small counts are seldom aligned (they are paraphrased): they do not unbalance a gap
            # a figure's equivalent in parentheses ("104F (40C)") is one figure with it, which a
            # translation may keep alone; where both are left, the one in the same unit is the partner
            one_to_one = sum(_counted(qa[k]) for k in ks) == sum(_counted(qb[l]) for l in ls)
            fitting = [(k, l) for k in ks for l in ls if compatible(qa[k], qb[l], dims_a[k], dims_b[l])
                       and not _word_against_figure(qa[k], qb[l])]
            mutual = set() if one_to_one else _mutual_nearest(fitting, qa, qb)
            sole = len(ks) == 1 and len(ls) == 1 and alone_a[ks[0]] and alone_b[ls[0]]
            scored = sorted(((qa[k]["unit"] != qb[l]["unit"], abs(qa[k]["rel"] - qb[l]["rel"])), k, l)
                            for k, l in fitting
                            if _same_context(qa[k], qb[l], small=_small(qa[k]) or _small(qb[l]),
                                             uneven=not one_to_one, mutual=(k, l) in mutual, sole=sole))
            take(_monotonic(_greedy(scored)))
    take(_reordered(qa, qb, dims_a, dims_b, used_a, used_b))
    return pairs, [q for k, q in enumerate(qa) if k not in used_a], [q for k, q in enumerate(qb) if k not in used_b]


def _reordered(qa, qb, dims_a, dims_b, used_a, used_b):
    """Pairs the ordered alignment missed because a translation reordered its sentence
    ("About 40,000 cases ... in 2018" / "En 2018 ... unos 40 000 casos"): a figure left alone
    on each side, of the same dimension, in sentences that start at the same place of their
    articles (``srel``), each the other's only candidate."""
    left_a = [k for k in range(len(qa)) if k not in used_a and not _small(qa[k]) and qa[k]["kind"] != "vague"]
    left_b = [l for l in range(len(qb)) if l not in used_b and not _small(qb[l]) and qb[l]["kind"] != "vague"]
    near = {k: [l for l in left_b if abs(qa[k]["srel"] - qb[l]["srel"]) < REORDER_MAX_SHIFT
                and compatible(qa[k], qb[l], dims_a[k], dims_b[l])] for k in left_a}
    takers = defaultdict(list)
    for k, ls in near.items():
        for l in ls:
            takers[l].append(k)
    return [(k, ls[0]) for k, ls in near.items() if len(ls) == 1 and takers[ls[0]] == [k]]


def _two_zones(x, y) -> bool:
    """Are ``x`` and ``y`` clock times in two different named time zones?  A translation converts
    a time for its readers as it converts money; a zone dropped is no conversion."""
    return _two_named(x, y, "time")


def _two_named(x, y, kind) -> bool:
    """Are ``x`` and ``y`` both of ``kind``, each naming its reference (a currency, a time zone),
    and the two references different?"""
    return x["kind"] == kind and y["kind"] == kind and bool(x["unit"]) and bool(y["unit"]) \
        and x["unit"].lower() != y["unit"].lower()


def _alone_in_sentence(quantities) -> list[bool]:
    """For each quantity, is it the only one of its sentence?"""
    per_sentence = Counter(q["srel"] for q in quantities)
    return [per_sentence[q["srel"]] == 1 for q in quantities]


def _two_currencies(x, y) -> bool:
    """Are ``x`` and ``y`` amounts in two different (named) currencies?"""
    return _two_named(x, y, "money")


PARENTHESIS_BETWEEN = re.compile(r"\s*\(\s*")


def _equivalent(text, before, q) -> bool:
    """Is ``q`` the same amount as the figure just ``before`` it, in another unit or currency,
    in parentheses: "104F (40C)", "$200 billion (£150 billion)"?  A translation often keeps one."""
    if q["kind"] != before["kind"] or q["kind"] not in ("unit", "money") or q["unit"] == before["unit"]:
        return False
    if q["kind"] == "unit" and dimension(q) != dimension(before):
        return False
    return PARENTHESIS_BETWEEN.fullmatch(text, before["loc"]["end"], q["loc"]["start"]) is not None


def _family(d):
    """The family of a dimension: counts with vague amounts, money with vague sums."""
    if d[0] in ("vague", "count"):
        return ("count-like", d[1])
    if d[0] == "money":
        return ("money-like", d[1])
    return d


def _counted(q) -> bool:
    """Does ``q`` count in the balance of a gap: not a small count, nor a figure's equivalent?"""
    return not _small(q) and not q.get("equiv")


def _small(q) -> bool:
    """Small counts and ordinals written as words ("two", "tres", "the first") are often
    paraphrased: align them only on strong context.  Written in digits ("5.ª planta", "5.6
    points") they are data, never a paraphrase."""
    return q["kind"] in ("count", "ordinal") and q["value"] < 10 and not any(ch.isdigit() for ch in q["text"])


def _word_against_figure(x, y) -> bool:
    """Is one a small count in words ("three", "três") and the other a figure of ten or more?
    No translator writes 281 as "três": such a pair is two different figures of a reordered
    sentence ("281 stores ... three years ago" / "há três anos ... 218 lojas")."""
    return (_small(x) and y["value"] >= 10) or (_small(y) and x["value"] >= 10)


def _same_context(x, y, small=False, uneven=False, mutual=False, sole=False) -> bool:
    """Do two quantities stand in corresponding places of their documents?  A small count
    (often paraphrased) needs two shared names nearby, or one in the same sentence when, on each
    side, it is the only figure of its sentence and of its kind between two aligned ones
    (``sole``: "the nine members ... Copom" / "los siete miembros ... Copom").  So does a figure of a gap that holds
    more figures on one side, unless a shared name puts both in the same sentence, or nearby
    when each is the other's nearest (``mutual``)."""
    shared = set(x["anchors"]) & set(y["anchors"])
    shift = abs(x["rel"] - y["rel"])
    if small and sole and not uneven and shared and shift < UNEVEN_MAX_SHIFT * 2:
        return True
    if small or uneven:
        return (len(shared) >= 2 and shift < 0.1) or \
            (not small and bool(shared) and (shift < UNEVEN_MAX_SHIFT or (mutual and shift < 0.1)))
    return (bool(shared) and shift < 0.4) or shift < 0.08


def _mutual_nearest(fitting, qa, qb) -> set:
    """The pairs of ``fitting`` (index pairs) whose two figures are each other's nearest, among
    figures as exact as they are ("thousands" beside "18 million" is no rival of "180 millones")."""
    nearest_a, nearest_b = {}, {}
    for k, l in fitting:
        if (qa[k]["kind"] == "vague") != (qb[l]["kind"] == "vague"):
            continue
        shift = abs(qa[k]["rel"] - qb[l]["rel"])
        if shift < nearest_a.get(k, (2.0,))[0]:
            nearest_a[k] = (shift, l)
        if shift < nearest_b.get(l, (2.0,))[0]:
            nearest_b[l] = (shift, k)
    return {(k, l) for k, (_, l) in nearest_a.items() if nearest_b[l][1] == k}


def _greedy(candidates):
    taken_a, taken_b, out = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            out.append((i, j))
    return sorted(out)


def _monotonic(pairs):
    """Longest chain of pairs increasing on both sides (drops crossing matches)."""
    if not pairs:
        return []
    best = [1] * len(pairs)
    prev = [-1] * len(pairs)
    for k in range(len(pairs)):
        for m in range(k):
            if pairs[m][1] < pairs[k][1] and best[m] + 1 > best[k]:
                best[k], prev[k] = best[m] + 1, m
    k = max(range(len(pairs)), key=best.__getitem__)
    chain = []
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    return chain[::-1]


# ---------------------------------------------------------------------------
# Translation groups
# ---------------------------------------------------------------------------

def new_groups() -> dict:
    """An empty translation-groups summary: story ids, ``translation_of`` links, and the
    anchors of the documents with neither, for automatic pairing."""
    return {"stories": {}, "translation_of": {}, "loose": {}}


def add_to_groups(summary, entry, anchors, sign=1, front=False):
    """Fold ``entry`` into a translation-groups summary (``sign=-1``: take it out).  ``anchors``:
    what it shares with its translations (names, figures), kept for automatic pairing."""
    path, story, target = entry.path, entry.story, entry.metadata.get("translation_of")
    if sign < 0:
        members = summary["stories"].get(story)
        if members and path in members:
            members.remove(path)
            if not members:
                del summary["stories"][story]
        summary["translation_of"].pop(path, None)
        summary["loose"].pop(path, None)
        return
    if story:
        members = summary["stories"].setdefault(story, [])
        if front:
            members.insert(0, path)
        else:
            members.append(path)
        return
    section, value = (("translation_of", target) if target else
                      ("loose", {"lang": entry.lang, "anchors": anchors}))
    if front:  # a few checked files in a focused run: rebuilding the dict is cheap
        summary[section] = {path: value, **summary[section]}
    else:
        summary[section][path] = value


_last_groups: list = [None, None]  # (what was asked, the groups found) at the last call


def translation_groups(summary, only=None):
    """[(paths, how)]: by ``story`` id, by ``translation_of``, else by automatic pairing
    (``only``: the paths of a focused run, whose groups are all it needs).

    The numbers and the names checks each keep the same groups summary and ask for the same
    groups: the second asks what the first asked (compared as JSON text, written at C speed,
    so a summary changed in place since is never mistaken for the same) and gets the groups
    already found, instead of pairing the corpus again."""
    asked = jsonio.dumps([summary, sorted(only) if only is not None else None])
    if _last_groups[0] == asked:
        return _last_groups[1]
    groups = _translation_groups(summary, only)
    _last_groups[:] = [asked, groups]
    return groups


def _translation_groups(summary, only):
    groups = [(paths, f"story '{story}'") for story, paths in summary["stories"].items() if len(paths) > 1]
    known = {p for paths in summary["stories"].values() for p in paths}
    known |= set(summary["translation_of"]) | set(summary["loose"])
    by_root = defaultdict(list)
    for path, target in summary["translation_of"].items():
        by_root[_resolve_target(path, target, known)].append(path)
    for root, members in by_root.items():
        if root in known and root not in members:
            members.append(root)
        if len(members) > 1:
            groups.append((members, f"translation_of {root}"))
    return groups + auto_pairs(summary["loose"], only)


def originals_named(versions) -> set:
    """The paths that versions of a story name as their original (``translation_of``)."""
    return {target_path(v.path, str(v.metadata["translation_of"])) for v in versions if v.metadata.get("translation_of")}


def target_path(path, target):
    """``translation_of`` is relative to the article that names it."""
    import os

    return os.path.normpath(os.path.join(os.path.dirname(path), target))


def _resolve_target(path, target, known):
    import os

    candidate = target_path(path, target)
    return candidate if candidate in known else os.path.normpath(target)


def auto_pairs(loose, only=None):
    """Pair documents of different languages that share enough names and figures.

    ``loose`` maps a path to its language and anchors (capitalised names,
    figures >= 10).  Score: weighted overlap of two documents' anchors, each
    weighted by its inverse document frequency: the weight of what they share
    over the weight of the smaller document's set (a translation may be
    shorter or longer than its original).  A pair is kept when each is the
    other's best match, the score is at least AUTO_PAIR_THRESHOLD and they
    share AUTO_PAIR_MIN_SHARED anchors; a version in a third language joins
    the group of its own best match.  Returns [(paths, how)]; with ``only`` (a set
    of paths, a focused run), at least the groups holding one of them.

    Only a few candidates are scored per document, as a search engine would:
    those sharing the most rare anchors (in at most AUTO_PAIR_RARE documents;
    a translation shares its original's particular names and figures), so the
    work grows with the corpus, not with its square.
    """
    import functools
    import heapq
    import math

    if len(loose) < 2:
        return []
    sets = {path: set(item["anchors"]) for path, item in loose.items()}
    df = defaultdict(int)
    for anchors in sets.values():
        for a in anchors:
            df[a] += 1
    n = len(loose)
    idf = {a: math.log(1 + n / c) for a, c in df.items()}
    weight = {path: sum(idf[a] for a in anchors) for path, anchors in sets.items()}
    rare = max(AUTO_PAIR_VERSIONS, min(AUTO_PAIR_RARE, n // 10))
    postings = defaultdict(list)
    for path, anchors in sets.items():
        for a in anchors:
            if df[a] <= rare:
                postings[a].append(path)

    @functools.lru_cache(maxsize=None)  # a focused run asks again for the candidates it walked through
    def candidates(path):
        """The documents of other languages sharing the most rare anchors with ``path``."""
        lang = loose[path]["lang"]
        hits = defaultdict(int)
        for a in sets[path]:
            for other in postings.get(a, ()):
                if other != path and loose[other]["lang"] != lang:
                    hits[other] += 1
        # ties broken by path: the anchors are a set, whose order changes from one process to the next
        return heapq.nlargest(AUTO_PAIR_CANDIDATES, hits, key=lambda other: (hits[other], other))

    def best_match(path):
        """(score, anchors shared, document) of ``path``'s best candidate, or None."""
        scored = []
        for other in candidates(path):
            shared = sets[path] & sets[other]
            scored.append((sum(idf[a] for a in shared) / max(1e-9, min(weight[path], weight[other])),
                           len(shared), other))
        return max(scored) if scored else None

    # a focused run needs the best matches of its files, of their candidates (is the best mutual?)
    # and of those candidates' candidates (a third version joining the group)
    wanted = list(sets) if only is None else _within_two_steps(only & sets.keys(), candidates)
    best = {path: found for path in wanted if (found := best_match(path)) is not None}
    good = {path: (score, other) for path, (score, shared, other) in best.items()
            if score >= AUTO_PAIR_THRESHOLD and shared >= AUTO_PAIR_MIN_SHARED}
    groups, group_of = [], {}
    for path, (score, other) in good.items():  # mutual best matches found a group
        if good.get(other, (0, None))[1] == path and path not in group_of:
            group = {"paths": [path, other], "score": score}
            groups.append(group)
            group_of[path] = group_of[other] = group
    for path, (score, other) in good.items():  # a third version joins the group of its best match
        group = group_of.get(other)
        if path not in group_of and group is not None \
                and loose[path]["lang"] not in {loose[p]["lang"] for p in group["paths"]}:
            group["paths"].append(path)
            group["score"] = min(group["score"], score)
            group_of[path] = group
    return [(g["paths"], f"paired automatically: {g['score']:.2f} of names and figures shared") for g in groups]


def _within_two_steps(start, candidates) -> list:
    """``start`` and the documents one or two ``candidates`` steps away from it, in a fixed order."""
    seen = dict.fromkeys(sorted(start))
    frontier = list(seen)
    for _ in range(2):
        frontier = [other for path in frontier for other in candidates(path) if other not in seen]
        seen.update(dict.fromkeys(frontier))
    return list(seen)


def print_stories(linter, entries) -> int:
    """``factlint stories``: translation groups and how each was found."""
    summary = NumberKind.new_summary()
    for entry in entries:
        NumberKind.add_to_summary(summary, entry)
    langs = {e.path: e.lang for e in entries}
    groups = translation_groups(summary)
    if not groups:
        print("No translation groups found (give articles a 'story' id in front matter or config metadata).")
        return 0
    for paths, how in groups:
        print(f"{how}:")
        for path in sorted(paths):
            print(f"    [{langs[path]}] {path}")
    return 0
