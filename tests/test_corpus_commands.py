"""`factlint names` and `factlint stories` on the seeds."""
from conftest import ROOT, SEEDS


def test_stories_pairs_seed_translations_automatically(cli, tmp_path):
    import shutil

    for name in ("000_0e31dafebffb9af8.txt", "001_2295e25c5222c445.txt", "003_6d3e2efe6b7fa331.txt"):
        shutil.copy(ROOT / "seeds" / name, tmp_path / name)
    r = cli("stories", ".", cwd=tmp_path)
    assert r.returncode == 0 and "paired automatically" in r.stdout
    assert "000_" in r.stdout and "001_" in r.stdout and "003_" not in r.stdout


def test_names_suggest_prints_registry_yaml(cli):
    import yaml

    r = cli("names", "seeds", "--suggest", cwd=ROOT)
    data = yaml.safe_load(r.stdout)
    names = {e["name"] for e in data["entities"]}
    assert r.returncode == 0 and all({"name", "type"} <= set(e) for e in data["entities"])
    assert "Sam McLeod" not in names  # already in the registry: nothing to suggest
    assert "Silicon Valley" not in names and "Big Tech" in names


def test_names_suggest_guesses_types(cli, tmp_path):
    """A person is named by surname alone after the first mention; party and city by their words."""
    import yaml

    for i in range(2):
        (tmp_path / f"a{i}.md").write_text(
            "---\nlang: en\n---\nSimon Haeder, a professor, spoke to the Democratic Party in New Castle. "
            "Haeder said the Democratic Party would win in New Castle.\n", encoding="utf-8")
    r = cli("names", ".", "--suggest", cwd=tmp_path)
    types = {e["name"]: e["type"] for e in yaml.safe_load(r.stdout)["entities"]}
    assert types.get("Simon Haeder") == "person" and "Haeder" not in types  # the surname comes with the person
    assert types.get("Democratic Party") == "organisation" and types.get("New Castle") == "place"


def test_corpus_commands_can_leave_no_cache(cli, tmp_path):
    """`names` and `stories` take --no-cache, as `check` does: a read-only or shared corpus stays as it was."""
    for name in ("000", "001"):
        seed = next(SEEDS.glob(f"{name}_*"))
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    for command in ("names", "stories"):
        assert cli(command, ".", "--no-cache", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".factlint_cache").exists()
