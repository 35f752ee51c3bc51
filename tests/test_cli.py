"""The command line as a user meets it: exit codes, formats, errors, fixes, config."""
import json
import os
from pathlib import Path

import jsonschema
import pytest

from conftest import SEEDS, run_cli, write

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def test_seeds_text_output_has_caret_and_exit_1(cli):
    r = cli("check", str(SEEDS), "--no-cache")
    assert r.returncode == 1
    assert "FL101" in r.stdout and "^" in r.stdout and "Found" in r.stdout


@pytest.mark.parametrize("fmt", ["concise", "json", "jsonl", "sarif", "github", "junit"])
def test_every_format_renders_seeds(cli, fmt):
    r = cli("check", str(SEEDS), "--format", fmt, "--no-cache")
    assert r.returncode == 1 and r.stdout.strip() and "Traceback" not in r.stderr


def test_output_file_takes_the_report(cli, tmp_path):
    """--output-file writes the whole report there (a SARIF file for CI); standard output stays empty."""
    out = tmp_path / "factlint.sarif"
    r = cli("check", str(SEEDS), "--format", "sarif", "--no-cache", "--output-file", str(out))
    assert r.returncode == 1 and r.stdout == ""
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SARIF_SCHEMA)
    text = tmp_path / "report.txt"
    r = cli("check", str(SEEDS), "--no-cache", "--statistics", "-o", str(text))
    assert r.returncode == 1 and r.stdout == ""
    report = text.read_text(encoding="utf-8")
    assert "FL101" in report and "\x1b[" not in report and report.rstrip().splitlines()[-1].startswith("Found ")


def test_output_file_in_a_missing_directory_is_a_usage_error(cli, tmp_path):
    r = cli("check", str(SEEDS), "--no-cache", "--output-file", str(tmp_path / "nowhere" / "report.txt"))
    assert r.returncode == 2 and "--output-file" in r.stderr and "no such directory" in r.stderr
    assert "Traceback" not in r.stderr


def test_json_contract_fields(cli):
    r = cli("check", str(SEEDS), "--format", "json", "--no-cache")
    data = json.loads(r.stdout)
    assert data and all(list(f) == ["path", "line", "column", "end_line", "end_column", "code", "kind",
                                    "severity", "message", "fix", "related"] for f in data)
    assert {f["kind"] for f in data} <= {"pattern", "name", "number", "sourcing", "fact"}


def test_sarif_validates_against_official_schema(cli):
    r = cli("check", str(SEEDS), "--format", "sarif", "--no-cache")
    log = json.loads(r.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [x["id"] for x in rules] == sorted(x["id"] for x in rules)
    assert all(x["fullDescription"]["text"] for x in rules)


def test_github_annotations(cli):
    r = cli("check", str(SEEDS), "--format", "github", "--select", "FL101", "--no-cache")
    assert r.stdout.startswith("::warning file=")


def test_clean_file_exits_0(cli, tmp_path):
    write(tmp_path / "ok.md", "---\nlang: en\n---\nThe company said it had 2,000 employees.\n")
    r = cli("check", str(tmp_path / "ok.md"), "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "All checks passed" in r.stdout


def test_exit_zero_and_select(cli):
    assert cli("check", str(SEEDS), "--exit-zero", "--no-cache").returncode == 0
    r = cli("check", str(SEEDS), "--select", "FL003", "--format", "json", "--no-cache")
    assert {f["code"] for f in json.loads(r.stdout)} == {"FL003"}
    r = cli("check", str(SEEDS), "--ignore", "FL1,FL0", "--format", "json", "--no-cache")
    assert not any(f["code"].startswith(("FL1", "FL0")) for f in json.loads(r.stdout))


def test_severity_threshold(cli):
    r = cli("check", str(SEEDS), "--severity", "error", "--format", "json", "--no-cache")
    assert all(f["severity"] == "error" for f in json.loads(r.stdout))


def test_unknown_rule_code_is_usage_error(cli):
    r = cli("check", str(SEEDS), "--select", "FL999")
    assert r.returncode == 2 and "FL999" in r.stderr and "Traceback" not in r.stderr
    r = cli("explain", "FL998")
    assert r.returncode == 2 and "unknown rule code" in r.stderr


def test_rules_and_explain(cli):
    r = cli("rules")
    assert r.returncode == 0 and "FL101" in r.stdout and "misspelled-name" in r.stdout
    lines = r.stdout.splitlines()
    assert len({line.index(" warning ") if " warning " in line else line.index(" SEVERITY ")
                for line in lines if " warning " in line or " SEVERITY " in line}) == 1  # columns line up
    r = cli("explain", "FL101")
    assert r.returncode == 0 and "What it flags" in r.stdout and "Examples:" in r.stdout
    data = json.loads(cli("explain", "FL201", "--format", "json").stdout)
    assert data["code"] == "FL201" and data["kind"] == "number"


def test_version(cli):
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("factlint ")


# -- bad input ------------------------------------------------------------------

def test_bad_files_named_others_still_checked(cli, tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes("Según la empresa, ganó 20 millones.".encode("latin-1"))
    write(tmp_path / "bad.md", "The the model was released.\n")
    write(tmp_path / "empty.md", "")
    (tmp_path / "utf16.md").write_bytes("Según la empresa.".encode("utf-16"))
    r = cli("check", str(tmp_path), "--no-cache", "--format", "json")
    assert r.returncode == 2
    assert "bin.txt: binary file" in r.stderr
    assert "utf16.md: UTF-16 text, not UTF-8; convert it with: iconv -f utf-16 -t utf-8" in r.stderr
    assert "latin1.txt: not valid UTF-8 at byte 3" in r.stderr and "iconv" in r.stderr
    assert "(looks like cp1252; " in r.stderr  # a Western code page first, not any that fits
    assert "Traceback" not in r.stderr
    partial = cli("check", str(tmp_path / "bin.txt"), str(tmp_path / "empty.md"), "--no-cache")
    assert partial.returncode == 2 and "All checks passed" not in partial.stdout  # a file went unchecked
    assert "No findings (1 file). 1 file could not be checked (errors above)." in partial.stdout
    assert any(f["code"] == "FL001" for f in json.loads(r.stdout))  # the good file was checked


def test_missing_path_and_empty_directory(cli, tmp_path):
    r = cli("check", str(tmp_path / "missing.md"))
    assert r.returncode == 2 and "no such file" in r.stderr
    (tmp_path / "empty").mkdir()
    r = cli("check", str(tmp_path / "empty"))
    assert r.returncode == 2 and "no articles found" in r.stderr


def test_malformed_front_matter(cli, tmp_path):
    write(tmp_path / "a.md", "---\nlang: [en\n---\nText.\n")
    r = cli("check", str(tmp_path / "a.md"), "--no-cache")
    assert r.returncode == 2 and "a.md:" in r.stderr and "malformed front matter" in r.stderr
    assert "Traceback" not in r.stderr
    # a quoted value that goes on after its closing mark: where, and the usual fix
    write(tmp_path / "b.md", '---\ntitle: "AI will change news", says a researcher\n---\nText.\n')
    r = cli("check", str(tmp_path / "b.md"), "--no-cache")
    assert r.returncode == 2 and "b.md:2:" in r.stderr and "quote the whole value" in r.stderr, r.stderr


def test_enormous_line(cli, tmp_path):
    write(tmp_path / "long.txt", ("Meta said the the figure was 20,000. " * 30000) + "\n")
    r = cli("check", str(tmp_path / "long.txt"), "--no-cache", "--format", "concise")
    assert r.returncode == 1 and "FL001" in r.stdout


def test_unknown_config_key_suggests(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "selct: [FL1]\n")
    write(tmp_path / "ok.md", "Fine.\n")
    r = cli("check", "ok.md", cwd=tmp_path)
    assert r.returncode == 2 and "selct" in r.stderr and "did you mean 'select'" in r.stderr


def test_pyproject_config(cli, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factlint]\nignore = ["FL001"]\n')
    write(tmp_path / "a.md", "The the model.\n")
    assert cli("check", "a.md", "--no-cache", cwd=tmp_path).returncode == 0


def test_broken_rule_pack_names_file_line_field(cli, tmp_path):
    write(tmp_path / "pack" / "bad.yaml", """rules:
  - code: FL901
    name: my-rule
    kind: pattern
    severity: fatal
    message: m
    description: d
    patterns: [x]
    examples: [{pass: "y"}]
""")
    write(tmp_path / ".factlint.yaml", "packs: [pack]\n")
    write(tmp_path / "a.md", "Text.\n")
    r = cli("check", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "bad.yaml:5: rule FL901: 'severity' must be one of error, warning, info" in r.stderr


def test_regex_that_does_not_compile(cli, tmp_path):
    write(tmp_path / "pack" / "bad.yaml", """rules:
  - {code: FL902, name: my-rule, kind: pattern, severity: info, message: m, description: d,
     patterns: ['(unclosed'], examples: [{pass: y}]}
""")
    write(tmp_path / ".factlint.yaml", "packs: [pack]\n")
    write(tmp_path / "a.md", "Text.\n")
    r = cli("check", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "FL902" in r.stderr and "does not compile" in r.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_language_pattern_that_does_not_compile(cli, tmp_path, jobs):
    """Statement and signal patterns are compiled for a language when its first article comes
    (a one-file run compiles its own language only): a broken one is a clear error then, in
    this process or in a worker."""
    write(tmp_path / "pack" / "facts.yaml", "statements:\n  - {lang: pt, type: founded, pattern: '(?P<org>{NAME}) (unclosed'}\n")
    write(tmp_path / "pack" / "signals.yaml", "signals:\n  - {lang: es, hedges: ['(unclosed']}\n")
    write(tmp_path / ".factlint.yaml", "packs: [pack]\n")
    for i in range(20):  # enough for worker processes (engine.PARALLEL_THRESHOLD)
        for lang in ("en", "es", "pt"):
            write(tmp_path / f"a{i}.{lang}.md", f"---\nlang: {lang}\n---\nText.\n")
    assert cli("check", "a0.en.md", "--no-cache", cwd=tmp_path).returncode == 0
    r = cli("check", ".", "--no-cache", "--jobs", jobs, cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "statement pattern does not compile" in r.stderr or "sourcing signals for 'es'" in r.stderr


def test_malformed_yaml_pack(cli, tmp_path):
    write(tmp_path / "pack" / "bad.yaml", "rules:\n  - code: [\n")
    write(tmp_path / ".factlint.yaml", "packs: [pack]\n")
    write(tmp_path / "a.md", "Text.\n")
    r = cli("check", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "bad.yaml:" in r.stderr and "invalid YAML" in r.stderr


def test_yaml_1_1_booleans_stay_words(cli, tmp_path):
    """"no" and "on" are words (Portuguese "no", "on" in English), never YAML 1.1 booleans;
    a boolean option written "yes" is a schema error with its place, not a silent guess."""
    from factlint.lang import load

    assert "no" in load("pt").stopwords and "on" in load("en").stopwords and "No" in load("en").abbreviations
    rule = """rules:
  - code: FL951
    name: banned-words
    kind: pattern
    severity: warning
    message: 'Avoid "{match}"'
    description: Words the desk avoids.
"""
    write(tmp_path / "pack" / "words.yaml", rule + """    patterns: [no, "off"]
    examples: [{fail: "There is no way."}, {pass: "There is a way."}]
""")
    write(tmp_path / ".factlint.yaml", "packs: [pack]\n")
    write(tmp_path / "a.md", "---\nlang: en\n---\nThere is no way.\n")
    r = cli("check", "a.md", "--select", "FL951", "--format", "json", "--no-cache", cwd=tmp_path)
    assert r.returncode == 1 and [f["message"] for f in json.loads(r.stdout)] == ['Avoid "no"']
    write(tmp_path / "pack" / "words.yaml", rule + """    patterns: [never]
    examples: [{fail: "Never again."}]
    ignorecase: yes
""")
    r = cli("check", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "words.yaml:10" in r.stderr and "ignorecase" in r.stderr and "Traceback" not in r.stderr


# -- markup, suppressions, fixes, baseline -----------------------------------------

def test_markdown_markup_and_positions(cli, tmp_path):
    text = ("---\nlang: en\nstory: s1\n---\n# Title\n\n```\nthe the code\n```\n\n"
            "Read [the the link](http://x.y/the%20the) and **Metta** news.\n")
    write(tmp_path / "a.md", text)
    r = cli("check", str(tmp_path / "a.md"), "--format", "json", "--no-cache")
    found = json.loads(r.stdout)
    fl001 = [f for f in found if f["code"] == "FL001"]
    assert len(fl001) == 1 and fl001[0]["line"] == 11 and fl001[0]["column"] == 7
    assert any(f["code"] == "FL101" and f["line"] == 11 for f in found)


def test_markdown_reader_masks_markup_in_place():
    from factlint.readers.markdown import MarkdownReader

    source = "Read [the link](http://x.y/a) and ![img](p.png) `code` **bold** <b>x</b>\n"
    text, _ = MarkdownReader().read("a.md", source)
    seen = "\u2060" * len("![img](p.png)"), "\u2060" * len("`code`")  # seen by a reader, read by no check
    assert len(text) == len(source) and text.split() == ["Read", "the", "link", "and", *seen, "bold", "x"]
    # no space before the full stop, as the reader sees it; no name across the code
    r = run_cli("check", "-", "--stdin-filename", "a.md", "--lang", "en", "--no-cache", "--select", "FL002,FL101",
                input="Install it with `pip install x`. Then ask Yann `y` Lacon.\n")
    assert r.returncode == 0, r.stdout
    plain = "No markup at all, 3 * 4 - 2.\n"  # the markup patterns that cannot match are skipped
    assert MarkdownReader().read("b.md", plain)[0] == plain


def test_decomposed_accents_read_as_composed(cli, tmp_path):
    """Accents typed as a letter and a combining mark (NFD) are the same letters: "José Pérez"
    is one name in both spellings, and a fix writes the file composed."""
    import unicodedata

    text = "---\nlang: es\n---\nEl investigador José Pérez dijo que Yann Lacon llegó, según la empresa.\n"
    (tmp_path / "nfd.md").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    write(tmp_path / "nfc.md", "---\nlang: es\n---\nJosé Pérez habló con la prensa, dijo la empresa.\n")
    r = cli("names", ".", "--no-cache", cwd=tmp_path)
    assert "José Pérez  (2 mentions in 2 files)" in r.stdout, r.stdout
    r = cli("check", ".", "--no-cache", "--fix", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "nfd.md").read_text(encoding="utf-8") == text.replace("Lacon", "LeCun")


def test_same_findings_in_txt_md_and_html(cli, tmp_path):
    body = "Yann Lacon said the the model was ready."
    write(tmp_path / "a.txt", body + "\n")
    write(tmp_path / "b.md", body + "\n")
    write(tmp_path / "c.html", f"<html lang='en'><body><p>{body}</p></body></html>\n")
    r = cli("check", str(tmp_path), "--format", "json", "--no-cache", "--lang", "en")
    by_file = {}
    for f in json.loads(r.stdout):
        by_file.setdefault(Path(f["path"]).suffix, set()).add(f["code"])
    assert by_file[".txt"] == by_file[".md"] == by_file[".html"] == {"FL001", "FL101"}


def test_html_entities_between_words_are_spaces(cli, tmp_path):
    """"1.500&nbsp;millones" is 1.5 billion and "Menlo&nbsp;Park" one name, as in plain text."""
    write(tmp_path / "a.html", "<html lang='es'><meta name='factlint:story' content='s'><p>Fue descargado "
                               "1.500&nbsp;millones de veces por 70&#160;000 personas en Menlo&nbsp;Park.</p></html>\n")
    write(tmp_path / "b.html", "<html lang='en'><meta name='factlint:story' content='s'><p>It was downloaded "
                               "1.5&nbsp;billion times by 70,000 people in Menlo&nbsp;Park.</p></html>\n")
    r = cli("check", str(tmp_path), "--format", "json", "--no-cache", "--select", "FL2")
    assert json.loads(r.stdout) == []
    from factlint.mentions import extract_mentions
    from factlint.lang import load

    assert [m.tokens for m in extract_mentions("en Menlo\xa0     Park hoy", load("es"))] == [["Menlo", "Park"]]


def test_html_columns_point_into_the_source(cli, tmp_path):
    write(tmp_path / "a.html", "<p>Hello &amp; the the end</p>\n")
    r = cli("check", str(tmp_path / "a.html"), "--format", "json", "--no-cache", "--lang", "en")
    f = [x for x in json.loads(r.stdout) if x["code"] == "FL001"][0]
    assert (f["line"], f["column"]) == (1, 16)


def test_spaces_left_by_markup_are_not_text(cli, tmp_path):
    """A tag or a link target (its title's spaces too) blanked before punctuation is no space; a match that crosses
    markup is reported as the reader sees it, and never fixed (the fix would delete the markup)."""
    write(tmp_path / "a.md", "Prices rose, [the bureau said](https://bls.gov/cpi/). It was the **the** end. "
                             'See [the report](https://x.com "The 2024 report").\n')
    html = ("<p>Prices rose, <a href='https://bls.gov'>the bureau said</a>.</p>"
            "<p>It was <b>the</b> the best <em>year</em> .</p><p>The end</p><p>end of story.</p>\n")
    write(tmp_path / "b.html", html)
    r = cli("check", str(tmp_path), "--format", "json", "--no-cache", "--lang", "en", "--select", "FL0")
    found = sorted((Path(f["path"]).name, f["code"], f["message"], f["fix"] is not None) for f in json.loads(r.stdout))
    assert found == [("a.md", "FL001", 'Repeated word "the the"', False),
                     ("b.html", "FL001", 'Repeated word "the the"', False),
                     ("b.html", "FL002", 'Space before "."', False)]  # "year</em> ." has a real space
    cli("check", str(tmp_path), "--fix", "--no-cache", "--lang", "en")
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == html


def test_inline_suppressions(cli, tmp_path):
    write(tmp_path / "a.md", "<!-- factlint: ignore FL001 -->\nThe the end.\n\nThe the end. <!-- factlint: ignore -->\n\nThe the end.\n")
    write(tmp_path / "b.txt", "[factlint: ignore FL001]\nThe the end.\n")
    r = cli("check", str(tmp_path), "--format", "json", "--no-cache", "--lang", "en")
    lines = [(Path(f["path"]).name, f["line"]) for f in json.loads(r.stdout) if f["code"] == "FL001"]
    assert lines == [("a.md", 6)]


def test_fix_and_diff(cli, tmp_path):
    path = write(tmp_path / "a.md", "Yann Lacon said the the model , was ready.\n")
    before = path.read_bytes()
    r = cli("check", str(path), "--diff", "--no-cache", "--lang", "en")
    assert "+Yann LeCun said the model, was ready." in r.stdout and path.read_bytes() == before
    r = cli("check", str(path), "--fix", "--no-cache", "--lang", "en")
    assert path.read_text() == "Yann LeCun said the model, was ready.\n"
    assert r.returncode == 0
    r = cli("check", str(path), "--fix", "--no-cache", "--lang", "en")
    assert path.read_text() == "Yann LeCun said the model, was ready.\n"


def test_fix_keeps_byte_order_mark_and_line_endings(cli, tmp_path):
    """A file saved on Windows (a byte-order mark, CRLF) is fixed in place and keeps both; so is
    an editor's buffer on standard input."""
    path = tmp_path / "a.md"
    original = "\ufeff---\r\nlang: en\r\n---\r\nYann Lacon said the the model , was ready.\r\n\r\nEnd.\r\n"
    path.write_bytes(original.encode("utf-8"))
    r = cli("check", str(path), "--fix", "--no-cache")
    assert "changed while it was checked" not in r.stderr and "Fixed 3 findings in 1 file." in r.stderr
    assert path.read_bytes() == original.replace("Lacon said the the model ,", "LeCun said the model,").encode("utf-8")
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "factlint", "check", "-", "--stdin-filename", "b.md", "--fix",
                        "--no-cache"], input=original.encode("utf-8"), capture_output=True, cwd=tmp_path)
    assert r.stdout == original.replace("Lacon said the the model ,", "LeCun said the model,").encode("utf-8")


def test_windows_line_endings_change_nothing(cli, tmp_path):
    """An article saved with CRLF line endings (front matter included) gets the findings, lines
    and columns of the same article saved with LF."""
    for name in ("lf", "crlf"):
        (tmp_path / name).mkdir()
    for seed in sorted(SEEDS.iterdir()):
        text = seed.read_text(encoding="utf-8")
        head = "---\nstory: s\n---\n" if not text.startswith("---") else ""
        (tmp_path / "lf" / f"{seed.stem}.md").write_bytes((head + text).encode("utf-8"))
        (tmp_path / "crlf" / f"{seed.stem}.md").write_bytes((head + text).replace("\n", "\r\n").encode("utf-8"))

    def found(name):
        r = cli("check", name, "--format", "json", "--no-cache", cwd=tmp_path)
        return sorted((Path(f["path"]).name, f["line"], f["column"], f["end_line"], f["end_column"], f["code"])
                      for f in json.loads(r.stdout))

    lf = found("lf")
    assert lf and found("crlf") == lf


def test_language_and_story_from_other_tools_conventions(cli, tmp_path):
    """Hugo's front matter keys (languageCode, translationKey) and file names (story.es.md) tell
    the language and the story when factlint's own keys are absent."""
    write(tmp_path / "a.md", "---\nlanguageCode: en\ntranslationKey: meta-llama\n---\n"
                             "Meta said the model had 18 million downloads.\n")
    write(tmp_path / "b.md", "---\nlanguage: es\ntranslationKey: meta-llama\n---\n"
                             "Meta dijo que el modelo tuvo 180 millones de descargas.\n")
    write(tmp_path / "nota.pt.md", "Modelo aberto.\n")  # too short to tell its language from its words
    r = cli("check", ".", "--format", "json", "--no-cache", "--select", "FL201", cwd=tmp_path)
    assert {Path(f["path"]).name for f in json.loads(r.stdout)} == {"a.md", "b.md"}
    r = cli("stories", ".", cwd=tmp_path)
    assert "meta-llama" in r.stdout and "nota.pt.md" not in r.stdout.split("meta-llama")[1].split("\n")[0]
    from factlint.config import Settings
    from factlint.plugins import get_plugin_manager
    from factlint.readers import document_from_source

    doc = document_from_source(str(tmp_path / "nota.pt.md"), "Modelo aberto.\n", Settings(root=tmp_path),
                               get_plugin_manager())
    assert doc.lang == "pt"


def test_translations_named_as_hugo_names_them_are_one_story(cli, tmp_path):
    """"about.en.md" and "about.es.md" in one folder are one article's versions; a story id in
    the front matter still wins, and a name without a supported language groups nothing."""
    write(tmp_path / "news" / "about.en.md", "The firm has 1,200 employees.\n")
    write(tmp_path / "news" / "about.es.md", "La firma tiene 12.000 empleados.\n")
    write(tmp_path / "news" / "other.en.md", "---\nstory: elsewhere\n---\nThe firm has 5,000 employees.\n")
    write(tmp_path / "news" / "other.es.md", "La firma tiene 9.000 empleados y 300 tiendas.\n")
    write(tmp_path / "news" / "notes.de.md", "The firm has 7,000 employees.\n")
    r = cli("check", ".", "--format", "json", "--no-cache", "--select", "FL201", cwd=tmp_path)
    found = {(Path(f["path"]).name, f["message"].rsplit("story ", 1)[-1]) for f in json.loads(r.stdout)}
    assert found == {("about.en.md", "'news/about')"), ("about.es.md", "'news/about')")}


def test_inputs_never_modified_without_fix(cli, tmp_path):
    files = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    for fmt in ("text", "json"):
        cli("check", str(SEEDS), "--format", fmt, "--no-cache")
    assert {p.name: p.read_bytes() for p in SEEDS.iterdir()} == files


def test_baseline_ignores_known_findings_only(cli, tmp_path):
    path = write(tmp_path / "a.md", "Intro.\n\nThe the model.\n")
    baseline = tmp_path / "baseline.json"
    assert cli("check", str(path), "--write-baseline", str(baseline), "--no-cache", "--lang", "en").returncode == 0
    path.write_text("New intro line.\nAnother.\n\nThe the model.\n")  # unrelated edit moves the finding
    assert cli("check", str(path), "--baseline", str(baseline), "--no-cache", "--lang", "en").returncode == 0
    path.write_text("New intro line.\n\nThe the model. A a new one.\n")
    r = cli("check", str(path), "--baseline", str(baseline), "--no-cache", "--lang", "en", "--format", "json")
    assert r.returncode == 1 and len(json.loads(r.stdout)) == 1


def test_per_file_ignores_and_metadata(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "per-file-ignores:\n  'drafts/*': [FL001]\nmetadata:\n  'x/*.txt': {lang: es}\n")
    write(tmp_path / "drafts" / "a.md", "The the draft.\n")
    assert cli("check", "drafts", "--no-cache", cwd=tmp_path).returncode == 0


def test_gitignore_respected(cli, tmp_path):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "ignored/\n")
    write(tmp_path / "ignored" / "a.md", "The the x.\n")
    write(tmp_path / "kept" / "b.md", "The the y.\n")
    r = cli("check", ".", "--format", "json", "--no-cache", "--lang", "en", cwd=tmp_path)
    assert {Path(f["path"]).parent.name for f in json.loads(r.stdout)} == {"kept"}
    # naming an ignored directory says why nothing is checked, and the flag checks it anyway
    r = cli("check", "ignored", "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and "git ignores 1 article file there" in r.stderr and "--no-respect-gitignore" in r.stderr
    r = cli("check", "ignored", "--no-cache", "--no-respect-gitignore", "--format", "json", cwd=tmp_path)
    assert r.returncode == 1 and {Path(f["path"]).parent.name for f in json.loads(r.stdout)} == {"ignored"}
    write(tmp_path / ".factlint.yaml", "respect-gitignore: false\n")
    r = cli("check", ".", "--format", "json", "--no-cache", "--lang", "en", cwd=tmp_path)
    assert {Path(f["path"]).parent.name for f in json.loads(r.stdout)} == {"kept", "ignored"}


def test_progress_bar_only_on_a_terminal(tmp_path):
    """A long run shows a progress bar on a terminal's stderr, and nothing when stderr is a pipe."""
    import pty
    import subprocess
    import sys

    for i in range(220):
        write(tmp_path / "news" / f"a{i}.md", f"---\nlang: en\n---\nThe company had {i + 20} employees.\n")
    cmd = [sys.executable, "-m", "factlint", "check", "news", "--no-cache", "--jobs", "1", "--format", "json"]
    piped = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True)
    assert piped.stderr == ""
    leader, follower = pty.openpty()
    report = tmp_path / "report.json"
    with os.fdopen(leader, "rb", buffering=0) as terminal, open(report, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=out, stderr=follower)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = terminal.read(4096)
            except OSError:  # the terminal closes when the run ends
                break
            if not chunk:
                break
            shown += chunk
        proc.wait(timeout=300)
    assert b"220/220 files" in shown and b"\r" in shown
    assert report.read_text() == piped.stdout  # the report itself is the same


def test_corpus_glob_honours_exclude_from_any_directory(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "corpus: ['news/**/*.md']\nexclude: ['news/drafts/*']\n")
    for name in ("news/a.md", "news/drafts/b.md"):
        write(tmp_path / name, "---\nlang: en\n---\nYann Lacon spoke.\n")
    (tmp_path / "sub").mkdir()
    for cwd, prefix in ((tmp_path, ""), (tmp_path / "sub", "../")):
        found = json.loads(cli("check", "--format", "json", "--no-cache", cwd=cwd).stdout)
        assert [f["path"] for f in found] == [f"{prefix}news/a.md"]


def test_standard_input(cli, tmp_path):
    """'-' reads an editor's buffer: Markdown reported as '-', or under --stdin-filename."""
    r = cli("check", "-", "--format", "concise", cwd=tmp_path, input="Yann Lacon said the the thing.\n")
    assert r.returncode == 1 and r.stdout.startswith("-:1:1: FL101") and "-:1:17: FL001" in r.stdout
    r = cli("check", "-", "--stdin-filename", "notes/a.md", "--format", "concise", cwd=tmp_path,
            input="---\nlang: es\n---\nDijo que la la cosa.\n")
    assert r.returncode == 1 and r.stdout.startswith("notes/a.md:4:10: FL001")
    assert cli("check", "-", cwd=tmp_path, input="A plain sentence.\n").returncode == 0
    r = cli("check", "-", "a.md", cwd=tmp_path, input="")
    assert r.returncode == 2 and "standard input" in r.stderr


def test_standard_input_stands_for_its_file_without_touching_it(cli, tmp_path):
    """The buffer replaces the file of that name in the corpus; the file, its stat in the cache
    and later runs on it are left alone; --fix writes the fixed buffer to standard output."""
    write(tmp_path / ".factlint.yaml", "lang: en\ncorpus: ['articles/*.md']\n")
    write(tmp_path / "articles/a.md", "The plan was drafted by Marta Oliveira.\n")
    write(tmp_path / "articles/b.md", "Marta Oliveira said the model was useful.\n")
    write(tmp_path / "articles/c.md", "Marta Oliveira runs the lab.\n")
    assert cli("check", "--format", "json", cwd=tmp_path).stdout.strip() == "[]"
    buffer = "The plan was drafted by Marta Olivera, who said the the plan was good.\n"
    r = cli("check", "-", "--stdin-filename", "articles/a.md", "--format", "concise", cwd=tmp_path, input=buffer)
    assert r.returncode == 1 and "articles/a.md:1:25: FL102" in r.stdout and "FL001" in r.stdout
    assert (tmp_path / "articles/a.md").read_text(encoding="utf-8") == "The plan was drafted by Marta Oliveira.\n"
    assert cli("check", "articles/a.md", "--format", "json", cwd=tmp_path).stdout.strip() == "[]"
    r = cli("check", "-", "--stdin-filename", "articles/a.md", "--fix", cwd=tmp_path, input=buffer)
    assert r.stdout == "The plan was drafted by Marta Olivera, who said the plan was good.\n"
    assert r.returncode == 1 and "FL102" in r.stderr  # no fix for a minority spelling: it is still there
    assert (tmp_path / "articles/a.md").read_text(encoding="utf-8") == "The plan was drafted by Marta Oliveira.\n"


def test_binary_standard_input_is_an_error(cli, tmp_path):
    import subprocess
    import sys

    for extra in ([], ["--fix"]):
        r = subprocess.run([sys.executable, "-m", "factlint", "check", "-", *extra],
                           input=b"\x00\x01\x02\xff\xfe" * 50, capture_output=True, cwd=tmp_path, timeout=120)
        assert r.returncode == 2 and r.stderr.count(b"error: -") == 1 and b"internal error" not in r.stderr
    assert r.stdout == b""  # --fix writes no buffer back


def test_a_reader_that_leaves_early_is_no_internal_error(tmp_path):
    """`factlint check | head -1`: the closed pipe ends the run quietly, without a traceback."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "factlint", "check", str(SEEDS), "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    proc.stdout.readline()
    proc.stdout.close()  # the reader leaves after one line
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr


def test_a_name_split_by_markup_is_read_whole_and_fixed_around_it(cli, tmp_path):
    """"Yann <em>Lacon</em>" and "**Mark** Zuckerburg" are names a reader sees whole; the fix
    replaces only the misspelt word, so the markup stays."""
    write(tmp_path / "a.md", "Yann *Lacon* said it, and **Mark** Zuckerburg agreed.\n")
    write(tmp_path / "b.html", "<p>Yann <em>Lacon</em> lo confirmó ayer en Madrid.</p>\n")
    r = cli("check", ".", "--no-cache", "--select", "FL101", "--format", "json", "--lang", "en", cwd=tmp_path)
    found = sorted((Path(f["path"]).name, f["message"].split('"')[1]) for f in json.loads(r.stdout))
    assert found == [("a.md", "Mark Zuckerburg"), ("a.md", "Yann Lacon"), ("b.html", "Yann Lacon")]
    cli("check", ".", "--no-cache", "--select", "FL101", "--fix", "--lang", "en", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "Yann *LeCun* said it, and **Mark** Zuckerberg agreed.\n"
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == "<p>Yann <em>LeCun</em> lo confirmó ayer en Madrid.</p>\n"


def test_a_web_page_is_read_as_its_article(cli, tmp_path):
    """A saved news page: its menus, footer and asides (related links, a pull quote repeating the
    body) are chrome, not the article; its publication date is the one ages are computed from."""
    write(tmp_path / "page.html", (
        '<!DOCTYPE html><html lang="en"><head><title>Zuckerberg at 38</title>'
        '<meta property="article:published_time" content="2026-03-01T10:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> Yann Lacon</nav><article>'
        '<p>Mark Zuckerberg, 38, said Meta would spend more, the company said.</p>'
        '<aside><blockquote>“We will spend whatever it takes on AI.”</blockquote></aside>'
        '<p>“We will spend whatever it takes on AI,” Zuckerberg told analysts.</p>'
        '</article><footer>© 2026 Tech News. “All rights reserved.</footer></body></html>\n'))
    r = cli("check", "page.html", "--no-cache", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["message"][:40]) for f in json.loads(r.stdout)]
    assert found == [("FL403", "Age 38 contradicts the knowledge base: M")], found
