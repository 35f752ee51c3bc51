"""FL305: quotation marks left without their partner, and the styles that are not slips."""
import pytest
from hypothesis import given, settings, strategies as st

from factlint.quotes import unbalanced


def _unpaired(text):
    """(the 12 characters from each unpaired mark, what is wrong) for ``text``, its paragraphs
    separated by blank lines."""
    spans, pos = [], 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    return [(text[at:at + 12], what) for at, what in unbalanced(text, spans)]


@pytest.mark.parametrize("text", [
    "“Hello,” he said.",
    "“First paragraph.\n\n“Second paragraph.\n\n“Third.” he said.",  # English: each paragraph reopens
    "«Primer párrafo.\n\n»Segundo párrafo.»",                         # Spanish: "»" goes on
    "“First sentence.\n\nSecond sentence.\n\nThird.” he said.",       # wire copy: neither
    "“Podrías pensar.\n\n¿«Lloró»?”",                                  # nested with the other mark
    "“Hello,\" he said.", "\"Hoy en día”, explica.",                  # a straight mark pairs with a curly one
    "\"Do you think?\n\nHe was told, \"you have power",               # straight marks alone: not read
    "He said it's \"fine\" and left.",
    "The phone has a 6.1” screen and a “brighter” display.",  # inches, not a closing mark
])
def test_quotations_that_pair(text):
    assert _unpaired(text) == []


@pytest.mark.parametrize("text,expected", [
    ("“Never closed.\n\nOther text.", [("“Never close", "unclosed")]),
    ("“Over time he saw open paths.\n\nThen it was “good business.”", [("“Over time h", "reopened")]),
    ("Escribió: “Esa postura hizo que se hable de un “brillo” en el valle.", [("“Esa postura", "reopened")]),
    ("Añadió: Los ministros mantienen sus cargos”.", [("”.", "unopened")]),
    # a closer and an opener the wrong way round in one paragraph: one slip, at the closer
    ("A leitura é:” Os modelos “, disse ele.\n\nOutra frase.", [("” Os modelos", "unopened")]),
])
def test_quotation_marks_without_their_partner(text, expected):
    assert _unpaired(text) == expected


def test_the_seeds_unpaired_marks_are_reported(cli):
    from conftest import SEEDS
    import json

    r = cli("check", str(SEEDS), "--select", "FL305", "--format", "json", "--no-cache")
    found = sorted((f["path"].rsplit("/", 1)[-1][:3], f["line"]) for f in json.loads(r.stdout))
    assert found == [("000", 13), ("001", 21), ("001", 41), ("001", 61), ("003", 37)]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["“", "”", "«", "»", '"', " ", "a", ".", "\n\n", "b "]), max_size=40).map("".join))
def test_any_text_gives_marks_inside_it_once_each(text):
    """Whatever the marks, each report points at a quotation mark of the text, once."""
    found = _unpaired(text)
    spans, pos = [], 0
    for block in text.split("\n\n"):
        spans.append((pos, pos + len(block)))
        pos += len(block) + 2
    offsets = [at for at, _ in unbalanced(text, spans)]
    assert len(offsets) == len(set(offsets)) == len(found)
    assert all(text[at] in "“”«»\"" for at in offsets)
