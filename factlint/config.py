"""Configuration: ``.factlint.yaml`` or ``[tool.factlint]`` in ``pyproject.toml``.

The first of these found walking up from the current directory wins.  Paths
in it are relative to the file's directory.  Unknown keys are errors with a
suggestion; the command line overrides the file.
"""
from __future__ import annotations

import difflib
import fnmatch
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from factlint.errors import ConfigError

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


@dataclass
class Settings:
    root: Path
    config_path: Path | None = None
    packs: list = field(default_factory=list)
    default_packs: bool = True
    select: list = field(default_factory=list)
    extend_select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)
    severity: dict = field(default_factory=dict)
    default_lang: str = "en"
    forced_lang: str | None = None
    include: list = field(default_factory=list)
    exclude: list = field(default_factory=list)
    corpus: list = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    cache_dir: Path | None = None
    jobs: int = 0
    respect_gitignore: bool = True

    def __post_init__(self):
        self.root = Path(self.root)

    @functools.cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def relative(self, path) -> str:
        """``path`` relative to the project root when inside it (used for globs)."""
        try:
            return Path(os.path.abspath(path)).relative_to(self._resolved_root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def metadata_for(self, path) -> dict:
        if not self.metadata:
            return {}
        meta = {}
        rel = self.relative(path)
        for pattern, values in self.metadata.items():
            if matches(rel, pattern):
                meta.update(values)
        return meta

    def ignored_codes_for(self, path) -> list[str]:
        if not self.per_file_ignores:
            return []
        rel = self.relative(path)
        codes = []
        for pattern, values in self.per_file_ignores.items():
            if matches(rel, pattern):
                codes.extend(values)
        return codes

    def fingerprint(self) -> str:
        """What in the settings changes per-document results (part of the cache key)."""
        return repr((sorted(self.metadata.items(), key=str), self.default_lang, self.forced_lang))


def matches(rel_path: str, pattern: str) -> bool:
    """Glob match where ``**/`` also matches nothing and a bare name matches any depth."""
    if fnmatch.fnmatch(rel_path, pattern):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatch(rel_path, pattern[3:]):
        return True
    if "/" not in pattern and fnmatch.fnmatch(rel_path.rsplit("/", 1)[-1], pattern):
        return True
    return False


def find_config(start: Path) -> Path | None:
    for directory in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and "factlint" not in _read_toml(candidate).get("tool", {}):
                    continue
                return candidate
    return None


def _read_toml(path: Path) -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _read_raw(path: Path) -> dict:
    if path.name == "pyproject.toml":
        return _read_toml(path).get("tool", {}).get("factlint", {})
    import yaml

    try:
        from factlint.yamlio import loader

        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping of options")
    from factlint.yamlio import plain

    return plain(data)


def _validate(raw: dict, path: Path) -> None:
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads((Path(__file__).parent / "schemas" / "config.schema.json").read_text())
    known = list(schema["properties"])
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key).replace("_", "-"), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known options: {', '.join(known)}"
            raise ConfigError(f"{path}: unknown option '{key}'{hint}")
    for error in Draft202012Validator(schema).iter_errors(raw):
        where = ".".join(str(p) for p in error.absolute_path)
        raise ConfigError(f"{path}: option '{where}': {error.message}")


def load_settings(config: str | None = None, cwd: Path | None = None) -> Settings:
    cwd = Path(cwd or os.getcwd())
    if config:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"configuration file not found: {config}")
    else:
        path = find_config(cwd)
    if path is None:
        return Settings(root=cwd)
    raw = _read_raw(path)
    _validate(raw, path)
    root = path.parent
    settings = Settings(
        root=root,
        config_path=path,
        packs=[root / p for p in raw.get("packs", [])],
        default_packs=raw.get("default-packs", True),
        select=raw.get("select", []),
        extend_select=raw.get("extend-select", []),
        ignore=raw.get("ignore", []),
        per_file_ignores=raw.get("per-file-ignores", {}),
        severity=raw.get("severity", {}),
        default_lang=raw.get("lang", "en"),
        include=raw.get("include", []),
        exclude=raw.get("exclude", []),
        corpus=raw.get("corpus", []),
        metadata=raw.get("metadata", {}),
        max_file_size=raw.get("max-file-size", DEFAULT_MAX_FILE_SIZE),
        cache_dir=root / raw["cache-dir"] if "cache-dir" in raw else None,
        jobs=raw.get("jobs", 0),
        respect_gitignore=raw.get("respect-gitignore", True),
    )
    return settings
