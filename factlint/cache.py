"""The extract cache: per-document results keyed by content, rules and version.

Everything lives in one SQLite database per factlint version,
``.factlint_cache/cache-<version>.sqlite3`` (standard library, no server).
One database rather than a JSON file per article because creating a file
costs 0.3 to 0.7 ms on common file systems,
more than analysing a short article; a transaction stores thousands of
entries at once.  SQLite also gives what a shared cache needs: two runs can
use it at the same time (write-ahead log, busy time-out), a write is atomic,
and the stat index is a table, so a pre-commit run looks up a few rows
instead of decoding an index of the whole corpus.

Nothing here may fail a run: a corrupt database is deleted and rebuilt, an
entry that cannot be decoded is a miss, and a read-only or locked database
only costs speed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

from factlint import jsonio

DB_PATTERN = "cache*.sqlite3"  # every version's database, and the unversioned one of the earlier layout
UNUSED_DAYS = 30  # another version's database untouched this long is deleted
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, extracts TEXT NOT NULL, findings TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, salt TEXT NOT NULL, mtime_ns INTEGER NOT NULL,
                                  size INTEGER NOT NULL, key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, salt TEXT NOT NULL, digest TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corpus_findings (digest TEXT NOT NULL, path TEXT NOT NULL, finding TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS corpus_findings_by_path ON corpus_findings (digest, path);
CREATE TABLE IF NOT EXISTS corpus_sets (digest TEXT PRIMARY KEY, written INTEGER NOT NULL);
"""
KEPT_CORPUS_SETS = 3  # sets of corpus findings kept, so a concurrent run never loses the one it reads
COMMIT_EVERY = 2.0  # seconds a write transaction may stay open, so a concurrent run is not kept waiting
BUSY_TIMEOUT = 30.0
SUMMARY = "corpus-summary"
PRUNED = "pruned-at"  # the blob holding when orphaned entries were last deleted
PRUNE_EVERY = 86400.0  # seconds between two deletions of orphaned entries


class Cache:
    def __init__(self, directory: Path | None, salt: str):
        """``directory=None``: a database in memory, the last resort when no disk will do."""
        self.directory = Path(directory) if directory is not None else None
        self.path = self.directory / db_name() if directory is not None else ":memory:"
        self.salt = salt
        self._db: sqlite3.Connection | None | bool = None  # False: unusable, run without it
        self._tx_started: float | None = None
        self.write_failed = False  # a write was lost (locked too long, disk full): callers must not rely on it

    # -- keys ------------------------------------------------------------
    def key(self, path: str, data: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(self.salt.encode())
        digest.update(b"\0" + os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    # -- connection ----------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection | None:
        if self._db is None:
            self._db = self._open()
        return self._db or None

    def _open(self):
        try:
            self._ensure_directory()
            return self._connect()
        except sqlite3.DatabaseError:  # not a database, or damaged: start again
            try:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                return self._connect()
            except (sqlite3.Error, OSError):
                return False
        except (sqlite3.Error, OSError):
            return False

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        return db

    def _ensure_directory(self) -> None:
        """Create the cache directory with a .gitignore (as pytest does), so git ignores it;
        delete the databases of other factlint versions that nobody used for a month."""
        if self.directory is not None and not self.directory.is_dir():
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / ".gitignore").write_text("# created by factlint\n*\n")
        if self.directory is not None:
            _prune_other_versions(self.directory)

    def _query(self, sql, params=()):
        db = self.db
        if db is None:
            return []
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.Error:
            return []

    def _query_in(self, select, column, values, batch=500):
        """Rows of ``select`` whose ``column`` is one of ``values`` (queried in batches)."""
        rows = []
        for i in range(0, len(values), batch):
            part = values[i:i + batch]
            rows += self._query(f"{select} WHERE {column} IN ({','.join('?' * len(part))})", part)
        return rows

    def _write(self, sql, params) -> None:
        """Write inside a transaction that is committed every COMMIT_EVERY seconds and by flush()."""
        db = self.db
        if db is None:
            self.write_failed = True
            return
        try:
            if self._tx_started is None:
                db.execute("BEGIN")
                self._tx_started = time.monotonic()
            db.execute(sql, params)
            if time.monotonic() - self._tx_started > COMMIT_EVERY:
                self.flush()
        except sqlite3.Error:
            self._rollback()

    def flush(self) -> None:
        if self._tx_started is not None and self._db:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._rollback()
        self._tx_started = None

    def _rollback(self) -> None:
        self._tx_started = None
        self.write_failed = True
        try:
            self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        self.flush()
        if self._db:
            self._db.close()
        self._db = None

    # -- entries ---------------------------------------------------------
    # An entry holds the extracts (read for every document of the corpus) and
    # the findings (read only for the files being checked), both as JSON text.
    def get(self, key: str) -> dict | None:
        """The stored extracts of ``key`` ({"lang", "metadata", "extracts"}), or None."""
        return self._decoded("extracts", key, "extracts")

    def get_findings(self, key: str) -> dict | None:
        """The stored findings of ``key`` ({"findings", "suppressions", "file_suppressions"}), or None."""
        return self._decoded("findings", key, "findings")

    def _decoded(self, column: str, key: str, required: str) -> dict | None:
        rows = self._query(f"SELECT {column} FROM entries WHERE key = ?", (key,))
        if not rows:
            return None
        try:
            data = jsonio.loads(rows[0][0])
        except (ValueError, TypeError):
            return None  # damaged: a miss, rebuilt by put()
        return data if isinstance(data, dict) and required in data else None

    def existing(self, keys) -> set[str]:
        """The ``keys`` that have an entry."""
        return {k for (k,) in self._query_in("SELECT key FROM entries", "key", list(keys))}

    def put(self, key: str, extracts_json: str, findings_json: str) -> None:
        self._write("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (key, extracts_json, findings_json))

    def prune(self) -> None:
        """Delete the entries no file of the stat index refers to any more (an edited
        article's earlier analysis, or one made with other rules), at most once every
        PRUNE_EVERY seconds: the cache then grows with the corpus, not with its history."""
        rows = self._query("SELECT value FROM blobs WHERE name = ?", (PRUNED,))
        now = time.time()
        try:
            if rows and now - float(rows[0][0]) < PRUNE_EVERY:
                return
        except ValueError:
            pass  # a damaged time: prune now, and write a good one
        self._write("DELETE FROM entries WHERE key NOT IN (SELECT key FROM files)", ())
        self._write("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?)", (PRUNED, "", "", repr(now)))
        self.flush()

    # -- stat index --------------------------------------------------------
    def lookup_stats(self, paths) -> dict[str, str]:
        """{path: cache key} of the ``paths`` whose size and mtime are unchanged since recorded."""
        cwd = os.getcwd()
        wanted = {_absolute(p, cwd): p for p in paths}
        found = {}
        for abspath, salt, mtime_ns, size, key in self._query_in("SELECT path, salt, mtime_ns, size, key FROM files",
                                                                 "path", list(wanted)):
            try:
                st = os.stat(abspath)
            except OSError:
                continue
            if (salt, mtime_ns, size) == (self.salt, st.st_mtime_ns, st.st_size):
                found[wanted[abspath]] = key
        return found

    def record_stat(self, path: str, key: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            return
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                    (_absolute(path, os.getcwd()), self.salt, st.st_mtime_ns, st.st_size, key))

    # -- corpus-wide blobs -------------------------------------------------
    # The corpus summary is written after a run that saw the whole configured
    # corpus: the cache key of every file and what each corpus check needs of
    # it (spelling counts, translation groups).  A pre-commit run on a few
    # files reads it instead of every cached entry.
    def _read_blob(self, name: str):
        """(digest, value) of a blob written with this salt, or None."""
        rows = self._query("SELECT salt, digest, value FROM blobs WHERE name = ?", (name,))
        if not rows or rows[0][0] != self.salt:
            return None
        try:
            return rows[0][1], jsonio.loads(rows[0][2])
        except ValueError:
            return None

    def _write_blob(self, name: str, digest: str, value) -> None:
        self._write("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?)",
                    (name, self.salt, digest, jsonio.dumps(value)))
        self.flush()

    def blob_digest(self, name: str) -> str | None:
        rows = self._query("SELECT salt, digest FROM blobs WHERE name = ?", (name,))
        return rows[0][1] if rows and rows[0][0] == self.salt else None

    def read_summary(self) -> dict | None:
        """The corpus summary ({"paths", "kinds", "digest"}), or None."""
        digest, data = self._read_blob(SUMMARY) or (None, None)
        if not (isinstance(data, dict) and "paths" in data and "kinds" in data):
            return None
        data["digest"] = digest
        return data

    def summary_for(self, paths: dict, order: str) -> dict | None:
        """The stored summaries of the corpus kinds if they were made from exactly these
        files (``paths``: path -> key) checked in this ``order``; else None."""
        if self.blob_digest(SUMMARY) != paths_digest(paths):
            return None
        summary = self.read_summary()
        return summary["kinds"] if summary is not None and summary.get("order") == order else None

    def write_summary(self, paths: dict, kinds: dict, order: str) -> None:
        self._write_blob(SUMMARY, paths_digest(paths), {"paths": paths, "kinds": kinds, "order": order})

    # The corpus findings of one set of documents (``digest``), one row per
    # finding, so that neither writing nor reading them needs them all in
    # memory.  Its row in corpus_sets, written last, says the set is complete;
    # the few most recent sets are kept, so that two runs on different sets
    # never delete what the other is reading.
    def corpus_findings_paths(self, digest: str) -> set[str] | None:
        """The paths with corpus findings stored for ``digest`` (None: not stored)."""
        if not self._query("SELECT 1 FROM corpus_sets WHERE digest = ?", (digest,)):
            return None
        return {path for (path,) in self._query("SELECT DISTINCT path FROM corpus_findings WHERE digest = ?",
                                                (digest,))}

    def write_corpus_findings(self, digest: str, findings) -> set[str]:
        """Store ``findings`` (dicts with a ``path``) for ``digest``; return their paths."""
        self._write("DELETE FROM corpus_findings WHERE digest = ?", (digest,))
        paths = set()
        for finding in findings:
            paths.add(finding["path"])
            self._write("INSERT INTO corpus_findings VALUES (?, ?, ?)",
                        (digest, finding["path"], jsonio.dumps(finding)))
        self._write("INSERT OR REPLACE INTO corpus_sets VALUES (?, (SELECT coalesce(max(written), 0) + 1 "
                    "FROM corpus_sets))", (digest,))
        old = "SELECT digest FROM corpus_sets ORDER BY written DESC LIMIT -1 OFFSET ?"
        self._write(f"DELETE FROM corpus_findings WHERE digest IN ({old})", (KEPT_CORPUS_SETS,))
        self._write(f"DELETE FROM corpus_sets WHERE digest IN ({old})", (KEPT_CORPUS_SETS,))
        self.flush()
        return paths

    def corpus_findings_for(self, digest: str, path: str) -> list[dict]:
        rows = self._query("SELECT finding FROM corpus_findings WHERE digest = ? AND path = ?", (digest, path))
        return [jsonio.loads(finding) for (finding,) in rows]


def _absolute(path: str, cwd: str) -> str:
    """``os.path.abspath``, without its normalisation when there is nothing to normalise
    (most of the time a pre-commit run spends on the stat index went there)."""
    joined = os.path.join(cwd, path)
    return os.path.normpath(joined) if "/." in joined or "//" in joined else joined


def paths_digest(paths: dict) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(f"{path}\0{paths[path]}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def db_name() -> str:
    """This version's database: one per factlint version (as ruff keeps one cache per version),
    so a pinned pre-commit hook and a newer install sharing a project never evict each other."""
    from factlint import __version__

    return f"cache-{__version__}.sqlite3"


def _database_files(path: Path) -> list[Path]:
    """A database and its -wal and -shm files."""
    return list(path.parent.glob(f"{path.name}*"))


def _prune_other_versions(directory: Path) -> None:
    """Delete other versions' databases (with their -wal and -shm files) unused for UNUSED_DAYS."""
    limit = time.time() - UNUSED_DAYS * 86400
    for path in directory.glob(DB_PATTERN):
        if path.name == db_name():
            continue
        try:
            parts = _database_files(path)
            if max(p.stat().st_mtime for p in parts) < limit:
                for part in parts:
                    part.unlink(missing_ok=True)
        except OSError:
            continue  # in use elsewhere, or already gone: try again next time


def describe(directory: Path) -> str:
    """What the cache in ``directory`` holds, for ``factlint cache info``.  Entries of earlier
    versions of an article are deleted once a day (``Cache.prune``); databases of other factlint
    versions after UNUSED_DAYS without use."""
    directory = Path(directory)
    databases = sorted(directory.glob(DB_PATTERN))
    if not databases:
        return f"no cache at {directory}"
    lines = []
    for path in databases:
        size = sum(p.stat().st_size for p in _database_files(path))
        lines.append(f"{path} ({size / 1e6:.1f} MB){'' if path.name == db_name() else ', another factlint version'}")
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
            try:
                entries, files, sets = (db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                                        for table in ("entries", "files", "corpus_sets"))
                orphans = db.execute("SELECT COUNT(*) FROM entries WHERE key NOT IN (SELECT key FROM files)").fetchone()[0]
                summary = bool(db.execute("SELECT 1 FROM blobs WHERE name = ?", (SUMMARY,)).fetchone())
            finally:
                db.close()
        except sqlite3.Error as exc:
            lines.append(f"  unreadable ({exc})")
            continue
        lines += [f"  analysed articles: {entries}, of which {orphans} no file refers to any more (deleted once a day)",
                  f"  stat index: {files}",
                  f"  corpus summary: {'yes' if summary else 'no'}; sets of corpus findings: {sets}"]
    lines.append(f"'factlint cache clear' removes {directory}.")
    return "\n".join(lines)


def clear(directory: Path) -> bool:
    directory = Path(directory)
    if directory.is_dir():
        shutil.rmtree(directory)
        return True
    return False
