"""The streaming engine: documents are stored and dropped, findings come back file by file."""
import json
import os
import subprocess
import sys

from conftest import write


def _corpus(tmp_path):
    write(tmp_path / ".factlint.yaml", "corpus: ['news/*.md']\n")
    write(tmp_path / "news" / "b.es.md", "---\nlang: es\nstory: s1\n---\nLa empresa dijo que tenía 20.000 empleados.\n")
    write(tmp_path / "news" / "b.en.md", "---\nlang: en\nstory: s1\n---\nThe company said it had 2,000 employees.\n")
    write(tmp_path / "news" / "a.md", "---\nlang: en\n---\nYann Lacon said the the model was ready.\n")


def test_report_streams_sorted_findings_and_holds_no_documents(tmp_path, monkeypatch):
    from factlint.config import load_settings
    from factlint.engine import Linter, run

    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    linter = Linter(load_settings())
    paths = ["news/b.es.md", "news/a.md", "news/b.en.md"]
    report = run(linter, paths, use_cache=False, jobs=1)
    assert report.entries == []  # nothing kept for the corpus phase: it ran on summaries
    stream = list(report.stream())
    keys = [(f.path, f.line, f.column) for f in stream]
    assert keys == sorted(keys) and {"FL001", "FL101", "FL201"} <= {f.code for f in stream}
    kept = run(linter, paths, use_cache=False, jobs=1, keep_entries=True)
    assert sorted(e.path for e in kept.entries) == sorted(paths)
    assert [f.public() for f in kept.findings] == [f.public() for f in stream]


def test_cached_and_uncached_runs_agree(cli, tmp_path):
    _corpus(tmp_path)
    uncached = cli("check", "--format", "json", "--no-cache", cwd=tmp_path)
    assert not (tmp_path / ".factlint_cache").exists()
    cold = cli("check", "--format", "json", cwd=tmp_path)
    warm = cli("check", "--format", "json", cwd=tmp_path)
    assert json.loads(uncached.stdout) == json.loads(cold.stdout) == json.loads(warm.stdout)
    assert uncached.returncode == cold.returncode == warm.returncode == 1


def test_no_cache_store_is_removed(tmp_path):
    """--no-cache keeps its store in a temporary directory, gone when the run ends."""
    _corpus(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    r = subprocess.run([sys.executable, "-m", "factlint", "check", "--no-cache", "--format", "json"],
                       cwd=tmp_path, env={**os.environ, "TMPDIR": str(scratch)}, capture_output=True, text=True)
    assert r.returncode == 1 and json.loads(r.stdout)
    assert list(scratch.iterdir()) == []


def test_baseline_is_applied_file_by_file(cli, tmp_path):
    _corpus(tmp_path)
    cli("check", "--write-baseline", "baseline.json", cwd=tmp_path)
    r = cli("check", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert (r.returncode, json.loads(r.stdout)) == (0, [])
    write(tmp_path / "news" / "a.md", "---\nlang: en\n---\nYann Lacon said the the model was ready. Metta agreed.\n")
    found = json.loads(cli("check", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path).stdout)
    assert [(f["path"], f["code"]) for f in found] == [("news/a.md", "FL101")] and "Metta" in found[0]["message"]


def test_front_matter_of_any_shape_is_cached(cli, tmp_path):
    """Keys that are not strings and dates in front matter go through the cache and back."""
    write(tmp_path / "a.md", "---\nlang: en\n1: one\ndate: 2024-06-01\ntags: [a, b]\n---\nThe the plan.\n")
    first = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    second = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert first.returncode == second.returncode == 1 and first.stdout == second.stdout
    assert [f["code"] for f in json.loads(second.stdout)] == ["FL001"]
