"""Reading YAML the same way everywhere: libyaml when present, YAML 1.2 booleans, dates as strings.

PyYAML follows YAML 1.1, where ``no``, ``on``, ``yes`` and ``off`` are
booleans: a Portuguese stop-word list holding "no", an abbreviation list
holding "No" or a front matter saying ``lang: no`` would silently hold
``False``.  ``loader()`` reads only ``true`` and ``false`` as booleans, as
YAML 1.2 does; a boolean option written ``yes`` is then a schema error with
its line, not a silent guess.  ``plain`` turns dates into ISO strings, which
JSON Schema, the cache (JSON) and the checks expect.
"""
from __future__ import annotations

import functools
import re

_BOOL = "tag:yaml.org,2002:bool"


@functools.lru_cache(maxsize=None)
def loader():
    """The PyYAML loader class every reader uses."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it

    class Loader(base):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return Loader


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
