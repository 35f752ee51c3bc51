"""Applying fixes: atomically, never corrupting a file, only under --fix."""
from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path


def write_atomically(path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def apply_fixes(source: str, findings) -> tuple[str, int]:
    """Apply non-overlapping fixes from last to first; returns (new text, count)."""
    fixes = sorted((f for f in findings if f.fix), key=lambda f: (f.start, f.end))
    chosen, last_end = [], -1
    for f in fixes:
        if f.start >= last_end and f.end > f.start:
            chosen.append(f)
            last_end = f.end
    text = source
    for f in reversed(chosen):
        text = text[:f.start] + f.fix["replacement"] + text[f.end:]
    return text, len(chosen)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
