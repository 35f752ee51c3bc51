"""Output formats: one module per format, each a small class.

A format either renders a whole document from the list of findings
(``render``: SARIF, JUnit) or writes finding by finding (``LineFormat``:
text, concise, github, jsonl), which keeps a report of any size out of
memory.  The CLI always calls ``write``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


def plural(n: int, noun: str) -> str:
    """"1 file", "3 files": a count and its noun, for messages and reports."""
    return f"{n} {noun}{'s' * (n != 1)}"


@dataclass
class RenderContext:
    rules: dict                     # code -> Rule, for the rules that can fire
    source_line: Callable           # (path, line) -> str
    version: str
    color: bool = False
    statistics: bool = False
    checked_files: int = 0


class Format:
    name = ""
    #: machine formats print nothing but the document (no summary line)
    machine = True

    def render(self, findings, context: RenderContext) -> str:
        """The whole document for ``findings`` (a list).  Override this, or ``write``."""
        import io

        buffer = io.StringIO()
        self.write(findings, context, buffer)
        return buffer.getvalue()

    def write(self, findings, context: RenderContext, out) -> None:
        """Write the document for ``findings`` (an iterable, read once) to ``out``."""
        out.write(self.render(list(findings), context))


class LineFormat(Format):
    """A format that prints each finding on its own, as it comes."""

    def line(self, finding, context: RenderContext) -> str:
        raise NotImplementedError

    def write(self, findings, context, out) -> None:
        for finding in findings:
            out.write(self.line(finding, context))
