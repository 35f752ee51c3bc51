"""The extract cache: reused when unchanged, rebuilt when corrupt, shared by the corpus path."""
import json
import sqlite3

from conftest import write


def _cache_db(root):
    from factlint.cache import db_name

    return root / ".factlint_cache" / db_name()


def test_cache_reused_and_corrupt_entries_rebuilt(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "lang: en\n")
    write(tmp_path / "a.md", "Yann Lacon said the the thing.\n")
    first = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    with sqlite3.connect(_cache_db(tmp_path)) as db:
        (key,) = db.execute("SELECT key FROM entries").fetchone()
        db.execute("UPDATE entries SET findings = '{not json' WHERE key = ?", (key,))
    assert cli("check", "a.md", "--format", "json", cwd=tmp_path).stdout == first.stdout
    with sqlite3.connect(_cache_db(tmp_path)) as db:  # the damaged entry was rebuilt
        assert json.loads(db.execute("SELECT findings FROM entries").fetchone()[0])
    write(tmp_path / "a.md", "Yann Lacon said the thing.\n")  # an edited article: its first version stays a day
    cli("check", "a.md", cwd=tmp_path)
    info = cli("cache", "info", cwd=tmp_path)
    assert info.returncode == 0 and "stat index: 1" in info.stdout
    assert "analysed articles: 2, of which 1 no file refers to any more" in info.stdout
    with sqlite3.connect(_cache_db(tmp_path)) as db:  # a day later
        db.execute("UPDATE blobs SET value = '0' WHERE name = 'pruned-at'")
    cli("check", "a.md", cwd=tmp_path)
    assert "analysed articles: 1, of which 0" in cli("cache", "info", cwd=tmp_path).stdout
    r = cli("cache", "clear", cwd=tmp_path)
    assert r.returncode == 0 and not (tmp_path / ".factlint_cache").exists()
    assert "no cache at" in cli("cache", "info", cwd=tmp_path).stdout


def test_one_database_per_version_and_old_ones_pruned(cli, tmp_path):
    """Another factlint version's database is left alone while in use, deleted after a month unused."""
    import os
    import time

    cache = tmp_path / ".factlint_cache"
    write(cache / "cache-0.0.9.sqlite3", "")  # a pinned pre-commit hook's, used today
    for name in ("cache-0.0.1.sqlite3", "cache-0.0.1.sqlite3-wal", "cache.sqlite3"):  # unused for 40 days
        old = write(cache / name, "")
        os.utime(old, (time.time() - 40 * 86400,) * 2)
    write(tmp_path / "a.md", "---\nlang: en\n---\nThe the thing.\n")
    assert cli("check", "a.md", cwd=tmp_path).returncode == 1
    assert sorted(p.name for p in cache.glob("cache*")) == sorted(["cache-0.0.9.sqlite3", _cache_db(tmp_path).name])
    info = cli("cache", "info", cwd=tmp_path).stdout
    assert "cache-0.0.9.sqlite3 (0.0 MB), another factlint version" in info and "analysed articles: 1" in info


def test_corrupt_database_is_rebuilt(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "lang: en\n")
    write(tmp_path / "a.md", "Yann Lacon said the the thing.\n")
    first = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    _cache_db(tmp_path).write_bytes(b"this is not a database" * 100)
    r = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (first.returncode, first.stdout, "")
    with sqlite3.connect(_cache_db(tmp_path)) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (1,)


def _translations(tmp_path, config=""):
    write(tmp_path / ".factlint.yaml", "corpus: ['news/*.md']\n" + config)
    write(tmp_path / "news" / "a.es.md", "---\nlang: es\nstory: s1\n---\nYann Lacon dijo que tenía 20.000 empleados.\n")
    write(tmp_path / "news" / "a.en.md", "---\nlang: en\nstory: s1\n---\nYann LeCun said it had 2,000 employees.\n")


def test_unwritable_cache_costs_only_speed(cli, tmp_path):
    _translations(tmp_path, "cache-dir: cache-is-a-file\n")
    write(tmp_path / "cache-is-a-file", "")
    r = cli("check", "--format", "json", cwd=tmp_path)
    assert r.returncode == 1 and r.stderr == ""
    assert {"FL101", "FL201"} <= {f["code"] for f in json.loads(r.stdout)}


def test_lost_writes_lose_no_finding(tmp_path, monkeypatch):
    """Writes that fail mid-run (a locked or full disk) cost speed: entries are analysed again
    and corpus findings are kept in memory."""
    from factlint.cache import Cache
    from factlint.config import load_settings
    from factlint.engine import Linter, run

    _translations(tmp_path)
    monkeypatch.chdir(tmp_path)
    linter = Linter(load_settings())
    paths = ["news/a.en.md", "news/a.es.md"]
    expected = [f.public() for f in run(linter, paths, use_cache=False, jobs=1).findings]
    assert "FL201" in {f["code"] for f in expected}
    real_write = Cache._write

    def failing(self, sql, params):
        if sql.startswith("INSERT INTO corpus_findings") or sql.startswith("INSERT OR REPLACE INTO entries"):
            self._rollback()
            return
        real_write(self, sql, params)

    monkeypatch.setattr(Cache, "_write", failing)
    assert [f.public() for f in run(linter, paths, jobs=1).findings] == expected


def test_precommit_path_compares_against_configured_corpus(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "corpus: ['articles/**/*.md']\n")
    write(tmp_path / "articles" / "a.es.md", "---\nlang: es\nstory: s1\n---\nLa compañía dijo que el modelo fue descargado 180 millones de veces.\n")
    write(tmp_path / "articles" / "a.en.md", "---\nlang: en\nstory: s1\n---\nThe company said the model was downloaded 18 million times.\n")
    cli("check", cwd=tmp_path)  # warm the cache with the whole corpus
    r = cli("check", "articles/a.en.md", "--format", "json", cwd=tmp_path)
    found = json.loads(r.stdout)
    assert [f["path"] for f in found if f["code"] == "FL201"] == ["articles/a.en.md"]
    assert found[0]["related"][0]["path"].endswith("a.es.md")


def test_focused_run_matches_full_run(cli, tmp_path):
    """A pre-commit run on one file, served by the corpus summary, reports what a full run reports."""
    write(tmp_path / ".factlint.yaml", "corpus: ['articles/*.md']\n")
    for i in range(6):
        write(tmp_path / "articles" / f"n{i}.md", f"---\nlang: en\n---\nMarta Oliveira met the board on day {i}.\n")
    write(tmp_path / "articles" / "s.es.md", "---\nlang: es\nstory: s1\n---\nLa empresa dijo que tenía 20.000 empleados.\n")
    write(tmp_path / "articles" / "s.en.md", "---\nlang: en\nstory: s1\n---\nThe company said it had 2,000 employees.\n")
    changed = write(tmp_path / "articles" / "x.md", "---\nlang: en\n---\nMarta Olivera spoke.\n")
    cli("check", cwd=tmp_path)  # full run: writes the summary
    with sqlite3.connect(_cache_db(tmp_path)) as db:
        assert db.execute("SELECT name FROM blobs WHERE name = 'corpus-summary'").fetchone()
    for target in ("articles/x.md", "articles/s.en.md"):
        focused = cli("check", target, "--format", "json", cwd=tmp_path)
        full = cli("check", target, "--format", "json", "--no-cache", cwd=tmp_path)
        assert json.loads(focused.stdout) == json.loads(full.stdout)
        assert json.loads(focused.stdout), target
    changed.write_text("---\nlang: en\n---\nMarta Oliveira spoke.\n")
    assert json.loads(cli("check", "articles/x.md", "--format", "json", cwd=tmp_path).stdout) == []


def test_two_runs_share_the_cache(tmp_path):
    """Two runs at once on one cache: both finish with the same report, and the cache is whole."""
    import os
    import subprocess
    import sys

    write(tmp_path / ".factlint.yaml", "corpus: ['news/*.md']\n")
    for i in range(60):
        write(tmp_path / "news" / f"a{i}.md", f"---\nlang: en\n---\nYann Lacon said the the model had {i + 10} layers.\n")
    cmd = [sys.executable, "-m", "factlint", "check", "--format", "json", "--jobs", "2"]
    runs = [subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "NO_COLOR": "1"}) for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [1, 1], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0] and len(json.loads(outputs[0][0])) >= 120
    with sqlite3.connect(_cache_db(tmp_path)) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (60,)


def test_corpus_findings_are_stored_per_set_and_the_last_three_kept(tmp_path):
    from factlint.cache import Cache

    cache = Cache(tmp_path / "c", "salt")
    for n in range(4):
        found = [{"path": f"a{n}.md", "code": "FL102"}, {"path": f"a{n}.md", "code": "FL201"}, {"path": "b.md"}]
        assert cache.write_corpus_findings(f"set{n}", iter(found)) == {f"a{n}.md", "b.md"}
    assert cache.corpus_findings_paths("set0") is None  # the oldest set is gone
    assert cache.corpus_findings_paths("set3") == {"a3.md", "b.md"}
    assert [f["code"] for f in cache.corpus_findings_for("set3", "a3.md")] == ["FL102", "FL201"]
    assert cache.corpus_findings_for("set1", "b.md") == [{"path": "b.md"}]
    cache.close()


def test_focused_run_sees_a_corpus_changed_since_its_last_run(cli, tmp_path):
    """The corpus findings of a one-file run are not reused once the rest of the corpus changed."""
    write(tmp_path / ".factlint.yaml", "corpus: ['articles/*.md']\n")
    for i in range(4):
        write(tmp_path / "articles" / f"n{i}.md", f"---\nlang: en\n---\nThe board met on day {i}.\n")
    other = write(tmp_path / "articles" / "s.es.md", "---\nlang: es\nstory: s1\n---\nLa empresa dijo que tenía 2.000 empleados.\n")
    write(tmp_path / "articles" / "s.en.md", "---\nlang: en\nstory: s1\n---\nThe company said it had 2,000 employees.\n")
    cli("check", cwd=tmp_path)
    first = json.loads(cli("check", "articles/s.en.md", "--format", "json", cwd=tmp_path).stdout)
    assert not [f for f in first if f["code"] == "FL201"]
    other.write_text("---\nlang: es\nstory: s1\n---\nLa empresa dijo que tenía 20.000 empleados.\n")
    cli("check", cwd=tmp_path)  # a full run: the summary now describes the changed corpus
    again = json.loads(cli("check", "articles/s.en.md", "--format", "json", cwd=tmp_path).stdout)
    assert [f["code"] for f in again if f["code"] == "FL201"] == ["FL201"]


def test_focused_run_replaces_the_old_contribution_of_a_changed_file(cli, tmp_path):
    """The summary loses what the checked file used to say, not what it says now."""
    write(tmp_path / ".factlint.yaml", "corpus: ['articles/*.md']\n")
    for i in range(4):
        write(tmp_path / "articles" / f"n{i}.md", f"---\nlang: en\n---\nThe board met on day {i}.\n")
    write(tmp_path / "articles" / "a.md", "---\nlang: en\n---\nCarla Mendonça spoke.\n")
    changed = write(tmp_path / "articles" / "x.md", "---\nlang: en\n---\nCarla Mendonca spoke.\n")
    cli("check", cwd=tmp_path)
    changed.write_text("---\nlang: en\n---\nCarla Mendonça spoke.\n")
    focused = cli("check", "articles/x.md", "--format", "json", cwd=tmp_path)
    full = cli("check", "articles/x.md", "--format", "json", "--no-cache", cwd=tmp_path)
    assert json.loads(focused.stdout) == json.loads(full.stdout) == []
