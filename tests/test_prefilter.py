"""The literal prefilter never skips a pattern that can match, and finds useful literals."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from factlint.prefilter import LiteralIndex, fold, occurs_between, required_literals
from conftest import ROOT, SEEDS

ALPHABET = "abks ſKıİΣσς1-"


def _regexes():
    word = st.text(alphabet="abksσΣ", min_size=1, max_size=4).map(re.escape)
    atom = st.one_of(word, st.sampled_from([r"\w", r"\d", "[ab]", "[Kk]", r"\s", ".", r"(?<!\w)", r"\b", "(?!a)"]))

    def extend(inner):
        return st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
            inner.map(lambda p: f"(?:{p})?"),
            inner.map(lambda p: f"(?:{p})+"),
            inner.map(lambda p: f"(?:{p}){{0,2}}"),
            inner.map(lambda p: f"(?P<g>{p})" if "(?P<g>" not in p else p),
        )

    return st.recursive(atom, extend, max_leaves=8)


@settings(max_examples=400)
@given(_regexes(), st.text(alphabet=ALPHABET, max_size=30), st.sampled_from([0, re.I]))
def test_a_gate_never_hides_a_match(pattern, text, flags):
    index = LiteralIndex()
    key = index.gate(pattern, flags)
    if key is not None and re.search(pattern, text, flags):
        assert key in index.present(fold(text)), (pattern, text)


@settings(max_examples=400)
@given(_regexes(), st.text(alphabet=ALPHABET, max_size=30), st.sampled_from([0, re.I]))
def test_a_literal_of_every_match_starts_inside_it(pattern, text, flags):
    """What lets the sourcing check skip a family in a sentence that holds none of its literals."""
    folded = fold(text)
    index = LiteralIndex()
    key = index.gate(pattern, flags)
    if key is None or len(folded) != len(text):
        return
    starts = index.starts(folded)
    for m in re.finditer(pattern, text, flags):
        if m.end() > m.start():
            assert occurs_between(starts.get(key, []), m.start(), m.end()), (pattern, text, m.span())


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<!\w)(?:said|told)\b", {"said", "told"}),
    (r"accus\w+|fraud\w*", {"accus", "fraud"}),
    (r"\w+est (?:in|of) the world", {"est in the world", "est of the world"}),
    (r"(?:sources?|insiders?)(?: \w+){0,3} (?:said|told)", {"source", "insider"}),  # "sources" is found as "source"
    (r"[Ii]n (?:a|an) statement", {"in a statement", "in an statement"}),
    (r"https?://\S+", {"http://", "https://"}),
    (r"THE (?:Most|least)", {"the most", "the least"}),  # literals are folded like the text
    (r"(?:the\s+)?(?:1[89]|20)\d0s", {"0s"}),  # two characters are enough when one is no letter
])
def test_required_literals(pattern, expected):
    assert required_literals(pattern, re.I) == expected


@pytest.mark.parametrize("pattern", [
    r"(\w+)\s+\1",            # nothing literal
    r"\d{3}[ .-]\d{3}",       # digits only
    r"(?:a|the) \w+",         # "a " is too short to be worth a gate
    r"(?:said|x)",            # one branch too short: the set must cover every match
    r"\p{Lu}\w+ said",        # regex-module syntax: no gate rather than a wrong one
    r"[[:alpha:]]+ said",     # a POSIX class to the regex module, a set and a "]" to re
    r"(?:founded){e<=1} in",  # a fuzzy match to the regex module, literal braces to re
])
def test_no_gate_when_nothing_useful_is_certain(pattern):
    assert required_literals(pattern) is None


def test_case_insensitive_matching_of_odd_letters_is_folded():
    # re.I matches "s" with the long s and "k" with the Kelvin sign; the gate must too
    index = LiteralIndex()
    key = index.gate("ask", re.I)
    assert re.search("ask", "AſK", re.I) and key in index.present(fold("AſK"))
    assert key not in index.present(fold("a tale"))


def test_findings_are_the_same_with_every_gate_open(monkeypatch):
    from factlint.config import Settings
    from factlint.engine import Linter

    def findings():
        linter = Linter(Settings(root=ROOT))
        out = []
        for path in sorted(SEEDS.iterdir()):
            entry = linter.analyze_source(str(path), path.read_text(encoding="utf-8"))
            out += [(f.path, f.line, f.column, f.code, f.message) for f in entry.findings]
        return out

    gated = findings()
    import factlint.quantities

    factlint.quantities._patterns.cache_clear()
    monkeypatch.setattr(LiteralIndex, "gate", lambda self, pattern, flags=0: None)
    assert findings() == gated
    factlint.quantities._patterns.cache_clear()
