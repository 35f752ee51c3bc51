"""Every format renders one shared list of sample findings; the output is compared with a snapshot.

A change to a format is reviewed as a diff of tests/snapshots/.  To accept a
deliberate change: FACTLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_formats.py
"""
import os
from pathlib import Path

import pytest

from factlint.findings import Finding
from factlint.formats import RenderContext
from factlint.plugins import formats, get_plugin_manager
from factlint.ruleset import Rule

SNAPSHOTS = Path(__file__).parent / "snapshots"
SOURCE = {"articles/es.md": ["La compañía dijo que fue descargado 180 millones de veces.", "Yann Lacon habló."],
          "articles/en.md": ["The company said it was downloaded 18 million times."]}
RULES = {
    "FL101": Rule(code="FL101", name="misspelled-name", kind="name", severity="warning", message="m",
                  description="A name is misspelled.\n\nWhat it flags: ...", examples=[]),
    "FL201": Rule(code="FL201", name="number-mismatch-across-translations", kind="number", severity="error",
                  message="m", description="A figure differs between translations.\n\nWhat it flags: ...", examples=[]),
}
FINDINGS = [
    Finding(path="articles/es.md", line=1, column=37, end_line=1, end_column=49, code="FL201", kind="number",
            severity="error", message="Figure differs between translations: 180,000,000 here, 18,000,000 in articles/en.md:1",
            related=[{"path": "articles/en.md", "line": 1, "column": 36, "message": "'18 million' in the en version"}],
            name="number-mismatch-across-translations", start=36, end=48, snippet="180 millones"),
    Finding(path="articles/es.md", line=2, column=1, end_line=2, end_column=11, code="FL101", kind="name",
            severity="warning", message='"Yann Lacon" is probably "Yann LeCun" (sounds alike; 2 letters differ)',
            fix={"replacement": "Yann LeCun", "message": "Replace with 'Yann LeCun'"}, name="misspelled-name",
            start=59, end=69, snippet="Yann Lacon"),
    Finding(path="articles/en.md", line=1, column=36, end_line=1, end_column=46, code="FL201", kind="number",
            severity="error", message="Figure differs between translations: 18,000,000 here, 180,000,000 in articles/es.md:1",
            related=[{"path": "articles/es.md", "line": 1, "column": 37, "message": "'180 millones' in the es version"}],
            name="number-mismatch-across-translations", start=35, end=45, snippet="18 million"),
]


def _context():
    def source_line(path, line):
        lines = SOURCE.get(path, [])
        return lines[line - 1] if 0 < line <= len(lines) else None

    return RenderContext(rules=RULES, source_line=source_line, version="VERSION", color=False)


@pytest.mark.parametrize("name", ["text", "concise", "json", "jsonl", "sarif", "github", "junit", "html"])
def test_format_snapshot(name):
    fmt = formats(get_plugin_manager())[name]()
    rendered = fmt.render(FINDINGS, _context())
    snapshot = SNAPSHOTS / f"{name}.snap"
    if os.environ.get("FACTLINT_UPDATE_SNAPSHOTS"):
        snapshot.write_text(rendered, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {snapshot.name}: run with FACTLINT_UPDATE_SNAPSHOTS=1 and review it"
    assert rendered == snapshot.read_text(encoding="utf-8")


def test_empty_output_is_valid():
    import json
    import xml.dom.minidom

    fmts = formats(get_plugin_manager())
    assert json.loads(fmts["json"]().render([], _context())) == []
    assert json.loads(fmts["sarif"]().render([], _context()))["runs"][0]["results"] == []
    xml.dom.minidom.parseString(fmts["junit"]().render([], _context()))


def test_html_report_escapes_and_marks():
    """The report escapes what articles hold (an article may quote markup) and marks the span."""
    from html.parser import HTMLParser

    fmt = formats(get_plugin_manager())["html"]()
    finding = Finding(path="a<b>.md", line=1, column=5, end_line=1, end_column=13, code="FL101", kind="name",
                      severity="warning", message='"<script>" is not a name', name="misspelled-name")
    context = _context()
    context.source_line = lambda path, line: "see <script>alert(1)</script> here"
    page = fmt.render([finding], context)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "see <mark>&lt;script&gt;</mark>alert(1)" in page
    assert 'href="#FL101"' in page and 'id="FL101"' in page  # the rule's description is in the page

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            assert self.open and self.open.pop() == tag, tag

    parser = Tags()
    parser.feed(page)
    assert parser.open == []  # every element closed, in order
    assert "no findings" in fmt.render([], _context())
