"""The extract cache: reused when unchanged, rebuilt when corrupt, shared by the corpus path."""
import json

from conftest import write


def test_cache_reused_and_corrupt_entries_rebuilt(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "lang: en\n")
    write(tmp_path / "a.md", "Yann Lacon said the the thing.\n")
    first = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    entries = sorted((tmp_path / ".factlint_cache" / "entries").rglob("*.json"))
    assert [p.name.split(".")[1] for p in entries] == ["extracts", "findings"]
    assert cli("check", "a.md", "--format", "json", cwd=tmp_path).stdout == first.stdout
    entries[1].write_text("{not json")  # a corrupt findings file
    assert cli("check", "a.md", "--format", "json", cwd=tmp_path).stdout == first.stdout
    assert json.loads(entries[1].read_text())["key"]
    r = cli("cache", "clear", cwd=tmp_path)
    assert r.returncode == 0 and not (tmp_path / ".factlint_cache").exists()


def test_precommit_path_compares_against_configured_corpus(cli, tmp_path):
    write(tmp_path / ".factlint.yaml", "corpus: ['articles/**/*.md']\n")
    write(tmp_path / "articles" / "a.es.md", "---\nlang: es\nstory: s1\n---\nLa compañía dijo que el modelo fue descargado 180 millones de veces.\n")
    changed = write(tmp_path / "articles" / "a.en.md", "---\nlang: en\nstory: s1\n---\nThe company said the model was downloaded 18 million times.\n")
    cli("check", cwd=tmp_path)  # warm the cache with the whole corpus
    r = cli("check", "articles/a.en.md", "--format", "json", cwd=tmp_path)
    found = json.loads(r.stdout)
    assert [f["path"] for f in found if f["code"] == "FL201"] == ["articles/a.en.md"]
    assert found[0]["related"][0]["path"].endswith("a.es.md")
