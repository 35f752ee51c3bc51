"""A third-party plugin found through the `factlint` entry-point group adds rule kinds
(one with a plain corpus phase), a rule pack and a format, and works from the command line."""
import json
import os
import subprocess
import sys

from conftest import write

PLUGIN = '''
from factlint.checks import RuleKind, corpus_finding, finding, span_location
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


class SameHeadlineKind(RuleKind):
    """Two articles with the same first line: a corpus phase without a summary."""
    name = "same-headline"
    corpus_phase = True

    def document(self, doc):
        first = doc.text.strip().splitlines()[0]
        start = doc.text.index(first)
        return [], {"headline": first, "loc": span_location(doc, start, start + len(first))}

    def corpus(self, corpus):
        groups, out = {}, []
        for entry in corpus:
            groups.setdefault(entry.extracts["same-headline"]["headline"], []).append(entry)
        for members in groups.values():
            for entry in members:
                others = [m.path for m in members if m is not entry]
                if entry.checked and others:
                    for rule in self.rules:
                        message = rule.format_message(other=others[0])
                        out.append(corpus_finding(entry, rule, entry.extracts["same-headline"]["loc"], message))
        return out


class CountFormat(Format):
    name = "count"

    def render(self, findings, context):
        return f"{len(findings)} findings\\n"


@hookimpl
def factlint_rule_kinds():
    return [ShoutKind, SameHeadlineKind]


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
  - code: XX002
    name: same-headline
    kind: same-headline
    severity: warning
    message: 'Same headline as {other}'
    description: |
      Two articles open with the same line.

      What it flags: a copied headline. Why it matters to a reader: two stories look like one.
      Example: two files titled "Meta opens Llama". Use instead: distinct headlines.
    examples:
      - fail: [{text: "Meta opens Llama"}, {text: "Meta opens Llama"}]
      - pass: [{text: "Meta opens Llama"}, {text: "Google opens Gemma"}]
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


def test_third_party_corpus_kind_without_summary(tmp_path):
    """A corpus kind with only corpus(entries) gets every document's extracts, cached or not,
    and a one-file run against the corpus still compares that file with the others."""
    env = _install(tmp_path)
    write(tmp_path / ".factlint.yaml", "corpus: ['news/*.md']\nselect: [XX002]\n")
    for i in range(5):
        write(tmp_path / "news" / f"n{i}.md", f"---\nlang: en\n---\nHeadline number {i}\n\nText.\n")
    write(tmp_path / "news" / "copy.md", "---\nlang: en\n---\nHeadline number 3\n\nMore text.\n")
    run = lambda *a: subprocess.run([sys.executable, "-m", "factlint", *a], capture_output=True, text=True,
                                    env=env, cwd=tmp_path)
    for args in (("--no-cache",), (), ()):  # without the cache, cold, warm
        found = json.loads(run("check", "--format", "json", *args).stdout)
        assert [(f["path"], f["message"]) for f in found] == [("news/copy.md", "Same headline as news/n3.md"),
                                                              ("news/n3.md", "Same headline as news/copy.md")]
    one = json.loads(run("check", "news/copy.md", "--format", "json").stdout)
    assert [(f["path"], f["line"], f["message"]) for f in one] == [("news/copy.md", 4, "Same headline as news/n3.md")]


LANGUAGE_PLUGIN = '''
import pathlib
from factlint.hookspecs import hookimpl


@hookimpl
def factlint_language_dirs():
    return [pathlib.Path(__file__).parent / "languages"]
'''


def _language_plugin(tmp_path, french: str):
    site = tmp_path / "site"
    write(site / "french_plugin.py", LANGUAGE_PLUGIN)
    write(site / "languages" / "fr.yaml", french)
    dist = site / "french_plugin-0.1.dist-info"
    write(dist / "METADATA", "Metadata-Version: 2.1\nName: french-plugin\nVersion: 0.1\n")
    write(dist / "entry_points.txt", "[factlint]\nfrench = french_plugin\n")
    return {**os.environ, "PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def test_a_plugin_adds_a_language_and_its_mistakes_are_named(tmp_path):
    """A language is data a plugin may add; a wrong field in it is a clear error (file, line,
    field), never a traceback mid-run."""
    french = ("code: fr\nname: French\nstopwords: [le, la, les, de, des, et, un, une, est, que, il, elle]\n"
              "months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\n"
              "number_words: {deux: 2, trois: 3}\nscales: {millions: 1e6}\n")
    article = write(tmp_path / "a.md", "---\nlang: fr\n---\nLe le gouvernement a dit que la réforme est prête. "
                                       "Le ministre a ajouté : « Nous verrons bien.\n")
    run = lambda env: subprocess.run([sys.executable, "-m", "factlint", "check", str(article), "--no-cache",
                                      "--format", "json"], capture_output=True, text=True, env=env, cwd=tmp_path)
    r = run(_language_plugin(tmp_path, french))
    codes = [f["code"] for f in json.loads(r.stdout)]
    assert r.returncode == 1 and "FL001" in codes and "FL305" in codes, r.stderr  # quotation marks pair in any language
    r = run(_language_plugin(tmp_path, french.replace("scales: {millions: 1e6}", "scales: [millions]")))
    assert r.returncode == 2 and "fr.yaml:6:" in r.stderr and "'scales' must be of type object" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_factlint_s_own_languages_hold_to_the_language_schema():
    import yaml
    from jsonschema import Draft202012Validator

    from factlint.lang import LANG_DIR
    from factlint.ruleset import load_schema
    from factlint.yamlio import loader

    validator = Draft202012Validator(load_schema("language.schema.json"))
    for path in sorted(LANG_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader())
        assert [e.message for e in validator.iter_errors(data)] == [], path.name
        assert data["code"] == path.stem
