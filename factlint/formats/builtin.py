"""Registers the built-in output formats, like any plugin."""
from factlint.hookspecs import hookimpl


@hookimpl
def factlint_formats():
    from factlint.formats.concise import ConciseFormat
    from factlint.formats.github import GithubFormat
    from factlint.formats.html import HtmlFormat
    from factlint.formats.json import JsonFormat, JsonLinesFormat
    from factlint.formats.junit import JunitFormat
    from factlint.formats.sarif import SarifFormat
    from factlint.formats.text import TextFormat

    return [TextFormat, ConciseFormat, JsonFormat, JsonLinesFormat, SarifFormat, GithubFormat, JunitFormat, HtmlFormat]
