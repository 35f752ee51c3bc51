"""Findings (what a rule reports), their fixes, and the baseline."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")

# The public JSON contract: exactly these fields, in this order.
PUBLIC_FIELDS = ("path", "line", "column", "end_line", "end_column", "code", "kind",
                 "severity", "message", "fix", "related")


@dataclass
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    kind: str
    severity: str
    message: str
    fix: dict | None = None          # {"replacement": str, "message": str}
    related: list = field(default_factory=list)  # [{"path", "line", "column", "message"}]
    name: str = ""                   # the rule's name (e.g. misspelled-name)
    start: int = 0                   # character offsets in the source, for fixes
    end: int = 0
    snippet: str = ""                # the text flagged, for baselines

    def public(self) -> dict:
        return {k: getattr(self, k) for k in PUBLIC_FIELDS}

    def to_cache(self) -> dict:
        return self.__dict__.copy()

    @classmethod
    def from_cache(cls, data: dict) -> "Finding":
        return cls(**data)

    def sort_key(self):
        return (self.path, self.line, self.column, self.code, self.message)

    def fingerprint(self) -> str:
        """Identity that survives unrelated edits: code, flagged text and message."""
        raw = f"{self.code}\0{self.snippet}\0{self.message}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Baseline:
    """Known findings to ignore, keyed by path + fingerprint (not line numbers)."""

    VERSION = 1

    def __init__(self, entries: dict[tuple[str, str], int]):
        self.entries = entries
        self._remaining = dict(entries)  # what filter() may still absorb: one run, file by file

    @classmethod
    def load(cls, path) -> "Baseline":
        from factlint.errors import ConfigError

        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            entries = {}
            for item in data["findings"]:
                key = (item["path"], item["fingerprint"])
                entries[key] = entries.get(key, 0) + int(item.get("count", 1))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read baseline: {exc.strerror}") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: not a factlint baseline ({exc})") from None
        return cls(entries)

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """The findings the baseline does not know; each known one absorbs one occurrence."""
        remaining = self._remaining
        kept = []
        for f in findings:
            key = (f.path, f.fingerprint())
            if remaining.get(key, 0) > 0:
                remaining[key] -= 1
            else:
                kept.append(f)
        return kept

    @staticmethod
    def write(path, findings: list[Finding]) -> None:
        from factlint.fixes import write_atomically

        counts: dict[tuple, dict] = {}
        for f in findings:
            key = (f.path, f.fingerprint())
            item = counts.setdefault(key, {"path": f.path, "code": f.code, "fingerprint": key[1],
                                           "message": f.message, "count": 0})
            item["count"] += 1
        data = {"version": Baseline.VERSION, "findings": sorted(counts.values(), key=lambda i: (i["path"], i["code"], i["fingerprint"]))}
        write_atomically(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
