"""Finding the article files to check: paths, globs, excludes and .gitignore."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from factlint.config import matches
from factlint.errors import ConfigError
from factlint.formats import plural

ALWAYS_SKIPPED_DIRS = {".git", ".hg", ".svn", ".factlint_cache", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def _git_visible(directory: Path) -> set[str] | None:
    """Files git tracks or would track below ``directory`` (None outside a repository)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(directory), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    return {os.path.normpath(os.path.join(directory, p)) for p in out.stdout.decode("utf-8", "replace").split("\0") if p}


def _walk(directory: Path):
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if d not in ALWAYS_SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            yield os.path.normpath(os.path.join(dirpath, name))


def discover(paths, settings, extensions) -> list[str]:
    """Expand ``paths`` into article files, in a stable order.

    Explicit files are taken as given (unless excluded); directories are
    walked for files with a known extension or matching ``include``, skipping
    ``exclude`` globs, hidden directories and, unless ``respect-gitignore`` is
    off, what ``.gitignore`` ignores.  When that leaves nothing, the error says
    how many files git ignored, so an empty result is never a mystery.
    """
    found: list[str] = []
    seen = set()
    git_ignored = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise ConfigError(f"{raw}: no such file or directory")
        if path.is_file():
            candidates = [os.path.normpath(raw)]
            explicit = True
        else:
            candidates = list(_walk(path))
            visible = _git_visible(path) if settings.respect_gitignore else None
            if visible is not None:
                git_ignored += sum(1 for f in candidates if f not in visible and f.lower().endswith(extensions))
                candidates = [f for f in candidates if f in visible]
            explicit = False
        for file in candidates:
            rel = settings.relative(file)
            if any(matches(rel, pattern) for pattern in settings.exclude):
                continue
            if not explicit:
                wanted = file.lower().endswith(extensions) or any(matches(rel, p) for p in settings.include)
                if settings.include:
                    wanted = any(matches(rel, p) for p in settings.include)
                if not wanted:
                    continue
            if file not in seen:
                seen.add(file)
                found.append(file)
    if not found:
        why = (f"; git ignores {plural(git_ignored, 'article file')} there "
               "(--no-respect-gitignore checks them)") if git_ignored else ""
        raise ConfigError(f"no articles found in {', '.join(map(str, paths))} "
                          f"(looked for {', '.join(extensions)}){why}")
    return found


def corpus_files(settings, extensions) -> list[str]:
    """Every article named by the ``corpus`` globs of the configuration.

    This runs on every pre-commit call, over the whole archive, so a file's type comes
    from one directory listing per directory (``_regular_files``), not from a stat per file.
    """
    if not settings.corpus:
        return []
    import glob

    root = str(settings.root)
    root_rel = os.path.relpath(root, os.getcwd())  # once: relpath per file is most of a pre-commit run
    files = set()
    for pattern in settings.corpus:
        matched = glob.glob(pattern, root_dir=root, recursive=True)
        by_directory: dict[str, list[str]] = {}
        for inner in matched:
            by_directory.setdefault(os.path.dirname(inner), []).append(inner)
        for directory, inners in by_directory.items():
            if any(part in ALWAYS_SKIPPED_DIRS for part in directory.split(os.sep)):
                continue
            regular = _regular_files(os.path.join(root, directory))
            for inner in inners:
                if os.path.basename(inner) not in regular:
                    continue
                inner = os.path.normpath(inner)
                in_root = inner.replace(os.sep, "/")  # what exclude globs are written against
                if not any(matches(in_root, p) for p in settings.exclude):
                    files.add(inner if root_rel == "." else os.path.normpath(os.path.join(root_rel, inner)))
    return sorted(files)


def _regular_files(directory: str) -> set[str]:
    """Names of the regular files in ``directory`` (symbolic links to files included)."""
    try:
        with os.scandir(directory or ".") as entries:
            return {entry.name for entry in entries if entry.is_file()}
    except OSError:
        return set()
