"""Recall of the name checks on real translations, with injected misspellings.

    python bench/ntrex_names_bench.py [--corpus ../shared/corpora/ntrex-dev] [--rounds 3] [--seed 1]

A name is taken to be a run of two or three capitalised words that every
version of an NTREX translation group writes alike (names of people and
organisations are not translated; "Casa Blanca" / "White House" never qualify).
Each round misspells one such name in one version of every group, with the
misspellings of ``names_bench.py`` (phonetic respelling, a dropped, doubled or
swapped letter, a lost accent, truncation, case), either at one mention or at
every mention of that version (a translator's consistent slip), or, where that
version also writes the surname alone ("Ardern said"), at one such mention.
NTREX's names are not in the default registry, so only the corpus, translation
and article checks can catch them.
A misspelling is *caught* when a new name finding lands on one of its lines.
Reports recall per kind and scope, and the name findings of the untouched corpus.
Writes bench/out/ntrex_names.json.  Not a test: the corpus lives outside the repository.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from names_bench import misspell
from ntrex_bench import HERE, body_start, copy_corpus, run_check, start

NAME = re.compile(r"(?<![\w-])[A-ZÁÉÍÓÚ][\w'-]+(?: [A-ZÁÉÍÓÚ][\w'-]+){1,2}(?![\w-])")
SELECT = "FL1"  # every name rule


def shared_names(texts: dict[str, str]) -> list[str]:
    """Multi-word capitalised names written alike in every version, found mid-sentence in one
    (a sentence's first word may be any word)."""
    found = None
    for text in texts.values():
        names = {m.group() for m in NAME.finditer(text) if m.start() > 0 and text[m.start() - 2] not in ".!?\n#"}
        found = names if found is None else found & names
    return sorted(found or ())


def _alone(words, lines) -> list[tuple[int, int]]:
    """(line, column) of each mention of the name's last word on its own, mid-sentence and not
    after the name's other words ("Ardern said", not "Jacinda Ardern")."""
    surname = re.compile(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])")
    found = []
    for i in range(body_start(lines), len(lines)):
        for m in surname.finditer(lines[i]):
            before = lines[i][:m.start()]
            if m.start() > 1 and before[-2] not in ".!?" and not before.endswith(" ".join(words[:-1]) + " "):
                found.append((i, m.start()))
    return found


def main() -> int:
    started = start(__doc__.splitlines()[0])
    if started is None:
        return 2
    args, all_groups, rnd = started
    tallies: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])  # (scope, kind) -> [caught, misspelt]
    misses = []
    with tempfile.TemporaryDirectory(prefix="ntrex-names-") as scratch:
        root = Path(scratch)
        control = copy_corpus(all_groups, root / "control")
        baseline = run_check(control, SELECT)
        for round_number in range(args.rounds):
            directory = root / f"round{round_number}"
            shutil.copytree(control, directory)
            edits = {}
            for story, langs in all_groups.items():
                texts = {lang: path.read_text(encoding="utf-8") for lang, path in langs.items()}
                names = shared_names({lang: "\n".join(text.split("\n")[body_start(text.split("\n")):])
                                      for lang, text in texts.items()})
                if not names:
                    continue
                name, lang = rnd.choice(names), rnd.choice(sorted(langs))
                words = name.split()
                k = rnd.randrange(len(words))
                scope = rnd.choice(["one mention", "every mention", "surname alone"])
                lines = texts[lang].split("\n")
                if scope == "surname alone":
                    alone = _alone(words, lines)
                    if not alone:
                        continue
                    k, name, (i, at_column) = len(words) - 1, words[-1], rnd.choice(alone)
                wrong = misspell(words[k], rnd)
                if wrong is None:
                    continue
                if scope == "surname alone":
                    misspelt, chosen = wrong[0], [i]
                    lines[i] = lines[i][:at_column] + misspelt + lines[i][at_column + len(name):]
                else:
                    misspelt = " ".join(words[:k] + [wrong[0]] + words[k + 1:])
                    at = [i for i in range(body_start(lines), len(lines)) if name in lines[i]]
                    chosen = at if scope == "every mention" else [rnd.choice(at)]
                    for i in chosen:
                        lines[i] = lines[i].replace(name, misspelt, 1 if scope == "one mention" else -1)
                path = directory / story.split("/")[0] / langs[lang].name
                path.write_text("\n".join(lines), encoding="utf-8")
                edits[story] = (path.relative_to(directory).as_posix(), [i + 1 for i in chosen], scope, wrong[1],
                                name, misspelt)
            found = run_check(directory, SELECT) - baseline
            for rel, line_numbers, scope, kind, name, misspelt in edits.values():
                caught = any((rel, n) in found for n in line_numbers)
                tallies[(scope, kind)][0] += caught
                tallies[(scope, kind)][1] += 1
                if not caught:
                    misses.append({"file": rel, "lines": line_numbers, "scope": scope, "kind": kind,
                                   "name": name, "misspelt": misspelt})
    print(f"{len(all_groups)} translation groups, {args.rounds} rounds, one misspelt name per group and round")
    print(f"{'scope':<14} {'kind':<9} {'caught':>6} {'of':>4} {'recall':>7}")
    for (scope, kind), (caught, n) in sorted(tallies.items()):
        print(f"{scope:<14} {kind:<9} {caught:>6} {n:>4} {caught / n:>7.2f}")
    for scope in ("one mention", "every mention", "surname alone"):
        caught = sum(c for (s, _), (c, _) in tallies.items() if s == scope)
        n = sum(n for (s, _), (_, n) in tallies.items() if s == scope)
        print(f"{scope:<14} {'all':<9} {caught:>6} {n:>4} {caught / max(n, 1):>7.2f}")
    print(f"untouched corpus: {len(baseline)} name findings")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "ntrex_names.json").write_text(json.dumps({
        "groups": len(all_groups), "rounds": args.rounds, "seed": args.seed,
        "recall": [{"scope": s, "kind": k, "caught": c, "misspelt": n} for (s, k), (c, n) in sorted(tallies.items())],
        "baseline_findings": sorted(baseline), "misses": misses}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
