"""One helper for values read from YAML: dates become ISO strings.

YAML turns ``2024-06-01`` into a ``date``; JSON Schema, the cache (JSON) and
the checks all expect plain strings, so every YAML reader passes through here.
"""


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
