"""Facts: the seeds' true statements are confirmed, altered ones are caught, near-misses stay silent."""
import json
import shutil

import pytest

from conftest import ROOT, SEEDS, write

SEED_META = """metadata:
  "000_*.txt": {lang: es, date: 2024-06-01}
  "001_*.txt": {lang: en, date: 2024-06-01}
  "004_*.txt": {lang: pt, date: 2025-07-15}
"""


def _check(cli, tmp_path, replacements):
    for path in SEEDS.iterdir():
        text = path.read_text(encoding="utf-8")
        for old, new in replacements.get(path.name[:3], []):
            assert old in text, old
            text = text.replace(old, new)
        write(tmp_path / path.name, text)
    write(tmp_path / ".factlint.yaml", SEED_META)
    r = cli("check", ".", "--select", "FL4", "--format", "json", "--no-cache", cwd=tmp_path)
    return [(f["path"][:3], f["code"], f["message"]) for f in json.loads(r.stdout)]


def test_seed_statements_confirmed(cli, tmp_path):
    assert _check(cli, tmp_path, {}) == []


@pytest.mark.parametrize("seed,old,new,code", [
    ("000", "fundó Facebook en 2004", "fundó Facebook en 2005", "FL401"),
    ("001", "In 2016, Facebook also developed Pytorch", "In 2015, Facebook also developed Pytorch", "FL401"),
    ("000", "LLaMA 2, lanzado en julio", "LLaMA 2, lanzado en marzo", "FL401"),
    ("001", "said Daniel Eck, Spotify's chief executive", "said Patrick Collison, Spotify's chief executive", "FL402"),
    ("001", "the 40-year-old billionaire", "the 38-year-old billionaire", "FL403"),
    ("004", "Alexandr Wang, de 28 anos", "Alexandr Wang, de 31 anos", "FL403"),
])
def test_altered_seed_statement_caught(cli, tmp_path, seed, old, new, code):
    found = _check(cli, tmp_path, {seed: [(old, new)]})
    assert [(s, c) for s, c, _ in found] == [(seed, code)], found
    assert "source:" in found[0][2] or "born" in found[0][2]


@pytest.mark.parametrize("text,date", [
    ("said Daniel Ek, Spotify's chief executive.", "2003-01-01"),    # before he held the role
    ("said Daniel Ek, Spotify's chief executive.", "2026-06-01"),    # after it (no successor recorded)
    ("Jeffrey Emanuel, 42, said so.", "2024-06-01"),                  # not in the knowledge base
    ("Mark Zuckerberg, 40, said so.", None),                          # no article date: cannot tell
    ("Jane Doe, the chief executive of Acme, spoke.", "2024-06-01"),  # unknown organisation
])
def test_near_misses_silent(cli, tmp_path, text, date):
    front = f"---\nlang: en\ndate: {date}\n---\n" if date else "---\nlang: en\n---\n"
    write(tmp_path / "a.md", front + text + "\n")
    r = cli("check", "a.md", "--select", "FL4", "--format", "json", "--no-cache", cwd=tmp_path)
    assert json.loads(r.stdout) == []


def test_explain_shows_sources(cli):
    r = cli("explain", "FL401")
    assert "Knowledge base:" in r.stdout and "https://about.fb.com/company-info/" in r.stdout
