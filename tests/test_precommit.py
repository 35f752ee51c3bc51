"""The real pre-commit tool runs the hook from this repository (pre-commit try-repo)."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_pre_commit_hook_fails_then_passes(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.com")
    _git(repo, "config", "user.name", "t")
    article = write(repo / "article.md", "---\nlang: en\n---\nYann Lacon leads AI research at Meta.\n")
    _git(repo, "add", ".")
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "factlint", "--files", "article.md"]
    r = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=900)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "FL101" in r.stdout and "Yann LeCun" in r.stdout
    article.write_text("---\nlang: en\n---\nYann LeCun leads AI research at Meta.\n")
    _git(repo, "add", ".")
    r = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout + r.stderr
