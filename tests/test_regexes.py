"""Word lists compiled as tries match exactly what the plain alternation matches."""
import re

from hypothesis import given, strategies as st

from factlint.regexes import optimized_alternation, word_alternation

WORDS = st.lists(st.text(alphabet="abcé -.", min_size=1, max_size=6), min_size=1, max_size=12)
TEXTS = st.text(alphabet="abcé -.xA", max_size=40)


def _plain(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@given(WORDS, TEXTS)
def test_trie_matches_like_longest_first_alternation(words, text):
    trie = re.compile(rf"(?<!\w)(?:{word_alternation(words)})(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{_plain(words)})(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(WORDS, TEXTS)
def test_trie_ignorecase(words, text):
    trie = re.compile(word_alternation(words, ignorecase=True), re.I)
    plain = re.compile(_plain(words), re.I)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_optimized_alternation_keeps_regex_branches():
    patterns = ["(?:said|says|told)", "according to", r"in (?:a|an) statement", r"\w+est"]
    compiled = re.compile(rf"(?<!\w)(?:{optimized_alternation(patterns, ignorecase=True)})(?!\w)", re.I)
    assert [m.group() for m in compiled.finditer("She SAID, according to him, in a statement; the biggest, told")] \
        == ["SAID", "according to", "in a statement", "biggest", "told"]
    assert not compiled.search("sayings and resaid")


REGEX_PARTS = st.sampled_from([r"b\w+", r"a[bc]? c", r"c(?:a|b)s?", r"\d+ a"])


@given(WORDS, st.lists(REGEX_PARTS, max_size=3), TEXTS)
def test_mixed_groups_match_where_the_plain_alternation_matches(words, parts, text):
    """Plain words inside a group with regex parts ("(?:said|publicad[oa] por)") join the trie;
    every position where the plain alternation matches still matches, and no other."""
    group = "(?:" + "|".join([re.escape(w) for w in words] + parts) + ")"
    optimized = re.compile(rf"(?<!\w)(?:{optimized_alternation([group], ignorecase=True)})(?!\w)", re.I)
    plain = re.compile(rf"(?<!\w)(?:{group})(?!\w)", re.I)
    starts = lambda p: [i for i in range(len(text) + 1) if p.match(text, i)]
    assert starts(optimized) == starts(plain)


def test_empty_word_list_matches_nothing():
    assert re.compile(word_alternation([])).search("anything") is None
