"""``concise``: one line per finding, ``path:line:col: CODE [severity] message``."""
from factlint.formats import Format


def headline(f) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


class ConciseFormat(Format):
    name = "concise"
    machine = False

    def render(self, findings, context):
        return "".join(headline(f) + "\n" for f in findings)
