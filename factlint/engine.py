"""The two-phase engine.

Phase 1 reads each document once and runs every kind's per-document part,
giving findings and extracts; it runs in parallel and is cached by content
hash.  Phase 2 runs the corpus checks on the extracts of every document (the
checked files plus the configured corpus).  Findings are then filtered by
selection, suppressions, per-file ignores, severity and baseline.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from factlint import __version__
from factlint.errors import ConfigError, InputError
from factlint.findings import Finding, severity_rank

PARALLEL_THRESHOLD = 48  # below this many documents to analyse, a pool costs more than it saves


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
        """(extracts, findings) as JSON text: what a worker sends back and the cache stores."""
        extracts = {"lang": self.lang, "metadata": self.metadata, "extracts": self.extracts,
                    "suppressions": {str(k): sorted(v) for k, v in self.suppressions.items()},
                    "file_suppressions": self.file_suppressions}
        return _dumps(extracts), _dumps([f.to_cache() for f in self.findings])

    @classmethod
    def from_cache(cls, path: str, data: dict, checked: bool) -> "Entry":
        findings = [Finding.from_cache(f) for f in data["findings"]]
        for f in findings:
            f.path = path
        return cls(path=path, lang=data["lang"], metadata=data["metadata"], extracts=data["extracts"],
                   findings=findings, suppressions={int(k): set(v) for k, v in data["suppressions"].items()},
                   file_suppressions=data["file_suppressions"], checked=checked)


@dataclass
class Report:
    findings: list
    errors: list            # InputError messages
    entries: list           # every Entry, checked and corpus-only
    checked_files: int = 0


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
    def corpus_findings(self, entries) -> list:
        findings = []
        for runner in self.kinds.values():
            if runner.corpus_phase:
                findings.extend(runner.corpus(entries))
        return findings

    @property
    def supports_summaries(self) -> bool:
        """Can every corpus check work from a summary of the corpus (focused runs)?"""
        return all(hasattr(r, "summarize") for r in self.kinds.values() if r.corpus_phase)

    def corpus_summaries(self, entries) -> dict:
        if not self.supports_summaries:
            return {}
        return {kind: r.summarize(entries) for kind, r in self.kinds.items() if r.corpus_phase}

    def corpus_findings_focused(self, checked, summaries, load) -> list:
        findings = []
        for kind, runner in self.kinds.items():
            if runner.corpus_phase:
                findings.extend(runner.corpus_focused(checked, summaries[kind], load))
        return findings

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


def _dumps(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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


def _analyze_path(linter, path, checked):
    """Read and analyse one file (in a worker, or in-process): ((extracts, findings) JSON, error)."""
    try:
        data = Path(path).read_bytes()
        return linter.analyze_file(path, data, checked).to_json(), None
    except OSError as exc:
        return None, f"{path}: {exc.strerror or exc}"
    except InputError as exc:
        return None, str(exc)


def _worker_analyze(job):
    return _analyze_path(_WORKER_LINTER, *job)


def run(linter: Linter, paths, *, corpus_paths=(), use_cache=True, jobs=0, min_severity="info",
        baseline=None, progress=False) -> Report:
    """Check ``paths`` (and read ``corpus_paths`` for corpus checks only)."""
    import json

    from factlint.cache import Cache

    settings = linter.settings
    cache = None
    if use_cache:
        cache_dir = settings.cache_dir or settings.root / ".factlint_cache"
        cache = Cache(cache_dir, linter.cache_salt)
    checked_set = set(paths)
    corpus_only = [p for p in corpus_paths if p not in checked_set]
    summary = _usable_summary(linter, cache, corpus_only) if cache is not None and len(paths) * 2 < len(corpus_only) else None
    jobs_list = [(p, True) for p in paths] + ([] if summary else [(p, False) for p in corpus_only])
    keys: dict[str, str] = {}
    entries: dict[str, Entry] = {}
    errors: list[str] = []
    pending = []  # (path, checked, key): the text itself is not kept
    for path, checked in jobs_list:
        if cache is not None:  # unchanged size and mtime: reuse without reading the file
            key = cache.lookup_stat(path)
            if key:
                hit = cache.get(key, findings=checked)
                if hit is not None:
                    entries[path] = Entry.from_cache(path, hit, checked)
                    keys[path] = key
                    continue
        if cache is None:
            pending.append((path, checked, None))
            continue
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            errors.append(f"{path}: {exc.strerror or exc}")
            continue
        key = cache.key(path, data)
        hit = cache.get(key, findings=checked)
        if hit is not None:
            entries[path] = Entry.from_cache(path, hit, checked)
            cache.record_stat(path, key)
            keys[path] = key
            continue
        pending.append((path, checked, key))

    results = _analyze_pending(linter, pending, jobs, progress)
    for (path, checked, key), (payload, error) in zip(pending, results):
        if error is not None:
            if checked:
                errors.append(error)
            continue
        extracts_json, findings_json = payload
        data = json.loads(extracts_json)
        data["findings"] = json.loads(findings_json) if checked else []
        entries[path] = Entry.from_cache(path, data, checked)
        if cache is not None:
            cache.put(key, extracts_json, findings_json)
            cache.record_stat(path, key)
            keys[path] = key
    if cache is not None:
        cache.flush()

    ordered = [entries[p] for p, _ in jobs_list if p in entries]
    by_path = {e.path: e for e in ordered}
    raw = [f for e in ordered if e.checked for f in e.findings]
    if summary is not None:
        def load(path):
            key = summary["paths"].get(path)
            data = cache.get(key, findings=False) if key else None
            return Entry.from_cache(path, data, False) if data is not None else None

        corpus = linter.corpus_findings_focused(ordered, summary["kinds"], load)
    else:
        corpus = _corpus_findings(linter, cache, ordered, keys)
        if cache is not None and corpus_paths and all(p in keys for p in corpus_paths):
            if not cache.summary_is_current(keys):
                cache.write_summary(keys, linter.corpus_summaries(ordered))
    raw += [f for f in corpus if f.path in by_path and by_path[f.path].checked]
    kept = [f for f in raw if linter.keep(f, by_path[f.path], min_severity)]
    kept = _dedupe(sorted(kept, key=Finding.sort_key))
    if baseline is not None:
        kept = baseline.filter(kept)
    if cache is not None:
        cache.close()
    return Report(findings=kept, errors=errors, entries=ordered,
                  checked_files=sum(1 for e in ordered if e.checked))


def _corpus_findings(linter, cache, entries, keys):
    """Corpus findings, reused as they are when exactly the same documents were checked last time."""
    import hashlib

    if cache is None or any(e.path not in keys for e in entries):
        return linter.corpus_findings(entries)
    digest = hashlib.sha256(repr(sorted((e.path, keys[e.path], e.checked) for e in entries)).encode()).hexdigest()
    stored = cache.read_corpus_findings(digest)
    if stored is not None:
        return [Finding.from_cache(f) for f in stored]
    findings = linter.corpus_findings(entries)
    cache.write_corpus_findings(digest, [f.to_cache() for f in findings])
    return findings


def _usable_summary(linter, cache, corpus_only):
    """The corpus summary, if it still describes every corpus file exactly (else None)."""
    if not linter.supports_summaries:
        return None
    summary = cache.read_summary()
    if summary is None:
        return None
    known = summary["paths"]
    for path in corpus_only:
        key = known.get(path)
        if key is None or cache.lookup_stat(path) != key:
            return None  # a file changed or appeared since: read the corpus again
    if any(kind not in summary["kinds"] for kind, runner in linter.kinds.items() if runner.corpus_phase):
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


def _analyze_pending(linter, pending, jobs, progress):
    """Yield (payload, error) for each pending (path, checked, key), in order.

    Only paths travel to the workers and results are consumed as they come,
    so memory holds the extracts, never the text of the whole corpus.
    """
    jobs = jobs or os.cpu_count() or 1
    bar = _Progress(len(pending)) if progress and len(pending) >= 200 and sys.stderr.isatty() else None
    work = [(path, checked) for path, checked, _ in pending]
    if jobs > 1 and len(pending) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                 initargs=(linter.settings, *linter._select_args)) as pool:
            for result in pool.map(_worker_analyze, work, chunksize=16):
                if bar:
                    bar.step()
                yield result
    else:
        for path, checked in work:
            result = _analyze_path(linter, path, checked)
            if bar:
                bar.step()
            yield result
    if bar:
        bar.done()


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
