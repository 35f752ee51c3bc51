"""The command line: a thin layer over config, engine and formats."""
from __future__ import annotations

import argparse
import os
import sys

from factlint import __version__
from factlint.errors import FactlintError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _add_common(parser):
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: found walking up)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlint", description="A fact-checking and consistency linter for news articles.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check articles (default command)")
    check.add_argument("paths", nargs="*",
                       help="files or directories (default: the configured corpus, or .); - reads standard input")
    check.add_argument("--stdin-filename", metavar="PATH",
                       help="the path of the text read from -: chooses its reader, its configuration and the "
                            "file it stands for in the corpus (default: Markdown, reported as -)")
    _add_common(check)
    check.add_argument("--format", default="text", help="text, concise, json, jsonl, sarif, github, junit, html, or a plugin's")
    check.add_argument("--select", type=_codes, action="extend", default=None, metavar="CODES",
                       help="only these rule codes or prefixes (comma-separated)")
    check.add_argument("--extend-select", type=_codes, action="extend", default=[], metavar="CODES",
                       help="add these rule codes or prefixes to those selected")
    check.add_argument("--ignore", type=_codes, action="extend", default=[], metavar="CODES",
                       help="leave out these rule codes or prefixes")
    check.add_argument("--severity", choices=["info", "warning", "error"], default="info",
                       help="report only findings at or above this severity")
    check.add_argument("--lang", help="language of every file without front matter 'lang'")
    check.add_argument("--fix", action="store_true", help="apply the fixes (files are written atomically)")
    check.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    check.add_argument("--output-file", "-o", metavar="FILE",
                       help="write the report to FILE instead of standard output (a SARIF or JUnit file for CI)")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--baseline", metavar="FILE", help="ignore the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    check.add_argument("--no-cache", action="store_true", help="do not read or write .factlint_cache")
    check.add_argument("--no-respect-gitignore", action="store_true",
                       help="also check files .gitignore ignores in the directories given")
    check.add_argument("--jobs", "-j", type=int, default=None, help="processes for reading (default: all cores)")
    check.add_argument("--executor", choices=["local", "dask"], default="local",
                       help="where documents are analysed: local processes, or a Dask cluster (pip install 'factlint[dask]')")
    check.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler address (default: DASK_SCHEDULER_ADDRESS, else a local cluster)")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                       help="colour the text report (auto: on a terminal, unless NO_COLOR is set)")

    rules = sub.add_parser("rules", help="list every rule")
    _add_common(rules)
    rules.add_argument("--format", choices=["text", "json"], default="text")

    explain = sub.add_parser("explain", help="explain a rule: description and examples")
    explain.add_argument("code")
    _add_common(explain)
    explain.add_argument("--format", choices=["text", "json"], default="text")

    names = sub.add_parser("names", help="list name clusters of the corpus; --suggest prints registry YAML")
    names.add_argument("paths", nargs="*")
    _add_common(names)
    names.add_argument("--suggest", action="store_true", help="print YAML registry entries to paste")
    names.add_argument("--min-count", type=int, default=2, help="list names mentioned at least this many times")
    names.add_argument("--no-cache", action="store_true", help="do not read or write .factlint_cache")

    stories = sub.add_parser("stories", help="list translation groups and how they were found")
    stories.add_argument("paths", nargs="*")
    _add_common(stories)
    stories.add_argument("--no-cache", action="store_true", help="do not read or write .factlint_cache")

    cache = sub.add_parser("cache", help="manage the extract cache")
    cache.add_argument("action", choices=["clear", "dir", "info"])
    _add_common(cache)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = {"check", "rules", "explain", "names", "stories", "cache"}
    if argv and argv[0] not in commands and not argv[0].startswith("-"):
        argv.insert(0, "check")  # `factlint FILE` means `factlint check FILE`
    if not argv:
        argv = ["check"]
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_CLEAN
    try:
        from factlint import commands as cmd

        return getattr(cmd, f"cmd_{args.command}")(args)
    except FactlintError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader left (`factlint check | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # a bug must still end in one clear line, not a traceback
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        print(f"error: internal error ({type(exc).__name__}: {exc}); this is a bug in factlint or a plugin. "
              "Run with FACTLINT_DEBUG=1 to see the traceback.", file=sys.stderr)
        return EXIT_ERROR
