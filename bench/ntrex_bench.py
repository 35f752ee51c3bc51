"""Recall of the translation number check (FL201) on real translations, with injected errors.

    python bench/ntrex_bench.py [--corpus ../shared/corpora/ntrex-dev] [--rounds 3] [--seed 1]

NTREX (real news with professional Spanish and Portuguese translations, see its
README) is read where it lies and never copied into the repository.  Each round
changes one amount (not a year, a date, a century or a figure that names
something, such as "Bellator 206") in one version of every translation group,
as a translator or an editor might: a digit, a zero added or dropped, the scale word (million /
billion), or the decimal separator dropped.  The changed groups are checked
together in a scratch directory, with FL201 only.  A change is *caught* when a
new finding (one the untouched corpus does not give) lands on the changed line
of the changed file or on the line it translates.  Each round also rewrites one
figure of every group without changing its value ("20.000" -> "20 000", "15%" ->
"15 por ciento", "32" -> "treinta y dos"): any new finding in that group is a false
conflict.  Reports recall per kind of change, false conflicts per kind of
rewrite, and the findings of the untouched corpus (per 50 groups).
Writes bench/out/ntrex.json.  Not a test: the corpus lives outside the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "ntrex-dev"
FOLDERS = ("parallel", "parallel_regional")
# a figure standing alone: not part of a word, a time, a date, an ordinal or a version
FIGURE = re.compile(r"(?<![\w.,:/°º-])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?![\w:/°º-]|[.,]\d|\.[ºª])")
SCALES = {  # (scale word, the one a slip puts in its place), longest first
    "en": [("million", "billion"), ("billion", "million")],
    "es": [("mil millones", "millones"), ("millones", "mil millones"), ("millón", "mil millones")],
    "pt": [("milhões", "bilhões"), ("milhão", "bilhão"), ("bilhões", "milhões"), ("bilhão", "milhão")],
}
YEAR = re.compile(r"(?:1[89]|20)\d\d")


def groups(corpus: Path) -> dict[str, dict[str, Path]]:
    """{story: {lang: path}} of the complete translation groups."""
    found: dict[str, dict[str, Path]] = defaultdict(dict)
    for folder in FOLDERS:
        for path in sorted((corpus / folder).glob("*.md")):
            story, lang = path.stem.rsplit(".", 1)
            found[f"{folder}/{story}"][lang] = path
    return {story: langs for story, langs in found.items() if set(langs) >= {"en", "es", "pt"}}


def body_start(lines: list[str]) -> int:
    """The index of the first line after the front matter."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return i + 1
    return 0


def candidates(lines: list[str], lang: str, rnd: random.Random, variants, words=False):
    """(line index, start, end, replacement, kind) for each edit ``variants`` (``mutations`` or
    ``rewrites``) makes of a figure of the body; with ``words``, also a number word from two to
    nine changed into another ("nine members" -> "seven members")."""
    out = []
    small = small_number_words(lang) if words else {}
    for i in range(body_start(lines), len(lines)):
        line = lines[i]
        for m in FIGURE.finditer(line):
            text = m.group()
            digits = re.sub(r"\D", "", text)
            if YEAR.fullmatch(text) or len(digits) > 9 or not_an_amount(line, m.start(), m.end(), lang):
                continue
            out += [(i, m.start(), m.end() + consumed, change, kind)
                    for kind, change, consumed in variants(text, line[m.end():], lang, rnd)]
        for m in LOWER_WORD.finditer(line):
            value = small.get(m.group())
            if value and not not_an_amount(line, m.start(), m.end(), lang):
                other = rnd.choice(sorted(w for w, v in small.items() if v != value))
                out.append((i, m.start(), m.end(), other, "word"))
    return out


LOWER_WORD = re.compile(r"(?<![\w-])[^\W\d_A-Z]+(?![\w-])")


def small_number_words(lang: str) -> dict[str, int]:
    """The language's one-word numbers from two to nine: {word: value}."""
    from factlint.lang import load

    return {w: v for w, v in load(lang).number_words.items() if 2 <= v <= 9 and " " not in w}


def not_an_amount(line: str, start: int, end: int, lang: str) -> bool:
    """Years, phone-like runs, the day of a date ("29 de setembro"), a century ("século 19") and a
    figure that names something ("Bellator 206", "Distrito 17") are not amounts: changing them
    says nothing of the amounts check."""
    from factlint.lang import load

    months = load(lang).months
    before, after = line[max(0, start - 30):start], line[end:end + 30]
    word_before = re.search(r"([^\W\d_]+)\.?,?\s+$", before)
    word_after = re.match(r"\s+(?:de\s+|of\s+)?([^\W\d_]+)", after)
    if (word_before and word_before.group(1).lower() in months) or (word_after and word_after.group(1).lower() in months):
        return True
    if word_before and word_before.group(1).lower() in ("século", "siglo", "century"):
        return True
    named = re.search(r"(?<![.!?:]\s)(?<!^)\b[A-ZÁÉÍÓÚ][\w-]*\s+$", before)
    return bool(named) and not re.fullmatch(r"\s*(?:#\s*)?\S+\s+", before)


def mutations(text: str, after: str, lang: str, rnd: random.Random):
    """(kind, replacement, how many characters of ``after`` it replaces too) for each change
    of the figure ``text`` (followed by ``after``) worth trying."""
    positions = [k for k, ch in enumerate(text) if ch.isdigit()]
    if len(positions) > 1:
        k = rnd.choice(positions[1:])
        yield "digit", text[:k] + rnd.choice([d for d in "0123456789" if d != text[k]]) + text[k + 1:], 0
    elif text not in ("0", "1"):
        yield "digit", rnd.choice([d for d in "23456789" if d != text]), 0
    group_sep = "," if lang == "en" else "."
    plain = text.replace(group_sep, "") if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text) else text
    if plain.isdigit() and int(plain) >= 10:
        value = int(plain)
        new = value // 10 if value % 10 == 0 else value * 10
        formatted = f"{new:,}".replace(",", group_sep) if group_sep in text or new >= 10000 else str(new)
        yield "zero", formatted, 0
    scale = re.match(r"(\s+)(" + "|".join(re.escape(old) for old, _ in SCALES.get(lang, ())) + r")\b", after)
    if scale:
        new = dict(SCALES[lang])[scale.group(2)]
        yield "scale", text + scale.group(1) + new, scale.end()
    decimal_sep = "." if lang == "en" else ","
    if re.fullmatch(r"\d+[.,]\d{1,2}", text) and decimal_sep in text:
        yield "decimal", text.replace(decimal_sep, ""), 0


PERCENT_WORDS = {"en": " percent", "es": " por ciento", "pt": " por cento"}


def rewrites(text: str, after: str, lang: str, rnd: random.Random):
    """The same value written otherwise, as a translator may: (kind, replacement, characters of
    ``after`` replaced).  None of these should give a finding."""
    group_sep = "," if lang == "en" else "."
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text) and group_sep in text:
        yield "format", text.replace(group_sep, "" if lang == "en" else " "), 0  # 20.000 -> 20 000
    elif text.isdigit() and int(text) >= 10000:
        yield "format", f"{int(text):,}".replace(",", group_sep), 0
    if text.isdigit() and 2 <= int(text) <= 99:
        from factlint.lang import load

        words = [w for w, v in load(lang).number_words.items() if v == int(text)]
        if words:
            yield "word", words[0], 0
    percent = re.match(r"\s?%", after)
    if percent:
        yield "percent", text + PERCENT_WORDS[lang], percent.end()


def apply(lines, change):
    i, start, end, replacement, _ = change
    return lines[:i] + [lines[i][:start] + replacement + lines[i][end:]] + lines[i + 1:]


def run_check(directory: Path, select: str = "FL201") -> set[tuple[str, int]]:
    """(path relative to ``directory``, line) of every finding of the ``select``ed rules."""
    result = subprocess.run([sys.executable, "-m", "factlint", "check", ".", "--select", select, "--no-cache",
                             "--format", "json", "--no-respect-gitignore"],
                            cwd=directory, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"factlint failed ({result.returncode}): {result.stderr}")
    return {(f["path"], f["line"]) for f in json.loads(result.stdout)}


def edit_and_check(control, directory, all_groups, rnd, variants, baseline, words=False):
    """Copy the corpus to ``directory``, make one edit (``variants``) in one version of each
    group, check it: ({story: (file, edit, line before)}, findings the untouched corpus lacks)."""
    shutil.copytree(control, directory)
    edits = {}
    for story, langs in all_groups.items():
        lang = rnd.choice(["en", "es", "pt"])
        path = directory / story.split("/")[0] / langs[lang].name
        lines = path.read_text(encoding="utf-8").split("\n")
        options = candidates(lines, lang, rnd, variants, words)
        if options:
            edit = rnd.choice(options)
            path.write_text("\n".join(apply(lines, edit)), encoding="utf-8")
            edits[story] = (path.relative_to(directory).as_posix(), edit, lines[edit[0]])
    return edits, run_check(directory) - baseline


def places_of(rel, edit):
    """Where a finding about ``edit`` of file ``rel`` may land: its line in any version of the
    group (NTREX keeps each sentence on the same line in every version)."""
    folder, name = rel.split("/")
    story = name.rsplit(".", 2)[0]
    return {(f"{folder}/{story}.{lang}.md", edit[0] + 1) for lang in ("en", "es", "pt")}


def start(description: str):
    """(command line, translation groups, random generator) of both NTREX benches; None (said
    on standard error) without NTREX."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (args.corpus / "parallel").is_dir():
        print(f"NTREX not found at {args.corpus} (see its README; pass --corpus)", file=sys.stderr)
        return None
    return args, groups(args.corpus), random.Random(args.seed)


def copy_corpus(all_groups, directory: Path) -> Path:
    """Copy every version of every group into ``directory`` (folder/name): the untouched corpus."""
    for story, langs in all_groups.items():
        for path in langs.values():
            target = directory / story.split("/")[0] / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return directory


def main() -> int:
    started = start(__doc__.splitlines()[0])
    if started is None:
        return 2
    args, all_groups, rnd = started
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind of change -> [caught, changed]
    rewritten: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind of rewrite -> [flagged, rewritten]
    misses, false_alarms = [], []
    with tempfile.TemporaryDirectory(prefix="ntrex-bench-") as scratch:
        root = Path(scratch)
        control = copy_corpus(all_groups, root / "control")
        baseline = run_check(control)
        for round_number in range(args.rounds):
            changes, found = edit_and_check(control, root / f"changed{round_number}", all_groups, rnd, mutations,
                                            baseline, words=True)
            for story, (rel, change, before) in changes.items():
                caught = bool(found & places_of(rel, change))
                tallies[change[4]][0] += caught
                tallies[change[4]][1] += 1
                if not caught:
                    misses.append({"file": rel, "line": change[0] + 1, "kind": change[4],
                                   "was": before.strip()[:160], "now": change[3]})
            changes, found = edit_and_check(control, root / f"rewritten{round_number}", all_groups, rnd, rewrites,
                                            baseline)
            for story, (rel, change, before) in changes.items():
                group_files = {place for place, _ in places_of(rel, change)}
                false = any(path in group_files for path, _ in found)  # anywhere in the group
                rewritten[change[4]][0] += false
                rewritten[change[4]][1] += 1
                if false:
                    false_alarms.append({"file": rel, "line": change[0] + 1, "kind": change[4],
                                         "was": before.strip()[:160], "now": change[3]})
    total_caught = sum(c for c, _ in tallies.values())
    total = sum(n for _, n in tallies.values())
    false_per_50 = len(baseline) / len(all_groups) * 50
    print(f"{len(all_groups)} translation groups, {args.rounds} rounds, one changed figure per group and round")
    print(f"{'change':<8} {'caught':>6} {'of':>4} {'recall':>7}")
    for kind, (caught, n) in sorted(tallies.items()):
        print(f"{kind:<8} {caught:>6} {n:>4} {caught / n:>7.2f}")
    print(f"{'all':<8} {total_caught:>6} {total:>4} {total_caught / total:>7.2f}")
    print(f"{'rewrite':<8} {'flagged':>7} {'of':>4}   (the same value written otherwise: a flag is a false conflict)")
    for kind, (flagged, n) in sorted(rewritten.items()):
        print(f"{kind:<8} {flagged:>7} {n:>4}")
    print(f"untouched corpus: {len(baseline)} FL201 findings ({false_per_50:.1f} per 50 groups; "
          "see the README for which are labelled errors)")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "ntrex.json").write_text(json.dumps({
        "groups": len(all_groups), "rounds": args.rounds, "seed": args.seed,
        "recall": {kind: {"caught": c, "changed": n} for kind, (c, n) in tallies.items()},
        "rewrites": {kind: {"flagged": f, "rewritten": n} for kind, (f, n) in rewritten.items()},
        "baseline_findings": sorted(baseline), "misses": misses, "false_alarms": false_alarms}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
