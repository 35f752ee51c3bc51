"""``concise``: one line per finding, ``path:line:col: CODE [severity] message``."""
from factlint.formats import LineFormat


def headline(f) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


class ConciseFormat(LineFormat):
    name = "concise"
    machine = False

    def line(self, finding, context):
        return headline(finding) + "\n"
