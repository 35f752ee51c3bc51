"""Output formats: one module per format, each a small class with ``render``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


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
        raise NotImplementedError
