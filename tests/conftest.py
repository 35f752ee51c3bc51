import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def linter():
    from factlint.config import Settings
    from factlint.engine import Linter

    return Linter(Settings(root=ROOT))


def run_cli(*args, cwd=None, input=None):
    """Run the installed CLI in a subprocess, as a user would."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "factlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, input=input, timeout=300)


@pytest.fixture
def cli():
    return run_cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
