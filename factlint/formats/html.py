"""``html``: a self-contained report for editors, to open in a browser or attach to a review.

A summary (findings per severity and per rule) comes first, then each file
with its findings: the source line with the flagged words marked, the fix, the
other places involved (the other translation), and at the end what each rule
that fired checks and why it matters.  No script and no external file: the
page reads the same saved, mailed or archived by CI.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from factlint.formats import Format, plural
from factlint.findings import severity_rank

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { padding: .2em .8em; text-align: left; border-bottom: 1px solid #eee; }
.finding { margin: .8em 0 1.2em; } .where { font-family: ui-monospace, monospace; color: #555; }
.sev { display: inline-block; min-width: 5em; font-size: .8em; font-weight: bold; text-transform: uppercase; }
.error { color: #b00020; } .warning { color: #9a6700; } .info { color: #0969da; }
pre { background: #f6f8fa; padding: .5em .8em; margin: .3em 0; white-space: pre-wrap; word-break: break-word; }
mark { background: #ffe08a; } .fix { color: #1a7f37; } .related { color: #555; margin: 0; padding-left: 1.5em; }
dt { font-weight: bold; margin-top: .8em; } dd { margin-left: 1.5em; }
"""


class HtmlFormat(Format):
    name = "html"

    def render(self, findings, context):
        findings = sorted(findings, key=lambda f: f.sort_key())
        by_path: dict[str, list] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>factlint report: {plural(len(findings), 'finding')}</title>",
            f"<style>{STYLE}</style></head><body>",
            "<h1>factlint report</h1>",
            self._summary(findings, by_path, context),
        ]
        for i, (path, items) in enumerate(by_path.items()):
            parts.append(f'<h2 id="file-{i + 1}">{escape(path)} <small>({len(items)})</small></h2>')
            parts.extend(self._finding(f, context) for f in items)
        parts.append(self._rules(findings, context))
        parts.append("</body></html>\n")
        return "\n".join(parts)

    @staticmethod
    def _summary(findings, by_path, context) -> str:
        checked = f"{plural(context.checked_files, 'file')} checked, " if context.checked_files else ""
        if not findings:
            return f"<p>{checked}no findings. <small>factlint {escape(context.version)}</small></p>"
        severities = Counter(f.severity for f in findings)
        counted = ", ".join(f'<span class="{s}">{severities[s]} {s}</span>'
                            for s in sorted(severities, key=severity_rank, reverse=True))
        rows = "".join(
            f'<tr><td><a href="#{code}">{code}</a></td><td>{escape(_rule_name(code, findings, context))}</td>'
            f"<td>{n}</td></tr>" for code, n in sorted(Counter(f.code for f in findings).items()))
        files = "".join(f'<li><a href="#file-{i + 1}">{escape(p)}</a> ({len(items)})</li>'
                        for i, (p, items) in enumerate(by_path.items()))
        return (f"<p>{checked}{plural(len(findings), 'finding')} in {plural(len(by_path), 'file')}: {counted}. "
                f"<small>factlint {escape(context.version)}</small></p>"
                f"<table><tr><th>rule</th><th>name</th><th>findings</th></tr>{rows}</table>"
                f"<ul>{files}</ul>")

    @staticmethod
    def _finding(f, context) -> str:
        out = ['<div class="finding">',
               f'<div><span class="sev {f.severity}">{f.severity}</span> '
               f'<span class="where">{escape(f.path)}:{f.line}:{f.column}</span> '
               f'<a href="#{f.code}">{f.code}</a> {escape(f.message)}</div>']
        source = context.source_line(f.path, f.line)
        if source is not None:
            start = max(0, min(len(source), f.column - 1))
            end = f.end_column - 1 if f.end_line == f.line else len(source)
            end = max(start, min(len(source), end))
            out.append(f"<pre>{f.line:>5} | {escape(source[:start])}<mark>{escape(source[start:end])}</mark>"
                       f"{escape(source[end:])}</pre>")
        if f.fix:
            out.append(f'<div class="fix">fix: {escape(f.fix["message"])}</div>')
        if f.related:
            items = "".join(f"<li>{escape(r['path'])}:{r['line']}:{r['column']}"
                            f"{' — ' + escape(r['message']) if r.get('message') else ''}</li>" for r in f.related)
            out.append(f'<ul class="related">{items}</ul>')
        out.append("</div>")
        return "".join(out)

    @staticmethod
    def _rules(findings, context) -> str:
        codes = sorted({f.code for f in findings})
        if not codes:
            return ""
        entries = []
        for code in codes:
            rule = context.rules.get(code)
            if rule is None:
                continue
            body = escape(rule.description.strip()).replace("\n\n", "</p><p>")
            entries.append(f'<dt id="{code}">{code} {escape(rule.name)}</dt><dd><p>{body}</p></dd>')
        return "<h2>The rules that fired</h2><dl>" + "".join(entries) + "</dl>" if entries else ""


def _rule_name(code, findings, context) -> str:
    rule = context.rules.get(code)
    return rule.name if rule is not None else next((f.name for f in findings if f.code == code), "")

