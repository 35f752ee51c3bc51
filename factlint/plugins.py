"""The plugin manager: built-ins first, then third-party entry points."""
from __future__ import annotations

import functools
import importlib
import sys

import pluggy

from factlint import hookspecs
from factlint.errors import ConfigError

ENTRY_POINT_GROUP = "factlint"

BUILTIN_PLUGINS = (
    "factlint.readers.text",
    "factlint.readers.markdown",
    "factlint.readers.html",
    "factlint.checks.builtin",
    "factlint.formats.builtin",
)


@functools.lru_cache(maxsize=None)
def get_plugin_manager(load_entry_points: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("factlint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        _load_entry_points(pm)
    pm.check_pending()
    from factlint.lang import add_language_dir

    for dirs in pm.hook.factlint_language_dirs():
        for directory in dirs or ():
            add_language_dir(directory)
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Load each third-party plugin on its own, naming the one that fails."""
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if pm.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # a broken plugin must not crash the linter
            dist = getattr(ep, "dist", None)
            version = f" {dist.name} {dist.version}" if dist else ""
            print(f"warning: plugin {ep.name!r}{version} could not be loaded: {exc}", file=sys.stderr)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(f"plugin error: {exc}") from None


def collect(pm, hook_name: str) -> list:
    """Flatten the lists every plugin returns from a contribute-yours hook."""
    items = []
    for result in getattr(pm.hook, hook_name)():
        items.extend(result or ())
    return items


def rule_kinds(pm) -> dict:
    kinds = {}
    for cls in collect(pm, "factlint_rule_kinds"):
        kinds[cls.name] = cls
    return kinds


def formats(pm) -> dict:
    return {cls.name: cls for cls in collect(pm, "factlint_formats")}


def file_extensions(pm) -> tuple[str, ...]:
    return tuple(ext.lower() for ext in collect(pm, "factlint_file_extensions"))
