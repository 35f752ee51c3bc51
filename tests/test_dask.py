"""--executor dask: the extract phase on a real (local) Dask cluster gives the local run's report."""
import json

import pytest

from conftest import SEEDS, write

distributed = pytest.importorskip("distributed")


def _corpus(tmp_path):
    write(tmp_path / ".factlint.yaml", "corpus: ['news/*']\nmetadata:\n  'news/000_*': {story: z}\n  'news/001_*': {story: z}\n")
    for seed in sorted(SEEDS.iterdir()):
        write(tmp_path / "news" / seed.name, seed.read_text(encoding="utf-8"))


def test_dask_cluster_gives_the_local_report(cli, tmp_path):
    _corpus(tmp_path)
    local = cli("check", "--format", "json", "--no-cache", cwd=tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = cli("check", "--format", "json", "--executor", "dask", "--scheduler", cluster.scheduler_address,
                     cwd=tmp_path)
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    own = cli("check", "--format", "json", "--executor", "dask", "--jobs", "2", "--no-cache", cwd=tmp_path)
    assert json.loads(own.stdout) == json.loads(local.stdout)


def test_unreachable_scheduler_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")
    write(tmp_path / "a.md", "---\nlang: en\n---\nYann Lacon spoke.\n")
    r = cli("check", "a.md", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and "cannot reach the Dask scheduler" in r.stderr and "Traceback" not in r.stderr
