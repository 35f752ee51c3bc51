"""``github``: GitHub Actions workflow commands, shown as annotations on the diff."""
from factlint.formats import LineFormat

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormat(LineFormat):
    name = "github"

    def line(self, f, context):
        props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.code + ' ' + f.name)}")
        return f"::{LEVELS[f.severity]} {props}::{_escape_data(f.code + ' ' + f.message)}\n"
