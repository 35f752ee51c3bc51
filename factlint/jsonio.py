"""Compact JSON for what the cache stores: extracts, findings, corpus summaries.

orjson writes these documents seven times faster and reads them twice as fast
as the standard library: every article's extracts are written once and read
two or three times a run (folded into the summaries, then loaded by each
corpus check of its translation group), and a pre-commit run decodes the
whole corpus summary.  Keys that are not strings are written as strings, as
the standard library does; output formats keep the standard library (they
write each document once).
"""
from __future__ import annotations

import orjson

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value) -> str:
    """``value`` as compact JSON text."""
    return orjson.dumps(value, option=_OPTIONS).decode()


def loads(text):
    """The value of JSON ``text`` (str or bytes); raises ValueError when it is not JSON."""
    return orjson.loads(text)
