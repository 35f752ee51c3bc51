"""Skip a pattern on a document that cannot hold a match: the literal prefilter.

Most of a document's analysis time is regular expressions scanning the whole
text, one family of patterns after another (reporting verbs, superlatives,
charges, "founded in", role names ...), and most families match nowhere in a
given article.  Like ripgrep and Hyperscan, factlint reads from each pattern
the literals a match must contain (``required_literals``: "accus", "fraud",
"est in the world" ...), finds every literal of every pattern in one pass over
the lower-cased document (an Aho-Corasick automaton, ``pyahocorasick``), and
runs a pattern only where one of its literals occurs.  A gate only ever says
"cannot match" when that is certain, so findings are exactly those of the
unfiltered scan; a pattern whose literals are too short or unknown (``\\w+``,
figures, back-references, syntax only the ``regex`` module reads or reads
differently) has no gate and always runs.
"""
from __future__ import annotations

import re
from bisect import bisect_left

try:  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MIN_LITERAL = 3      # shorter literals ("de", "a ") occur in every article
MAX_ALTERNATIVES = 400  # a bigger cross product of branches is not worth its memory
SMALL_CLASS = 8      # a character class this small ("[oa]", "[Ee]") is spelled out
PRUNE_UP_TO = 64     # beyond this many literals, pruning costs more start-up than it saves


def _case_classes() -> dict[int, int]:
    """Letters that case-insensitive matching takes as one although their lower cases differ
    (dotless i and i, long s and s, final and medial sigma ...), each mapped to one of its class."""
    try:
        from re._casefix import _EXTRA_CASES  # what the re module itself uses (3.11+)
    except ImportError:  # pragma: no cover - Python 3.10
        _EXTRA_CASES = {0x69: (0x131,), 0x73: (0x17F,), 0x3C3: (0x3C2,)}
    table = {}
    for lower, others in _EXTRA_CASES.items():
        members = {lower, *others}
        for member in members:
            if member != min(members):
                table[member] = min(members)
    return table


_FOLD = _case_classes()
_NEEDS_FOLD = re.compile("[" + "".join(map(chr, _FOLD)) + "]")


def fold(text: str) -> str:
    """The text as the gates read it: lower case, with the letters case-insensitive matching
    treats as one (see ``_case_classes``) made one.  Literals are folded the same way, so a
    literal a case-insensitive match holds is always found in the folded text."""
    lowered = text.lower()
    return lowered.translate(_FOLD) if _NEEDS_FOLD.search(lowered) else lowered


# Syntax the ``regex`` module reads differently from ``re`` although ``re`` parses it too: POSIX
# classes ([[:alpha:]]) and fuzzy constraints ((?:foo){e<=1}).  Such a pattern gets no gate.
_OTHER_DIALECT = re.compile(r"\[\[:|\{[^}]*[a-z][^}]*\}")


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one (folded), or None
    when there is no such set of useful strings, or when ``re`` may read the pattern otherwise
    than the ``regex`` module does."""
    if _OTHER_DIALECT.search(pattern):
        return None
    try:
        parsed = _sre_parse.parse(pattern, flags)
    except Exception:  # regex-module syntax (\\p{Lu}, possessive quantifiers ...) or an error
        return None
    found = _required(list(parsed))
    if not found or not all(map(_useful, found)):
        return None
    if len(found) <= PRUNE_UP_TO:  # a string holding another adds nothing: "insiders" is found as "insider"
        found = {s for s in found if not any(t != s and t in s for t in found)}
    return frozenset(found)


def _useful(literal: str) -> bool:
    """Is ``literal`` rare enough to gate on?  Three characters, or two of which one is neither a
    letter nor a space ("0s" of "the 1990s" is rare; "de", "a " are in every article)."""
    return len(literal) >= MIN_LITERAL or (
        len(literal) == 2 and any(not ch.isalpha() and not ch.isspace() for ch in literal))


def _name(op) -> str:
    return str(op)


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _finite(items) -> set[str] | None:
    """Every string the sequence ``items`` can match, if that is a small finite set."""
    out = {""}
    for op, av in items:
        out = _concat(out, _finite_item(op, av))
        if out is None:
            return None
    return out


def _concat(heads: set[str], tails: set[str] | None) -> set[str] | None:
    """Every head followed by every tail; None if ``tails`` is None or the product is too big."""
    if tails is None or len(heads) * len(tails) > MAX_ALTERNATIVES:
        return None
    return {a + b for a in heads for b in tails}


def _union(alternatives, strings_of) -> set[str] | None:
    """The strings of every alternative of a branch together; None if one alternative has none."""
    out = set()
    for alternative in alternatives:
        part = strings_of(list(alternative))
        if not part:
            return None
        out |= part
    return out


def _finite_item(op, av) -> set[str] | None:
    name = _name(op)
    if name == "LITERAL":
        return {fold(chr(av))}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {""}  # zero width
    if name == "SUBPATTERN":
        return _finite(list(av[-1]))
    if name == "BRANCH":
        return _union(av[1], _finite)
    if name == "IN":
        chars = set()
        for kind, value in av:
            if _name(kind) != "LITERAL":
                return None
            chars.add(fold(chr(value)))
        return chars if len(chars) <= SMALL_CLASS else None
    if name in _REPEATS:
        low, high, body = av
        if (low, high) == (0, 1):
            part = _finite(list(body))
            return None if part is None else part | {""}
        if (low, high) == (1, 1):
            return _finite(list(body))
    return None


def _required(items) -> set[str] | None:
    """The best set of strings one of which every match of the sequence ``items`` contains:
    the longest run of finite items (concatenated), or a mandatory group's own set."""
    candidates = []
    run = {""}
    for op, av in items:
        part = _finite_item(op, av)
        longer = _concat(run, part)
        if longer is not None:
            run = longer
            continue
        if run != {""}:
            candidates.append(run)
        run = part if part is not None else {""}
        if part is None:
            inner = _required_item(op, av)
            if inner:
                candidates.append(inner)
    if run != {""}:
        candidates.append(run)
    return max(candidates, key=_strength, default=None)


def _required_item(op, av) -> set[str] | None:
    name = _name(op)
    if name == "SUBPATTERN":
        return _required(list(av[-1]))
    if name == "BRANCH":
        return _union(av[1], _required)
    if name in _REPEATS and av[0] >= 1:
        return _required(list(av[2]))
    return None


def _strength(strings: set[str]) -> tuple[int, int]:
    """Longer shortest string first (fewer chance hits), then fewer strings."""
    return min(map(len, strings)), -len(strings)


def absent(gates: dict, present: set[int]) -> set:
    """The names of ``gates`` (name -> key from ``LiteralIndex.gate``, None: not gated) whose
    patterns cannot match a text where ``LiteralIndex.present`` found ``present``."""
    return {name for name, key in gates.items() if not may_match(key, present)}


def may_match(key: int | None, present: set[int]) -> bool:
    """Can the pattern gated by ``key`` match a text where the keys ``present`` were found?"""
    return key is None or key in present


def occurs_between(offsets: list[int], start: int, end: int) -> bool:
    """Does one of the sorted ``offsets`` (from ``LiteralIndex.starts``) lie in ``start:end``?"""
    k = bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end


class LiteralIndex:
    """The literals of many patterns, found in a document in one pass.

    ``gate(pattern, flags)`` registers a pattern and returns a key (None: the
    pattern cannot be gated and must always run); ``present(folded_text)``
    returns the keys whose patterns may match the text.
    """

    def __init__(self):
        self._gates: dict[frozenset, int] = {}
        self._automaton = None

    def gate(self, pattern: str, flags: int = 0) -> int | None:
        literals = required_literals(pattern, flags)
        if literals is None:
            return None
        self._automaton = None
        return self._gates.setdefault(literals, len(self._gates))

    def present(self, folded: str) -> set[int]:
        keys = set()
        for _, (_, found) in self._hits(folded):
            keys.update(found)
        return keys

    def starts(self, folded: str) -> dict[int, list[int]]:
        """For each key that may match ``folded``, the offsets where its literals start there, in
        order: a pattern can match a part of the text only if one of them lies in that part."""
        found: dict[int, list[int]] = {}
        for end, (length, keys) in self._hits(folded):
            for key in keys:
                found.setdefault(key, []).append(end - length + 1)
        for offsets in found.values():
            offsets.sort()
        return found

    def _hits(self, folded: str):
        """(end offset, (literal length, keys)) of every literal found in ``folded``."""
        if not self._gates:
            return ()
        if self._automaton is None:
            self._automaton = self._build()
        return self._automaton.iter(folded)

    def _build(self):
        import ahocorasick

        by_literal: dict[str, set[int]] = {}
        for literals, key in self._gates.items():
            for literal in literals:
                by_literal.setdefault(literal, set()).add(key)
        automaton = ahocorasick.Automaton()
        for literal, keys in by_literal.items():
            automaton.add_word(literal, (len(literal), frozenset(keys)))
        automaton.make_automaton()
        return automaton

