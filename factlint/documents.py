"""The Document: an article's checkable text, its language, metadata and positions.

Readers turn a file into a Document whose ``text`` has exactly the same length
as the original source and keeps every newline, with markup replaced by
spaces.  Offsets into ``text`` are therefore offsets into the original file,
and line/column positions reported to the user are always right, whatever
markup was removed.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


# one space between two words or digits, as readers leave it: a space, a no-break space, or the
# no-break space of an HTML entity ("&nbsp;", "&#8239;") padded with spaces to keep offsets
ONE_SPACE = r" |[\u00a0\u202f] *"


# what stands for something a reader sees but no check reads (inline code, an image): the word
# joiner, neither a word nor a space, so that nothing reads across it as if it were absent
# ("and `pip`." has no space before its full stop; "Yann `x` Lacon" is no name)
OPAQUE = "\u2060"


def mask(chunk: str, fill: str = " ") -> str:
    """``chunk`` with every character but newlines replaced by ``fill`` (a space)."""
    return "".join(ch if ch == "\n" else fill for ch in chunk)


def blank(text: str, start: int, end: int) -> str:
    """Replace ``text[start:end]`` by spaces, keeping newlines (offsets stay valid)."""
    return text[:start] + mask(text[start:end]) + text[end:]


def blank_matches(pattern, text: str, fill: str = " ") -> str:
    """Blank every match of a compiled ``pattern`` in one pass (with ``fill``, a space)."""
    return pattern.sub(lambda m: mask(m.group(), fill), text)


class LineIndex:
    """Converts character offsets to 1-based (line, column) pairs in O(log n)."""

    def __init__(self, text: str):
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


@dataclass
class Document:
    """One article.

    ``source`` is the file as written; ``text`` is the same length with markup,
    front matter and suppression comments blanked out.  ``metadata`` holds the
    front matter (``lang``, ``story``, ``date``, ``title``, ``source`` ...),
    merged with per-file metadata from the configuration.
    """

    path: str
    source: str
    text: str
    lang: str = "en"
    metadata: dict = field(default_factory=dict)
    suppressions: dict = field(default_factory=dict)  # line -> set of codes (empty set = all)
    file_suppressions: set | None = None
    _index: LineIndex | None = field(default=None, repr=False)
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key, compute):
        """Compute something about this document once, whichever check asks first."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def lines(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.source)
        return self._index

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def source_line(self, line: int) -> str:
        starts = self.lines.starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.source)
        return self.source[start:end]

    @property
    def story(self) -> str | None:
        story = self.metadata.get("story")
        return str(story) if story is not None else None

    def paragraphs(self):
        """Yield (start, end) offsets of blank-line separated paragraphs of ``text``."""
        import re

        for match in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", self.text):
            if match.group().strip():
                yield match.start(), match.end()
