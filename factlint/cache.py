"""The extract cache: per-document results keyed by content, rules and version.

Entries are JSON files written atomically (temporary file + ``os.replace``),
so two runs can share the directory; an entry that cannot be parsed is
ignored and rebuilt.  A small stat index (path -> mtime, size, key) lets a
pre-commit run reuse the extracts of unchanged corpus files without reading
them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

INDEX_NAME = "index.json"
SUMMARY_NAME = "corpus-summary.json"
CORPUS_FINDINGS_NAME = "corpus-findings.json"


class Cache:
    def __init__(self, directory: Path, salt: str):
        self.directory = Path(directory)
        self.salt = salt
        self._index: dict | None = None
        self._index_dirty = False

    # -- keys ------------------------------------------------------------
    def key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(self.salt.encode())
        digest.update(b"\0" + os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _ensure_directory(self) -> None:
        """Create the cache directory with a .gitignore (as pytest does), so git ignores it."""
        if not self.directory.is_dir():
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / ".gitignore").write_text("# created by factlint\n*\n")

    def _entry_path(self, key: str, part: str) -> Path:
        return self.directory / "entries" / key[:2] / f"{key}.{part}.json"

    # -- entries ---------------------------------------------------------
    # An entry is stored in two files: the extracts (read for every document of
    # the corpus) and the findings (read only for the files being checked).
    def get(self, key: str, findings: bool = True) -> dict | None:
        data = self._read(key, "extracts")
        if data is None:
            return None
        if findings:
            stored = self._read(key, "findings")
            if stored is None:
                return None
            data["findings"] = stored["findings"]
        else:
            data["findings"] = []
        return data

    def _read(self, key, part):
        try:
            with open(self._entry_path(key, part), encoding="utf-8") as fh:
                data = json.load(fh)
            return data if isinstance(data, dict) and data.get("key") == key else None
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict) -> None:
        extracts = {k: v for k, v in value.items() if k != "findings"}
        self._write(key, "findings", {"findings": value["findings"]})
        self._write(key, "extracts", extracts)  # written last: its presence means the entry is complete

    def _write(self, key, part, value) -> None:
        self._write_json(self._entry_path(key, part), {**value, "key": key})

    def _write_json(self, target: Path, value) -> None:
        """Write atomically (temporary file + rename): a concurrent run never reads half a file."""
        try:
            self._ensure_directory()
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(value, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only or full disk only costs speed

    # -- corpus summary -----------------------------------------------------
    # Written after a run that saw the whole configured corpus: the cache key of
    # every file and what each corpus check needs of it (spelling counts,
    # translation groups).  A pre-commit run on a few files reads this one file
    # instead of every cached entry.
    def read_summary(self) -> dict | None:
        try:
            with open(self.directory / SUMMARY_NAME, encoding="utf-8") as fh:
                data = json.load(fh)
            return data if isinstance(data, dict) and data.get("salt") == self.salt else None
        except (OSError, ValueError):
            return None

    def write_summary(self, paths: dict, kinds: dict) -> None:
        self._write_json(self.directory / SUMMARY_NAME, {"salt": self.salt, "paths": paths, "kinds": kinds})

    # -- corpus findings of an unchanged corpus --------------------------------
    def read_corpus_findings(self, digest: str) -> list | None:
        try:
            with open(self.directory / CORPUS_FINDINGS_NAME, encoding="utf-8") as fh:
                data = json.load(fh)
            if data.get("salt") == self.salt and data.get("digest") == digest:
                return data["findings"]
        except (OSError, ValueError, AttributeError, KeyError):
            pass
        return None

    def write_corpus_findings(self, digest: str, findings: list) -> None:
        self._write_json(self.directory / CORPUS_FINDINGS_NAME,
                         {"salt": self.salt, "digest": digest, "findings": findings})

    # -- stat index --------------------------------------------------------
    @property
    def index(self) -> dict:
        if self._index is None:
            try:
                with open(self.directory / INDEX_NAME, encoding="utf-8") as fh:
                    data = json.load(fh)
                self._index = data if isinstance(data, dict) and data.get("salt") == self.salt else {}
            except (OSError, ValueError):
                self._index = {}
            self._index.setdefault("salt", self.salt)
            self._index.setdefault("files", {})
        return self._index

    def lookup_stat(self, path: str) -> str | None:
        """The cache key of ``path`` if its size and mtime are unchanged."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        known = self.index["files"].get(os.path.abspath(path))
        if known and known[0] == st.st_mtime_ns and known[1] == st.st_size:
            return known[2]
        return None

    def record_stat(self, path: str, key: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        self.index["files"][os.path.abspath(path)] = [st.st_mtime_ns, st.st_size, key]
        self._index_dirty = True

    def save_index(self) -> None:
        if self._index_dirty:
            self._write_json(self.directory / INDEX_NAME, self.index)


def clear(directory: Path) -> bool:
    directory = Path(directory)
    if directory.is_dir():
        shutil.rmtree(directory)
        return True
    return False
