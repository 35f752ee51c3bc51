"""What several rule kinds read from one document, computed once per document.

Sentences, quantities and name mentions are memoised on the Document, so the
number, sourcing and fact kinds share one extraction instead of three.
"""
from __future__ import annotations


def sentences(doc):
    from factlint.lang import load
    from factlint.sentences import split_sentences

    return doc.memo("sentences", lambda: split_sentences(doc.text, load(doc.lang)))


def paragraphs(doc) -> dict:
    """{paragraph number: its sentences, in order}, in the order of the document."""
    def group():
        grouped: dict[int, list] = {}
        for s in sentences(doc):
            grouped.setdefault(s.paragraph, []).append(s)
        return grouped

    return doc.memo("paragraphs", group)


def quantities(doc):
    from factlint.quantities import extract_quantities

    return doc.memo("quantities", lambda: extract_quantities(doc.text, doc.lang, folded(doc)))


def mentions(doc):
    from factlint.lang import load
    from factlint.mentions import extract_mentions

    return doc.memo("mentions", lambda: extract_mentions(doc.text, load(doc.lang), lowered=lowercase_words(doc)))


def lowercase_words(doc):
    """The words the document writes in lower case: a capitalised one of them is a common word."""
    from factlint.mentions import lowercase_vocabulary

    return doc.memo("lowercase_words", lambda: lowercase_vocabulary(doc.text))


def folded(doc):
    """The text lower-cased for the literal prefilter (``factlint.prefilter``)."""
    from factlint.prefilter import fold

    return doc.memo("folded", lambda: fold(doc.text))


def sentence_at(doc, offset):
    """The sentence containing ``offset`` (None between sentences)."""
    import bisect

    found = sentences(doc)
    starts = doc.memo("sentence_starts", lambda: [s.start for s in found])
    i = bisect.bisect_right(starts, offset) - 1
    return found[i] if i >= 0 and offset < found[i].end else None
