"""What each subcommand does (the CLI only parses arguments)."""
from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

from factlint import __version__
from factlint.errors import ConfigError
from factlint.formats import plural

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _settings(args):
    from factlint.config import load_settings

    settings = load_settings(getattr(args, "config", None))
    lang = getattr(args, "lang", None)
    if lang:
        from factlint.lang import supported

        if lang not in supported():
            raise ConfigError(f"--lang {lang!r} is not supported (supported: {', '.join(supported())})")
        settings.forced_lang = lang
    if getattr(args, "no_respect_gitignore", False):
        settings.respect_gitignore = False
    return settings


def _linter(args, settings=None):
    from factlint.engine import Linter

    settings = settings or _settings(args)
    return Linter(settings, select=getattr(args, "select", None),
                  extend_select=getattr(args, "extend_select", None), ignore=getattr(args, "ignore", None))


def _targets(args, linter):
    """(files to check, corpus files read for corpus checks only, {path: bytes} of the files
    read from standard input: ``-``, named by ``--stdin-filename``)."""
    from factlint.discovery import corpus_files, discover
    from factlint.plugins import file_extensions

    extensions = file_extensions(linter.pm)
    settings = linter.settings
    corpus = corpus_files(settings, extensions)
    if "-" in args.paths:
        if args.paths != ["-"]:
            raise ConfigError("'-' (standard input) cannot be given with other paths")
        name = os.path.normpath(args.stdin_filename) if getattr(args, "stdin_filename", None) else "-"
        return [name], corpus, {name: sys.stdin.buffer.read()}
    paths = args.paths or ([] if corpus else ["."])
    files = discover(paths, settings, extensions) if paths else list(corpus)
    return files, corpus, {}


def _read_text(path, sources) -> tuple[str, str]:
    """(the text of ``path``, its byte-order mark or ""), from standard input (``sources``) or
    from disk, decoded as the readers decode it: the mark dropped, accents composed, line endings
    kept as written (so offsets are the findings' offsets; a fixed file is written composed)."""
    from factlint.readers import utf8_text

    return utf8_text(sources[path] if path in sources else Path(path).read_bytes())


def _source_lookup(sources):
    cache = {}

    def source_line(path, line):
        if path not in cache:
            try:
                cache[path] = _read_text(path, sources)[0].splitlines()
            except (OSError, UnicodeDecodeError):
                cache[path] = []
        lines = cache[path]
        return lines[line - 1] if 0 < line <= len(lines) else None

    return source_line


def cmd_check(args) -> int:
    from factlint.engine import run
    from factlint.findings import Baseline
    from factlint.formats import RenderContext
    from factlint.plugins import formats

    settings = _settings(args)
    linter = _linter(args, settings)
    available = formats(linter.pm)
    if args.format not in available:
        raise ConfigError(f"unknown format {args.format!r}; available: {', '.join(sorted(available))}")
    baseline = Baseline.load(args.baseline) if args.baseline else None
    if args.output_file and not Path(args.output_file).resolve().parent.is_dir():
        raise ConfigError(f"--output-file {args.output_file}: no such directory")  # before the run, not after
    files, corpus, sources = _targets(args, linter)
    jobs = args.jobs if args.jobs is not None else settings.jobs
    report = run(linter, files, corpus_paths=corpus, use_cache=not args.no_cache, jobs=jobs,
                 min_severity=args.severity, baseline=baseline, progress=not args.quiet,
                 executor=args.executor, scheduler=args.scheduler, sources=sources)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    shown_errors = len(report.errors)
    if args.write_baseline:
        findings = report.findings
        Baseline.write(args.write_baseline, findings)
        print(f"Wrote {len(findings)} findings to baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if report.errors else EXIT_CLEAN
    if sources and args.fix:  # as ruff does: the fixed text on standard output, what is left on standard error
        return _fix_stdin(report, sources, args)
    findings = _apply_fixes(report.findings, write=args.fix, sources=sources) if args.fix or args.diff \
        else report.stream()
    fmt = available[args.format]()
    tally = _Tally(findings)
    with _report_stream(args.output_file) as out:
        color = args.color == "always" or (args.color == "auto" and out.isatty() and not os.environ.get("NO_COLOR"))
        context = RenderContext(rules=linter.ruleset.rules, source_line=_source_lookup(sources), version=__version__,
                                color=color, statistics=args.statistics, checked_files=report.checked_files)
        fmt.write(tally, context, out)
        if not fmt.machine:
            if args.statistics:
                _print_statistics(tally, linter, out)
            if not args.quiet:
                _print_summary(tally, report, out)
    for error in report.errors[shown_errors:]:  # a file that failed while its findings were read back
        print(f"error: {error}", file=sys.stderr)
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if tally.total and not args.exit_zero else EXIT_CLEAN


class _Tally:
    """Counts the findings as the format writes them (the summary line and exit code need them)."""

    def __init__(self, findings):
        self.findings = findings
        self.total = 0
        self.by_severity = Counter()
        self.by_code = Counter()
        self.fixable_by_code = Counter()

    def __iter__(self):
        for f in self.findings:
            self.total += 1
            self.by_severity[f.severity] += 1
            self.by_code[f.code] += 1
            if f.fix:
                self.fixable_by_code[f.code] += 1
            yield f


@contextlib.contextmanager
def _report_stream(output_file):
    """Standard output, or ``output_file`` opened for the report (a usage error if it cannot be)."""
    if output_file is None:
        yield sys.stdout
        return
    try:
        stream = open(output_file, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise ConfigError(f"--output-file {output_file}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def _print_statistics(tally, linter, out):
    for code, count in sorted(tally.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = linter.ruleset.rules.get(code)
        fixable = "[*]" if tally.fixable_by_code[code] else "   "
        print(f"{count:>5}\t{code}\t{fixable} {rule.name if rule else ''}", file=out)


def _print_summary(tally, report, out):
    failed = len(report.errors)
    unchecked = f" {plural(failed, 'file')} could not be checked (errors above)." if failed else ""
    checked = plural(report.checked_files, "file")
    if not tally.total:
        verdict = "All checks passed" if not failed else "No findings"
        print(f"{verdict} ({checked}).{unchecked}", file=out)
        return
    parts = ", ".join(f"{tally.by_severity[s]} {s}" for s in ("error", "warning", "info") if tally.by_severity[s])
    fixable = sum(tally.fixable_by_code.values())
    hint = f" {fixable} fixable with --fix." if fixable else ""
    print(f"Found {plural(tally.total, 'finding')} ({parts}) in {checked}.{hint}{unchecked}", file=out)


def _apply_fixes(findings, write: bool, sources):
    """Apply (or, without ``write``, show) fixes; return the findings still open."""
    from factlint.fixes import apply_fixes, unified_diff, write_atomically

    by_path = {}
    for f in findings:
        if f.fix:
            by_path.setdefault(f.path, []).append(f)
    fixed_ids, changed = set(), 0
    for path, items in sorted(by_path.items()):
        try:
            before, bom = _read_text(path, sources)
        except (OSError, UnicodeDecodeError):
            continue
        if any(before[f.start:f.end] != f.snippet for f in items):
            print(f"warning: {path} changed while it was checked; not fixed", file=sys.stderr)
            continue
        after, count = apply_fixes(before, items)
        if after == before:
            continue
        if write:
            write_atomically(path, bom + after)
            changed += 1
            fixed_ids.update(id(f) for f in items)
        else:
            sys.stdout.write(unified_diff(path, before, after))
    if write and changed:
        print(f"Fixed {plural(len(fixed_ids), 'finding')} in {plural(changed, 'file')}.", file=sys.stderr)
    return [f for f in findings if id(f) not in fixed_ids] if write else findings


def _fix_stdin(report, sources, args) -> int:
    """``check --fix -``: write the fixed text to standard output (an editor replaces its buffer
    with it) and the findings no fix closed to standard error."""
    from factlint.fixes import apply_fixes

    (path, _), = sources.items()
    findings = report.findings
    if report.errors:  # the buffer could not be read (binary, not UTF-8), as check said: nothing to write back
        return EXIT_ERROR
    before, bom = _read_text(path, sources)
    after, _ = apply_fixes(before, findings)
    sys.stdout.write(bom + after)
    left = [f for f in findings if not f.fix]
    for f in left:
        print(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}", file=sys.stderr)
    return EXIT_FINDINGS if left and not args.exit_zero else EXIT_CLEAN


def cmd_rules(args) -> int:
    linter = _linter(args)
    rules = sorted(linter.ruleset.rules.values(), key=lambda r: r.code)
    if args.format == "json":
        print(json.dumps([_rule_json(r, r.code in linter.active) for r in rules], indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    code_width = max([len("CODE"), *(len(r.code) for r in rules)])  # a plugin's codes may be longer
    name_width = max([len("NAME"), *(len(r.name) for r in rules)])
    kind_width = max([len("KIND"), *(len(r.kind) for r in rules)])
    print(f"{'CODE':<{code_width}} {'NAME':<{name_width}} {'KIND':<{kind_width}} {'SEVERITY':<8} {'ON':<3} LANGUAGES")
    for r in rules:
        on = "yes" if r.code in linter.active else "no"
        print(f"{r.code:<{code_width}} {r.name:<{name_width}} {r.kind:<{kind_width}} {r.severity:<8} {on:<3} "
              f"{','.join(r.languages) or 'all'}")
    return EXIT_CLEAN


def _rule_json(rule, active) -> dict:
    return {"code": rule.code, "name": rule.name, "kind": rule.kind, "severity": rule.severity,
            "enabled": active, "languages": list(rule.languages), "message": rule.message,
            "summary": rule.summary, "description": rule.description.strip(), "examples": rule.examples,
            "origin": rule.origin, "link": rule.link}


def cmd_explain(args) -> int:
    import difflib

    linter = _linter(args)
    rules = linter.ruleset.rules
    code = args.code.upper()
    rule = rules.get(code) or next((r for r in rules.values() if r.name == args.code), None)
    if rule is None:
        close = difflib.get_close_matches(code, list(rules), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise ConfigError(f"unknown rule code {args.code!r}{hint}; 'factlint rules' lists them")
    if args.format == "json":
        print(json.dumps(_rule_json(rule, rule.code in linter.active), indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    print(f"{rule.code} {rule.name}")
    print(f"kind: {rule.kind}   severity: {rule.severity}   languages: {', '.join(rule.languages) or 'all'}"
          f"   enabled by default: {'yes' if rule.enabled else 'no'}")
    print(f"message: {rule.message}")
    print(f"defined in: {rule.origin}")
    print()
    print(rule.description.strip())
    extra = linter.kinds.get(rule.kind)
    if extra is not None and hasattr(extra, "explain_extra"):
        text = extra.explain_extra(rule)
        if text:
            print()
            print(text)
    print()
    print("Examples:")
    for ex in rule.examples:
        label = "fails" if "fail" in ex else "passes"
        body = ex.get("fail", ex.get("pass"))
        if isinstance(body, list):
            body = "\n    ".join(f"[{d.get('lang', '')}] {d['text']}" for d in body)
        lang = f" ({ex['lang']})" if ex.get("lang") else ""
        print(f"  {label}{lang}: {body}")
        if ex.get("fix"):
            print(f"    fixed: {ex['fix']}")
    return EXIT_CLEAN


def cmd_cache(args) -> int:
    from factlint.cache import clear, describe

    settings = _settings(args)
    directory = settings.cache_dir or settings.root / ".factlint_cache"
    if args.action == "dir":
        print(directory)
    elif args.action == "info":
        print(describe(directory))
    else:
        print(f"removed {directory}" if clear(directory) else f"no cache at {directory}")
    return EXIT_CLEAN


def _entries(args):
    """Phase-1 entries of every article named (or of the configured corpus)."""
    from factlint.engine import run

    linter = _linter(args)
    files, corpus, sources = _targets(args, linter)
    report = run(linter, files, corpus_paths=corpus, progress=False, keep_entries=True, sources=sources,
                 use_cache=not args.no_cache)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    return linter, report


def cmd_names(args) -> int:
    from factlint.checks.names import print_clusters

    linter, report = _entries(args)
    return print_clusters(linter, report.entries, suggest=args.suggest, min_count=args.min_count)


def cmd_stories(args) -> int:
    from factlint.checks.numbers import print_stories

    linter, report = _entries(args)
    return print_stories(linter, report.entries)
