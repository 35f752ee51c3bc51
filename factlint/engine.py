"""The two-phase engine.

Phase 1 reads each document once and runs every kind's per-document part,
giving findings and extracts; it runs in parallel (worker processes, or a
Dask cluster) and is cached by content hash.  Each result is stored, folded
into the corpus summaries and dropped.  Phase 2 runs the corpus checks on the
summaries of every document (the checked files plus the configured corpus),
loading from the store only the documents a check asks for.  Findings are
then read back file by file and filtered by selection, suppressions,
per-file ignores, severity and baseline, so no stage holds the whole corpus.
"""
from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factlint import __version__, jsonio
from factlint.errors import ConfigError, InputError
from factlint.findings import Finding, severity_rank

PARALLEL_THRESHOLD = 48  # below this many documents to analyse, a pool costs more than it saves
CHUNK = 16               # documents per task sent to a worker process
IN_FLIGHT_PER_JOB = 4    # tasks queued per worker: keeps workers busy without queueing the corpus


@dataclass
class Entry:
    """One document as the corpus phase sees it: metadata and extracts only."""

    path: str
    lang: str
    metadata: dict
    extracts: dict
    findings: list
    suppressions: dict = field(default_factory=dict)
    file_suppressions: list | None = None
    checked: bool = True

    @property
    def story(self):
        story = self.metadata.get("story")
        return str(story) if story is not None else None

    def to_json(self) -> tuple[str, str]:
        """(extracts, findings) as JSON text: what a worker sends back and the cache stores.
        The corpus phase reads the first, reporting the second, so neither decodes the other;
        the suppressions go with the findings they filter."""
        extracts = {"lang": self.lang, "metadata": self.metadata, "extracts": self.extracts}
        findings = {"findings": [f.to_cache() for f in self.findings],
                    "suppressions": {str(k): sorted(v) for k, v in self.suppressions.items()},
                    "file_suppressions": self.file_suppressions}
        return jsonio.dumps(extracts), jsonio.dumps(findings)

    @classmethod
    def from_cache(cls, path: str, data: dict, checked: bool) -> "Entry":
        """The entry from its stored extracts, or from its stored findings (``Cache.get_findings``)."""
        findings = [Finding.from_cache(f) for f in data.get("findings", ())]
        for f in findings:
            f.path = path
        return cls(path=path, lang=data.get("lang", ""), metadata=data.get("metadata", {}),
                   extracts=data.get("extracts", {}), findings=findings,
                   suppressions={int(k): set(v) for k, v in data.get("suppressions", {}).items()},
                   file_suppressions=data.get("file_suppressions"), checked=checked)


class Report:
    """What a run found.  Findings are produced file by file from the store, so a large run
    never holds them all: iterate ``stream()`` once, or read ``findings`` (a list)."""

    def __init__(self, errors, checked_files, entries, stream):
        self.errors = errors                # InputError messages
        self.checked_files = checked_files
        self.entries = entries              # every Entry (extracts only), with run(keep_entries=True)
        self._stream = stream
        self._findings = None

    def stream(self):
        return iter(self._findings) if self._findings is not None else self._stream

    @property
    def findings(self) -> list:
        if self._findings is None:
            self._findings = list(self._stream)
        return self._findings


def code_selected(code: str, selectors) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


class Linter:
    """Holds the rule set and the kinds ready to run; reusable across files."""

    def __init__(self, settings, pm=None, select=None, extend_select=None, ignore=None):
        from factlint.plugins import collect, get_plugin_manager, rule_kinds
        from factlint.ruleset import load_ruleset

        self.settings = settings
        self._select_args = (select, extend_select, ignore)  # rebuilt in worker processes
        self.pm = pm or get_plugin_manager()
        self.kind_classes = rule_kinds(self.pm)
        packs = [Path(p) for p in collect(self.pm, "factlint_rule_packs")] if settings.default_packs else []
        packs += [Path(p) for p in settings.packs]
        self.ruleset = load_ruleset(packs, self.kind_classes)
        for code, severity in settings.severity.items():
            if code not in self.ruleset.rules:
                raise ConfigError(f"severity: unknown rule code {code!r}")
            self.ruleset.rules[code].severity = severity
        self.active = self._select(select, extend_select, ignore)
        self.kinds = {}
        for kind, rules in self.ruleset.by_kind(self.active).items():
            cls = self.kind_classes[kind]
            self.kinds[kind] = cls(rules, self.ruleset.data, settings)
        self.corpus_kinds = {kind: r for kind, r in self.kinds.items() if r.corpus_phase}

    def _select(self, select, extend_select, ignore) -> set[str]:
        rules = self.ruleset.rules
        select = select if select is not None else self.settings.select
        extend = [*self.settings.extend_select, *(extend_select or [])]
        ignore = [*self.settings.ignore, *(ignore or [])]
        for selector in [*select, *extend, *ignore]:
            if selector != "ALL" and not any(code.startswith(selector) for code in rules):
                raise ConfigError(f"unknown rule code or prefix {selector!r} (see 'factlint rules')")
        if select:
            active = {c for c, r in rules.items() if (r.enabled and code_selected(c, select)) or c in select}
        else:
            active = {c for c, r in rules.items() if r.enabled}
        active |= {c for c in rules if code_selected(c, extend)}
        active -= {c for c in rules if code_selected(c, ignore)}
        return active

    @property
    def cache_salt(self) -> str:
        return "|".join([__version__, _code_stamp(), self.ruleset.digest, ",".join(sorted(self.active)),
                         self.settings.fingerprint()])

    # -- phase 1 -----------------------------------------------------------
    def analyze_source(self, path: str, source: str, checked: bool = True) -> Entry:
        from factlint.readers import document_from_source

        doc = document_from_source(path, source, self.settings, self.pm)
        return self.analyze_document(doc, checked)

    def analyze_document(self, doc, checked: bool = True) -> Entry:
        findings, extracts = [], {}
        for kind, runner in self.kinds.items():
            kind_findings, extract = runner.document(doc)
            findings.extend(kind_findings)
            if extract is not None:
                extracts[kind] = extract
        return Entry(path=doc.path, lang=doc.lang, metadata=doc.metadata, extracts=extracts,
                     findings=findings, suppressions=doc.suppressions,
                     file_suppressions=sorted(doc.file_suppressions) if doc.file_suppressions is not None else None,
                     checked=checked)

    def analyze_file(self, path: str, data: bytes, checked: bool = True) -> Entry:
        from factlint.readers import decode

        source = decode(path, data, self.settings.max_file_size)
        return self.analyze_source(path, source, checked)

    # -- phase 2 -----------------------------------------------------------
    @property
    def supports_summaries(self) -> bool:
        """Does every corpus check stream from a summary (``SummarizedKind``)?  If one
        does not, the extracts of every document are held for it, and focused runs are off."""
        return all(hasattr(r, "add_to_summary") for r in self.corpus_kinds.values())

    # -- filtering ----------------------------------------------------------
    def keep(self, finding, entry, min_severity) -> bool:
        if finding.code not in self.active:
            return False
        if severity_rank(finding.severity) < severity_rank(min_severity):
            return False
        if entry.file_suppressions is not None and (not entry.file_suppressions or finding.code in entry.file_suppressions):
            return False
        for line in (finding.line,):
            codes = entry.suppressions.get(line)
            if codes is not None and (not codes or finding.code in codes):
                return False
        if code_selected(finding.code, self.settings.ignored_codes_for(finding.path)):
            return False
        return True


def _code_stamp() -> str:
    """Size and mtime of factlint's own files: an edited (editable) install never reuses stale extracts."""
    import hashlib

    root = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.yaml")):
        st = path.stat()
        digest.update(f"{path.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


def _worker_init(settings, select, extend_select, ignore):
    global _WORKER_LINTER
    _WORKER_LINTER = Linter(settings, select=select, extend_select=extend_select, ignore=ignore)


def _analyze_path(linter, path, checked, root=None, data=None):
    """Read and analyse one file (in a worker, or in-process): ((extracts, findings) JSON, error).
    ``root``: the directory ``path`` is relative to, when it is not this process's; ``data``:
    the file's bytes when they do not come from disk (standard input)."""
    try:
        if data is None:
            data = Path(root, path).read_bytes() if root else Path(path).read_bytes()
        return linter.analyze_file(path, data, checked).to_json(), None
    except OSError as exc:
        return None, f"{path}: {exc.strerror or exc}"
    except InputError as exc:
        return None, str(exc)


def _worker_analyze_chunk(chunk):
    return [_analyze_path(_WORKER_LINTER, path, checked) for path, checked in chunk]


def run(linter: Linter, paths, *, corpus_paths=(), use_cache=True, jobs=0, min_severity="info",
        baseline=None, progress=False, keep_entries=False, executor="local", scheduler=None,
        sources=None) -> Report:
    """Check ``paths`` (and read ``corpus_paths`` for corpus checks only).

    Phase 1 stores each document's extracts and findings in the store (the
    cache, or a temporary one with ``use_cache=False``) and folds its extracts
    into the corpus summaries; the document itself is then dropped.  Phase 2
    runs the corpus checks on the summaries, loading the few documents they
    ask for.  Findings are read back file by file when the report is read.
    ``executor="dask"`` runs phase 1 on a Dask cluster (``scheduler``: its address).
    ``sources`` ({path: bytes}) gives the text of paths that are not read from disk (an
    editor's buffer on standard input): analysed in this process, never recorded in the stat
    index, and standing in for the file of that name in the corpus.
    """
    sources = sources or {}
    store, use_cache = _open_store(linter, use_cache)
    checked_set = set(paths)
    corpus_only = [p for p in corpus_paths if p not in checked_set]
    stored = None
    if use_cache and not keep_entries and len(paths) * 2 < len(corpus_only):
        stored = _usable_summary(linter, store, corpus_only)
    jobs_list = [(p, True) for p in paths] + ([] if stored else [(p, False) for p in corpus_only])
    streaming = linter.supports_summaries
    summaries = {kind: r.new_summary() for kind, r in linter.corpus_kinds.items()} if streaming else None
    errors: list[str] = []
    plan = _plan(store, use_cache, jobs_list, errors, sources)
    keys: dict[str, str] = {}
    whole_corpus = bool(corpus_paths) and stored is None and len(plan) == len(jobs_list)
    order = _order_digest(plan) if whole_corpus else None
    # the same files, unchanged and checked as last time: the stored summary is this run's
    reused = store.summary_for({p: k for p, _, k in plan}, order) \
        if whole_corpus and use_cache and streaming and not keep_entries else None
    held, fresh_checked = [], []
    if reused is not None:
        summaries = reused
        keys = {path: key for path, _, key in plan}
        present = store.existing(keys.values())
        plan = [(path, checked, key) for path, checked, key in plan if key not in present]
    analyze = functools.partial(_analyze_pending, jobs=jobs, progress=progress, executor=executor, scheduler=scheduler)
    for path, checked, key, entry in _phase_one(linter, store, use_cache, plan, analyze, errors, sources):
        keys[path] = key
        if reused is not None:
            continue  # a lost entry, analysed and stored again; its summary is already counted
        if stored is not None:
            fresh_checked.append(entry)
        elif summaries is not None:
            for kind, runner in linter.corpus_kinds.items():
                runner.add_to_summary(summaries[kind], entry)
        if keep_entries or not streaming:
            held.append(entry)
    store.flush()
    if use_cache:
        store.prune()

    def load(path, key=None):
        """The Entry of ``path``: the version this run saw, or the one stored under ``key``."""
        key = key or keys.get(path) or (stored["paths"].get(path) if stored else None)
        data = store.get(key) if key else None
        if data is None and key == keys.get(path):  # analysed in this run but not stored (a lost write): again
            payload, error = _analyze_path(linter, path, path in checked_set, data=sources.get(path))
            data = _store_payload(store, keys[path], payload) if error is None else None
        return Entry.from_cache(path, data, path in checked_set) if data is not None else None

    checked_paths = [p for p, checked in jobs_list if checked and p in keys]
    if stored is not None:
        summaries = _replace_contributions(linter, stored, fresh_checked, load)

    def compute():
        """Every corpus finding, one at a time: the corpus phase never holds them all."""
        if summaries is None:
            return (f for runner in linter.corpus_kinds.values() for f in runner.corpus(held))
        return (f for kind, runner in linter.corpus_kinds.items()
                for f in runner.corpus_from_summary(summaries[kind], checked_paths, load, focused=stored is not None))

    # a focused run's corpus findings also depend on the summary of the rest of the corpus
    basis = stored["digest"] if stored is not None else ""
    corpus_for = _corpus_findings(store, jobs_list, keys, compute, set(checked_paths), basis)
    if whole_corpus and reused is None and use_cache and summaries is not None \
            and all(p in keys for p in corpus_paths):
        store.write_summary(keys, summaries, order)
    stream = _findings_by_file(linter, store, sorted(checked_paths), keys, corpus_for, min_severity, baseline,
                               errors, sources)
    return Report(errors=errors, checked_files=len(checked_paths), entries=held, stream=stream)


def _open_store(linter, use_cache):
    """(store, whether it is the cache).  Without the cache (``--no-cache``, or a cache that
    cannot be opened: a read-only or full disk costs speed only) the store is a throw-away
    database in a temporary directory, or in memory when even that fails."""
    import tempfile
    import weakref

    from factlint.cache import Cache

    if use_cache:
        settings = linter.settings
        cache = Cache(settings.cache_dir or settings.root / ".factlint_cache", linter.cache_salt)
        if cache.db is not None:
            return cache, True
    try:
        scratch = tempfile.TemporaryDirectory(prefix="factlint-")
    except OSError:
        return Cache(None, linter.cache_salt), False
    store = Cache(Path(scratch.name), linter.cache_salt)
    weakref.finalize(store, scratch.cleanup)
    if store.db is None:
        return Cache(None, linter.cache_salt), False
    return store, False


def _plan(store, cached, jobs_list, errors, sources) -> list[tuple[str, bool, str]]:
    """(path, checked, cache key) of each readable file of ``jobs_list``, in order.

    A file whose size and mtime are as recorded keeps its recorded key without
    being read; the others are read and hashed, and their stat recorded.  A path
    of ``sources`` is keyed by the text given, and its file's stat left alone.
    Without the cache (``cached`` false) a file's key is its path.
    """
    if not cached:
        return [(path, checked, path) for path, checked in jobs_list]
    plan = []
    unchanged = store.lookup_stats([p for p, _ in jobs_list if p not in sources])
    for path, checked in jobs_list:
        key = unchanged.get(path)
        if path in sources:
            key = store.key(path, sources[path])
        elif key is None:
            try:
                key = store.key(path, Path(path).read_bytes())
            except OSError as exc:
                errors.append(f"{path}: {exc.strerror or exc}")
                continue
            store.record_stat(path, key)
        plan.append((path, checked, key))
    return plan


def _phase_one(linter, store, cached, plan, analyze, errors, sources):
    """Yield (path, checked, key, Entry without findings) in ``plan`` order.

    Files whose cache entry exists are read from the store; the others are
    analysed (in worker processes when there are many).  Only paths travel to
    the workers, and every result is stored and dropped, so memory never holds
    the corpus text or its findings.
    """
    present = store.existing(key for _, _, key in plan) if cached else set()
    pending = [(path, checked) for path, checked, key in plan if key not in present and path not in sources]
    results = analyze(linter, pending)
    for path, checked, key in plan:
        hit = key in present
        data = store.get(key) if hit else None
        if data is None:
            given = sources.get(path)
            payload, error = next(results) if not hit and given is None else \
                _analyze_path(linter, path, checked, data=given)
            if error is not None:
                if checked:
                    errors.append(error)
                continue
            data = _store_payload(store, key, payload)
        yield path, checked, key, Entry.from_cache(path, data, checked)


def _order_digest(plan) -> str:
    """Which files were checked, in which order: a summary's sample places depend on it."""
    import hashlib

    digest = hashlib.sha256()
    for path, checked, _ in plan:
        digest.update(f"{path}\0{checked}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _store_payload(store, key, payload, part=0) -> dict:
    """Store an analysis result (JSON text); return its ``part`` decoded: the extracts (0),
    as ``store.get`` would, or the findings (1), as ``store.get_findings`` would."""
    store.put(key, *payload)
    return jsonio.loads(payload[part])


def _replace_contributions(linter, stored, fresh_checked, load):
    """The stored corpus summaries with the checked files' old contributions replaced by
    their fresh ones, put first (as the checked files come first in a full run)."""
    summaries = stored["kinds"]
    previous = [load(e.path, stored["paths"][e.path]) for e in fresh_checked if e.path in stored["paths"]]
    for kind, runner in linter.corpus_kinds.items():
        for entry in previous:
            if entry is not None:
                runner.add_to_summary(summaries[kind], entry, sign=-1)
        for entry in reversed(fresh_checked):
            runner.add_to_summary(summaries[kind], entry, front=True)
    return summaries


def _corpus_findings(store, jobs_list, keys, compute, wanted, basis):
    """A function from a checked path to its corpus findings.

    The corpus findings of these exact documents (and corpus ``basis``) are
    stored under a digest, computed now unless the same documents were checked
    recently.  Only findings for ``wanted`` (the checked paths) are kept.  If
    the store lost a write, they are computed again and kept in memory."""
    import hashlib

    digest = hashlib.sha256(basis.encode())
    for path, checked in sorted(jobs_list):
        if path in keys:
            digest.update(f"{path}\0{keys[path]}\0{checked}\n".encode("utf-8", "surrogateescape"))
    digest = digest.hexdigest()
    paths = store.corpus_findings_paths(digest)
    if paths is None:
        paths = store.write_corpus_findings(digest, (f.to_cache() for f in compute() if f.path in wanted))
        if store.write_failed:
            kept: dict[str, list] = {}
            for f in compute():
                if f.path in wanted:
                    kept.setdefault(f.path, []).append(f)
            return lambda path: kept.get(path, [])
    return lambda path: ([Finding.from_cache(f) for f in store.corpus_findings_for(digest, path)]
                         if path in paths else [])


def _findings_by_file(linter, store, paths, keys, corpus_for, min_severity, baseline, errors, sources):
    """Yield the reported findings, file by file in path order (so, sorted), read back from the store.
    A file that can no longer be analysed adds its error to ``errors``."""
    try:
        for path in paths:
            data = store.get_findings(keys[path])
            if data is None:  # damaged, or removed by a concurrent run: analyse again
                payload, error = _analyze_path(linter, path, True, data=sources.get(path))
                if error is not None:
                    errors.append(error)
                    continue
                data = _store_payload(store, keys[path], payload, part=1)
            entry = Entry.from_cache(path, data, True)
            raw = entry.findings + corpus_for(path)
            kept = _dedupe(sorted((f for f in raw if linter.keep(f, entry, min_severity)), key=Finding.sort_key))
            yield from baseline.filter(kept) if baseline is not None else kept
    finally:
        store.close()


def _usable_summary(linter, store, corpus_only):
    """The corpus summary, if it still describes every corpus file exactly (else None)."""
    if not linter.supports_summaries:
        return None
    summary = store.read_summary()
    if summary is None:
        return None
    known = summary["paths"]
    current = store.lookup_stats(corpus_only)
    if any(known.get(path) is None or current.get(path) != known[path] for path in corpus_only):
        return None  # a file changed or appeared since: read the corpus again
    if any(kind not in summary["kinds"] for kind in linter.corpus_kinds):
        return None
    return summary


def _dedupe(findings):
    out, seen = [], set()
    for f in findings:
        key = (f.path, f.line, f.column, f.end_line, f.end_column, f.code)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _analyze_pending(linter, pending, jobs, progress, executor="local", scheduler=None):
    """Yield (payload, error) for each pending (path, checked), in order.

    Only paths travel to the workers and results are consumed as they come,
    so memory never holds the text of the whole corpus.
    """
    bar = _Progress(len(pending)) if progress and len(pending) >= 200 and sys.stderr.isatty() else None
    for result in _results(linter, pending, jobs, executor, scheduler):
        if bar:
            bar.step()
        yield result
    if bar:
        bar.done()


def _results(linter, pending, jobs, executor, scheduler):
    if executor == "dask" and pending:
        from factlint import dask_executor

        return dask_executor.analyze(linter, pending, jobs, scheduler)
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(pending) >= PARALLEL_THRESHOLD:
        return _pool_results(linter, pending, jobs)
    return (_analyze_path(linter, path, checked) for path, checked in pending)


def _pool_results(linter, pending, jobs):
    """Results from worker processes, in order, with a bounded number of chunks in flight.

    Workers are spawned, not forked, so they do not inherit (and, as reference
    counts change, copy) the main process's memory; chunks are submitted as
    results are consumed, so the queue never holds the whole corpus's tasks.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_worker_init, initargs=(linter.settings, *linter._select_args)) as pool:
        in_flight = deque()
        for start in range(0, len(pending), CHUNK):
            in_flight.append(pool.submit(_worker_analyze_chunk, pending[start:start + CHUNK]))
            if len(in_flight) >= IN_FLIGHT_PER_JOB * jobs:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


class _Progress:
    """A one-line progress bar on standard error (only on a terminal)."""

    def __init__(self, total):
        self.total, self.count = total, 0

    def step(self):
        self.count += 1
        if self.count % 25 == 0 or self.count == self.total:
            width = 30
            filled = int(width * self.count / self.total)
            sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.count}/{self.total} files")
            sys.stderr.flush()

    def done(self):
        sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()
