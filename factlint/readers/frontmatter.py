"""YAML front matter between ``---`` lines at the top of a file."""
from __future__ import annotations

import re

from factlint.documents import blank
from factlint.errors import InputError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(path: str, source: str) -> tuple[str, dict]:
    """Return (text with the front matter blanked, metadata)."""
    match = FRONT_MATTER.match(source)
    if not match:
        return source, {}
    import yaml

    try:
        from factlint.yamlio import loader

        meta = yaml.load(match.group(1) or "", Loader=loader()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}{line}", f"malformed front matter: {problem}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}:2", "malformed front matter: expected 'key: value' lines")
    from factlint.yamlio import plain

    meta = plain(meta)
    return blank(source, 0, match.end()), meta
