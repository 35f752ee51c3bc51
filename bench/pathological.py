"""Benchmark: inputs no article looks like, which a linter must still get through in linear time.

    python bench/pathological.py [--scale 1.0]

Each input is one file, checked alone with every default rule and no cache:

- a table of 100,000 numbers pasted as one paragraph;
- 300,000 random tokens (words, capitalised words, figures, titles, quotation marks) with no
  sentence end, so one paragraph of about 12,000 quotations;
- 200,000 capitalised words.

Reports wall time, MB/s and peak memory per input, and writes bench/out/pathological.json.  Two
of them once took minutes (a pass over every figure read for each new one; the text before each
quotation read again for a speaker's label); with ``--scale 0.5`` and ``--scale 1`` the times
tell whether growth is linear.  Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from run import HERE, timed

TOKENS = ["word", "The", "Big", "12", "3.5%", "Mr.", "said", '"']


def inputs(scale: float) -> dict[str, str]:
    rnd = random.Random(1)
    return {
        "numbers": " ".join(str(i) for i in range(int(100_000 * scale))),
        "tokens": " ".join(rnd.choice(TOKENS) for _ in range(int(300_000 * scale))),
        "capitals": " ".join(f"Capital{i % 7}" for i in range(int(200_000 * scale))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of each input, 1.0 as described")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="factlint-pathological-") as scratch:
        for name, body in inputs(args.scale).items():
            path = Path(scratch) / f"{name}.md"
            path.write_text(f"---\nlang: en\n---\n{body}\n", encoding="utf-8")
            size = path.stat().st_size / 1e6
            seconds, memory = timed([sys.executable, "-m", "factlint", "check", path.name, "--no-cache",
                                     "--format", "json"], scratch)
            rows.append({"input": name, "mb": size, "seconds": seconds, "mb_s": size / seconds, "memory_mb": memory})
    print(f"{'input':<10} {'MB':>6} {'s':>7} {'MB/s':>6} {'peak MB':>8}")
    for r in rows:
        print(f"{r['input']:<10} {r['mb']:>6.2f} {r['seconds']:>7.2f} {r['mb_s']:>6.2f} {r['memory_mb']:>8.0f}")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "pathological.json").write_text(json.dumps({"scale": args.scale, "runs": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
