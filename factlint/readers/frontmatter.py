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
        where = f":{mark.line + 2}:{mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{path}{where}", f"malformed front matter: {problem}{_hint(match.group(1) or '', mark)}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}:2", "malformed front matter: expected 'key: value' lines")
    from factlint.yamlio import plain

    meta = plain(meta)
    return blank(source, 0, match.end()), meta


def _hint(front_matter: str, mark) -> str:
    """The line YAML stopped at, and the usual cause when a value opens with a quotation mark
    and goes on after it closes (title: "AI will change news", says a researcher)."""
    if mark is None:
        return ""
    lines = front_matter.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    hint = f" in `{line.strip()}`" if line.strip() else ""
    value = line.split(":", 1)[1].strip() if ":" in line else ""
    if value[:1] in ("'", '"') and not value.endswith(value[0]):
        hint += "; a value that opens with a quotation mark must end with it: quote the whole value"
    return hint
