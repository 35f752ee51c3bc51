"""Benchmark: a deterministic synthetic corpus, cold and warm runs, one-file latency, start-up.

    python bench/run.py --sizes 1000 10000 [--jobs 2] [--no-stories]

Articles are built from the seed paragraphs (es/en/pt), in translation groups
with a shared ``story`` id (with --no-stories, none: they are then paired
automatically), with names and figures injected (some misspelled, some
changed in one version).  Reports wall time, MB/s, peak memory (the
proportional set size of the CLI and its worker processes together, sampled
from /proc every 50 ms), cold vs warm
cache, the latency of checking one changed file against the warm corpus
(median of three), and the time of
``python -c "import factlint"`` and ``factlint --version``, with bytecode
caching on (Python's default).  Prints a table and
writes bench/out/results.json.  Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
LANG_OF_SEED = {"000": "es", "001": "en", "002": "es", "003": "pt", "004": "pt"}
TEMPLATES = {
    "en": "{name} said the company had {n:,} employees and {m} million users in {year}.",
    "es": "{name} dijo que la empresa tenía {n_es} empleados y {m} millones de usuarios en {year}.",
    "pt": "{name} disse que a empresa tinha {n_es} funcionários e {m} milhões de usuários em {year}.",
}
NAMES = ["Yann LeCun", "Mark Zuckerberg", "Daniel Ek", "Joelle Pineau", "Alexandr Wang", "Clément Delangue"]
MISSPELT = {"Yann LeCun": "Yann Lacon", "Daniel Ek": "Daniel Eck", "Joelle Pineau": "Joel Pino"}


def paragraphs():
    by_lang = {"en": [], "es": [], "pt": []}
    for path in sorted(SEEDS.iterdir()):
        lang = LANG_OF_SEED[path.name[:3]]
        by_lang[lang] += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    return by_lang


def build(directory: Path, n_articles: int, seed: int = 7, stories: bool = True) -> int:
    """Write the corpus; without ``stories``, no article names its story: translations must be
    paired automatically, as in a newsroom that keeps no such metadata."""
    rnd = random.Random(seed)
    paras = paragraphs()
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for g in range(0, n_articles, 3):
        story = f"s{g // 3:06d}"
        name = rnd.choice(NAMES)
        n, m, year = rnd.randrange(100, 90000), rnd.randrange(2, 900), rnd.randrange(1990, 2025)
        changed = rnd.choice(["en", "es", "pt", None, None, None])
        for lang in ("es", "en", "pt")[: min(3, n_articles - g)]:
            nn = n * 10 if lang == changed else n
            who = MISSPELT.get(name, name) if rnd.random() < 0.2 else name
            lead = TEMPLATES[lang].format(name=who, n=nn, n_es=f"{nn:,}".replace(",", "."), m=m, year=year)
            body = "\n\n".join(rnd.sample(paras[lang], k=min(4, len(paras[lang]))))
            story_line = f"story: {story}\n" if stories else ""
            text = f"---\nlang: {lang}\n{story_line}---\n{lead}\n\n{body}\n"
            # without story ids, names that do not pair the versions either (as "s1.en.md" and
            # "s1.es.md" would, Hugo's way): the translations must be found by their content
            path = directory / (f"{story}.{lang}.md" if stories else
                                f"{hashlib.sha1(f'{story}.{lang}'.encode()).hexdigest()[:12]}.md")
            path.write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
    return total


def _tree_pss_mb(pid: int) -> float:
    """Memory of ``pid`` and all its descendants (Linux /proc), in MB.

    Proportional set size, not resident size: pages shared between processes
    (the interpreter, libraries) are split between them instead of being
    counted once per process.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parent = int(fh.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass
        todo += children.get(current, [])
    return total / 1024


# Python's default, bytecode caching on, even where the shell turned it off (some sandboxes and
# containers set PYTHONDONTWRITEBYTECODE): otherwise every run would compile factlint from source.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd, cwd):
    """(wall seconds, peak memory in MB of the whole process tree: the CLI and its workers)."""
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_pss_mb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr[-400:]}")
    return elapsed, peak[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", default=str(HERE / "out" / "corpus"))
    parser.add_argument("--no-stories", action="store_true",
                        help="articles without story ids: translations are paired automatically")
    args = parser.parse_args()
    exe = [sys.executable, "-m", "factlint"]
    # as a regular install does: byte-compile factlint once, so no timed run pays for it
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "factlint")], env=ENV, check=True)
    rows = []
    startup = {
        "import_s": timed([sys.executable, "-c", "import factlint"], ROOT)[0],
        "version_s": timed([*exe, "--version"], ROOT)[0],
    }
    for size in args.sizes:
        work = Path(args.workdir) / (f"{size}-no-stories" if args.no_stories else str(size))
        shutil.rmtree(work, ignore_errors=True)
        nbytes = build(work / "articles", size, stories=not args.no_stories)
        (work / ".factlint.yaml").write_text("corpus: ['articles/*.md']\n")
        common = [*exe, "check", "--format", "json", "--jobs", str(args.jobs)]
        cold, cold_mem = timed(common, work)
        warm, warm_mem = timed(common, work)
        one = sorted((work / "articles").iterdir())[0]
        one.write_text(one.read_text() + "\nThe the end.\n")
        single = [timed([*exe, "check", str(one.relative_to(work)), "--format", "json"], work) for _ in range(3)]
        latency, one_mem = sorted(single)[1]  # the median of three
        rows.append({"articles": size, "mb": nbytes / 1e6, "cold_s": cold, "warm_s": warm,
                     "cold_mb_s": nbytes / 1e6 / cold, "warm_speedup": cold / warm, "one_file_s": latency,
                     "cold_mem_mb": cold_mem, "warm_mem_mb": warm_mem, "one_file_mem_mb": one_mem})
    print(f"python -c 'import factlint': {startup['import_s']:.3f}s   factlint --version: {startup['version_s']:.3f}s")
    print("memory: peak MB (proportional set size) of the CLI and its worker processes together")
    print(f"{'articles':>9} {'MB':>7} {'cold s':>8} {'MB/s':>6} {'warm s':>7} {'x':>5} {'1 file s':>9} "
          f"{'cold MB':>8} {'warm MB':>8} {'1 file MB':>9}")
    for r in rows:
        print(f"{r['articles']:>9} {r['mb']:>7.1f} {r['cold_s']:>8.2f} {r['cold_mb_s']:>6.2f} {r['warm_s']:>7.2f} "
              f"{r['warm_speedup']:>5.1f} {r['one_file_s']:>9.3f} {r['cold_mem_mb']:>8.0f} {r['warm_mem_mb']:>8.0f} "
              f"{r['one_file_mem_mb']:>9.0f}")
    if len(rows) >= 2:
        import math

        a, b = rows[0], rows[-1]
        exponent = math.log(b["cold_s"] / a["cold_s"]) / math.log(b["articles"] / a["articles"])
        print(f"time grows as n^{exponent:.2f} from {a['articles']} to {b['articles']} articles")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps({"startup": startup, "runs": rows, "cpus": os.cpu_count()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
