"""A third-party plugin found through the `factlint` entry-point group adds a rule kind,
a rule pack and a format, and works from the command line."""
import json
import os
import subprocess
import sys
import textwrap

from conftest import write

PLUGIN = '''
from factlint.checks import RuleKind, finding
from factlint.formats import Format
from factlint.hookspecs import hookimpl
import pathlib


class ShoutKind(RuleKind):
    """Flags words written in capitals."""
    name = "shout"
    options_schema = {"min_length": {"type": "integer"}}

    def document(self, doc):
        import re
        out = []
        for rule in self.rules:
            n = rule.options.get("min_length", 4)
            for m in re.finditer(r"\\b[A-Z]{%d,}\\b" % n, doc.text):
                out.append(finding(doc, rule, m.start(), m.end(), rule.format_message(word=m.group())))
        return out, None


class CountFormat(Format):
    name = "count"

    def render(self, findings, context):
        return f"{len(findings)} findings\\n"


@hookimpl
def factlint_rule_kinds():
    return [ShoutKind]


@hookimpl
def factlint_formats():
    return [CountFormat]


@hookimpl
def factlint_rule_packs():
    return [pathlib.Path(__file__).parent / "shout_rules.yaml"]
'''

RULES = '''
rules:
  - code: XX001
    name: shouting
    kind: shout
    severity: info
    message: 'Shouting: {word}'
    min_length: 5
    description: |
      Words in capitals.

      What it flags: SHOUTING. Why it matters to a reader: it is loud.
      Example: "HELLO" Use instead: "hello"
    examples: [{fail: "HELLO there"}, {pass: "Hi NASA"}]
'''


def _install(tmp_path):
    site = tmp_path / "site"
    write(site / "shout_plugin.py", PLUGIN)
    write(site / "shout_rules.yaml", RULES)
    dist = site / "shout_plugin-0.1.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: shout-plugin\nVersion: 0.1\n")
    write(dist / "entry_points.txt", "[factlint]\nshout = shout_plugin\n")
    env = {**os.environ, "PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return env


def test_third_party_kind_and_format_from_cli(tmp_path):
    env = _install(tmp_path)
    article = write(tmp_path / "a.md", "---\nlang: en\n---\nThe COMPANY said HELLO to NASA.\n")
    run = lambda *a: subprocess.run([sys.executable, "-m", "factlint", *a], capture_output=True, text=True,
                                    env=env, cwd=tmp_path)
    r = run("check", str(article), "--format", "json", "--no-cache")
    codes = [(f["code"], f["kind"], f["message"]) for f in json.loads(r.stdout)]
    assert ("XX001", "shout", "Shouting: COMPANY") in codes and ("XX001", "shout", "Shouting: HELLO") in codes
    assert not any("NASA" in c[2] for c in codes)
    r = run("check", str(article), "--format", "count", "--no-cache")
    assert r.stdout == "2 findings\n"
    assert "XX001" in run("rules").stdout


def test_broken_plugin_is_named_not_fatal(tmp_path):
    site = tmp_path / "site"
    write(site / "broken_plugin.py", "raise ImportError('missing dependency foo')\n")
    dist = site / "broken_plugin-0.1.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    write(dist / "entry_points.txt", "[factlint]\nbroken = broken_plugin\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    r = subprocess.run([sys.executable, "-m", "factlint", "rules"], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and "plugin 'broken'" in r.stderr and "missing dependency foo" in r.stderr
