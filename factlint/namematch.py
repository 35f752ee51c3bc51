"""Deciding whether two spellings are one name written wrongly.

``compare_tokens`` says why two words are probably the same name (case,
accents, truncation, sound, a few letters) or returns None.  Short words are
only matched loosely when another word of the same name agrees exactly
(``relaxed``), so "Eck" is caught in "Daniel Eck" but "Mets" is never "Meta".
Inflections (Googled, Metaverse, metaverso) and gendered first names
(Paulo/Paula) are never misspellings; words with digits (Gemma 2B, GPT-4o)
must match exactly.
"""
from __future__ import annotations

from factlint.lang import strip_accents
from factlint.lang.phonetics import skeleton, sounds_alike

GENDER_ENDINGS = {frozenset("oa"), frozenset("ea"), frozenset("oe")}
# the standard way to write German letters without them: a spelling, not a slip
TRANSLITERATION = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss"})
# neighbouring keys of a QWERTY keyboard: a slip of the finger replaces a letter by one of these
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
VOWELS = frozenset("aeiouy")


def _neighbours() -> dict:
    near = {}
    for r, row in enumerate(KEYBOARD_ROWS):
        for c, key in enumerate(row):
            keys = {row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""}
            for other in (r - 1, r + 1):  # the rows are staggered: the keys above and below overlap
                if 0 <= other < len(KEYBOARD_ROWS):
                    keys.update(KEYBOARD_ROWS[other][max(0, c - 1):c + 2])
            near[key] = keys - {""}
    return near


NEIGHBOURS = _neighbours()


def slip_of_the_finger_or_ear(a: str, b: str) -> bool:
    """Of two words of one length one letter apart, is the difference a typing slip (a
    neighbouring key), a vowel heard for another ("Lacon" for LeCun) or at the word's end,
    where translations and inflections change names ("Anthrópio")?  A distant consonant inside
    the word makes another word: "Tennent" is no slip of "Tencent"."""
    if len(a) != len(b):
        return True  # a letter left out or in, or two swapped: slips all
    pairs = [(k, x, y) for k, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(pairs) != 1:
        return True  # two letters swapped
    k, x, y = pairs[0]
    if k == len(a) - 1:
        return True
    return (x in VOWELS and y in VOWELS) or y in NEIGHBOURS.get(x, ())


def edit_distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one edit (OSA)."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)


def compare_tokens(m: str, f: str, relaxed: bool = False) -> str | None:
    """Why ``m`` is probably a misspelling of ``f`` (None if it is not, or if equal)."""
    if m == f:
        return "exact"
    if any(ch.isdigit() for ch in m + f):
        return None
    ml, fl = m.lower(), f.lower()
    if ml == fl:
        if m.isupper() and len(m) > 3:
            return "exact"  # a name in capitals (headline style)
        return "differs only in case"
    if ml.translate(TRANSLITERATION) == fl.translate(TRANSLITERATION):
        return None  # Württemberg / Wuerttemberg, Müller / Mueller: German written without umlauts
    ma, fa = strip_accents(ml), strip_accents(fl)
    if ma == fa:
        return "accents differ"
    if not ma or not fa:
        return None
    if ma[0] != fa[0] and not (relaxed and skeleton(m) == skeleton(f)):
        return None
    if ma == fa + fa[-1]:
        return "last letter doubled"
    if ma.startswith(fa):
        # beside a first name that agrees: "Tim Cooke", "Lisa Sue"; not a plural, a possessive or
        # a people's adjective ("North Korean", "Saudi")
        if relaxed and len(ma) == len(fa) + 1 and ma[-1] not in "si" and not ma.endswith("an"):
            return "1 letter added"
        return None  # an inflection or a longer word (Googled, Metaverse)
    if fa.startswith(ma) and not (relaxed and sounds_alike(m, f)):
        missing = len(fa) - len(ma)
        if len(ma) >= 4 and missing <= 2 and (m[-1].isupper() or missing == 1):
            return f"truncated ({missing} letter{'s' if missing > 1 else ''} missing)"
        return None
    parts_m, parts_f = camel_parts(m), camel_parts(f)
    if len(parts_m) == len(parts_f) > 1 and not relaxed:
        # HyperRight ~ HyperWrite: one part agrees, the others sound the same
        same = [a == b for a, b in zip(parts_m, parts_f)]
        if any(same) and all(s or skeleton(a) == skeleton(b) for s, a, b in zip(same, parts_m, parts_f)):
            return "sounds alike"
        return compare_names(parts_m, parts_f)
    if len(ma) == len(fa) and ma[:-1] == fa[:-1] and frozenset((ma[-1], fa[-1])) in GENDER_ENDINGS:
        return None  # Paulo / Paula, Mario / Maria
    d = edit_distance(ma, fa)
    alike = sounds_alike(m, f)
    length = len(fa)
    letters = f"{d} letter{'s' if d > 1 else ''} differ{'s' if d == 1 else ''}"
    if relaxed:
        if alike and d <= max(2, length // 2):
            return f"sounds alike; {letters}"
        if d == 1 and length >= 4:
            return letters
        return None
    if length <= 3:
        return None
    if d == 1 and (alike or (length >= 6 and slip_of_the_finger_or_ear(ma, fa))):
        return f"sounds alike; {letters}" if alike else letters
    if d == 2 and length >= 7 and alike:
        return f"sounds alike; {letters}"
    return None


def camel_parts(word: str) -> list[str]:
    """HyperWrite -> [Hyper, Write]; OpenAI -> [Open, AI]; plain words stay whole."""
    import re

    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z\u00e0-\u00ff]+|\d+", word) or [word]


def compare_names(mention: list[str], form: list[str]) -> str | None:
    """Why the words of ``mention`` probably misspell the name ``form`` (same word count)."""
    if len(mention) != len(form):
        return None
    if len(form) == 1:
        reason = compare_tokens(mention[0], form[0])
        return None if reason in (None, "exact") else reason
    exact = [m == f for m, f in zip(mention, form)]
    if all(exact):
        return None
    anchored = any(m == f for m, f in zip(mention, form) if len(f) > 1)
    reasons = []
    for m, f, same in zip(mention, form, exact):
        if same:
            continue
        reason = compare_tokens(m, f, relaxed=anchored)
        if reason is None and not anchored:
            reason = compare_tokens(m, f, relaxed=sounds_alike(m, f))
        if reason is None:
            return None
        if reason != "exact":
            reasons.append(reason)
    if not reasons:
        return None
    if len(reasons) > 1 and all(r.startswith("sounds alike") for r in reasons):
        differ = edit_distance(strip_accents(" ".join(mention).lower()), strip_accents(" ".join(form).lower()))
        return f"sounds alike; {differ} letters differ"
    if not anchored and not all(sounds_alike(m, f) or m.lower() == f.lower() for m, f in zip(mention, form)):
        return None
    return "; ".join(dict.fromkeys(reasons))


def translation_slip(mention: list[str], form: list[str]) -> str | None:
    """Why ``mention``, a name of several words in one version of a story, probably misspells
    ``form``, the same name in the other versions (None if it does not).

    Stricter than ``compare_names``: translations rename places and institutions (Lake / Lago
    Michigan, Casa Blanca / Casa Branca), and English often drops accents, so a slip is one
    edit in one word, every other word identical, and never case or accents alone.
    """
    if len(mention) != len(form) or len(form) < 2:
        return None
    differing = [(m, f) for m, f in zip(mention, form) if m != f]
    if len(differing) != 1:
        return None
    m, f = differing[0]
    if len(f) > 3 and m[:-1] == f[:-1] and {m[-1].lower(), f[-1].lower()} == {"y", "i"} and f[-2] != f[-3]:
        # a Russian or Ukrainian final "й" is "i" in Spanish: Zelensky / Zelenski, Dmitry / Dmitri
        # (not after a doubled letter, as English names end: "Perri" is a slip of Perry)
        return None
    if m.lower() == f.lower() or strip_accents(m) == strip_accents(f) or len(f) < 3 \
            or any(ch.isdigit() for ch in m + f) or edit_distance(m, f) != 1 or m == f + "s" or f == m + "s":
        return None  # case, accents, a plural ("las Ryder Cups"), or not one edit
    return "sounds alike; 1 letter differs" if sounds_alike(m, f) else "1 letter differs"
