"""Precision and recall of the name checks on generated articles with injected misspellings.

    python bench/names_bench.py [--people 500] [--articles 600] [--seed 1] [--scale 1000 10000]

Names come from Faker's locale lists (en_US, es_ES, pt_BR).  A registry of
people and organisations is written as a rule pack; articles in en/es/pt
mention them, and a share of mentions is misspelled in realistic ways
(phonetic respelling, dropped, doubled or swapped letters, case errors, lost
accents, truncation).  Look-alike but distinct names (same surname with
another first name, gendered pairs such as Mario/Maria, numbered products) are
used correctly and must not be flagged.

Reports precision and recall of the registry check (FL101) and, run again
without the registry, of the corpus-wide check (FL102).  With --scale it also
times the corpus-wide check on larger generated corpora.  Prints a table and
writes bench/out/names.json.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALES = {"en": "en_US", "es": "es_ES", "pt": "pt_BR"}
TEMPLATES = {
    "en": ["{a} met {b} in the city on Monday.", "The plan was drafted by {a}.", "{a} and {b} signed the agreement.",
           "Officials close to {a} described the talks as long.", "A spokesman for {b} attended the meeting."],
    "es": ["{a} se reunió con {b} en la ciudad el lunes.", "El plan fue redactado por {a}.", "{a} y {b} firmaron el acuerdo.",
           "Personas cercanas a {a} describieron las conversaciones como largas.", "Un portavoz de {b} asistió a la reunión."],
    "pt": ["{a} se reuniu com {b} na cidade na segunda.", "O plano foi redigido por {a}.", "{a} e {b} assinaram o acordo.",
           "Pessoas próximas a {a} descreveram as conversas como longas.", "Um porta-voz de {b} participou da reunião."],
}
PHONETIC = [("ph", "f"), ("f", "ph"), ("ca", "ka"), ("co", "ko"), ("k", "c"), ("s", "z"), ("z", "s"), ("y", "i"),
            ("i", "y"), ("ou", "u"), ("ee", "i"), ("v", "b"), ("b", "v"), ("ll", "y"), ("th", "t"), ("x", "ks")]


def _strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def misspell(word: str, rnd: random.Random):
    """A realistic misspelling of ``word`` and its kind, or None if none applies."""
    kinds = ["phonetic", "drop", "double", "swap", "accent", "truncate", "case"]
    rnd.shuffle(kinds)
    for kind in kinds:
        w = word
        if kind == "phonetic":
            options = [(a, b) for a, b in PHONETIC if a in w[1:].lower()]
            if options:
                a, b = rnd.choice(options)
                i = w.lower().index(a, 1)
                w = w[:i] + b + w[i + len(a):]
        elif kind == "drop" and len(w) >= 5:
            i = rnd.randrange(1, len(w) - 1)
            w = w[:i] + w[i + 1:]
        elif kind == "double" and len(w) >= 4:
            i = rnd.randrange(1, len(w) - 1)
            w = w[:i] + w[i] + w[i:]
        elif kind == "swap" and len(w) >= 5:
            i = rnd.randrange(1, len(w) - 2)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif kind == "accent" and _strip_accents(w) != w:
            w = _strip_accents(w)
        elif kind == "truncate" and len(w) >= 7:
            w = w[:-1]
        elif kind == "case" and any(c.isupper() for c in w[1:]):
            w = w[0] + w[1:].lower()
        if w != word and w.lower() != word.lower() or (kind == "case" and w != word):
            return w, kind
    return None


def build(directory: Path, n_people: int, n_articles: int, seed: int, with_registry: bool):
    from faker import Faker

    rnd = random.Random(seed)
    fakers = {lang: Faker(loc) for lang, loc in LOCALES.items()}
    for f in fakers.values():
        f.seed_instance(seed)
    people, seen = [], set()
    while len(people) < n_people:
        lang = rnd.choice(list(LOCALES))
        f = fakers[lang]
        first, last = f.first_name(), f.last_name().split()[0]
        if (first, last) in seen or len(last) < 3 or not first.isalpha() or not last.replace("-", "").isalpha() \
                or not last[0].isupper():
            continue
        seen.add((first, last))
        people.append((first, last))
    # look-alike but distinct: same surname and another first name; gendered pairs
    lookalikes = []
    for first, last in people[: n_people // 10]:
        if first.endswith("o"):
            lookalikes.append((first[:-1] + "a", last))
        elif first.endswith("a"):
            lookalikes.append((first[:-1] + "o", last))
    orgs = [f"{fakers['en'].last_name()} Analytics" for _ in range(n_people // 10)]
    products = [f"Orbit {n}" for n in range(2, 6)]
    registry = [{"name": f"{a} {b}", "type": "person"} for a, b in people + lookalikes]
    registry += [{"name": o, "type": "organisation"} for o in orgs]
    registry += [{"name": p, "type": "product"} for p in products]
    (directory / "articles").mkdir(parents=True, exist_ok=True)
    pack = directory / "pack"
    pack.mkdir(exist_ok=True)
    import yaml

    if with_registry:
        (pack / "registry.yaml").write_text(yaml.safe_dump({"entities": registry}, allow_unicode=True), encoding="utf-8")
    (directory / ".factlint.yaml").write_text(
        "default-packs: true\npacks: [pack]\nselect: [FL101, FL102]\n", encoding="utf-8")
    truth = []
    everyone = people + lookalikes
    for k in range(n_articles):
        lang = rnd.choice(list(LOCALES))
        lines, line_no = [f"---\nlang: {lang}\n---"], 4
        for _ in range(6):
            template = rnd.choice(TEMPLATES[lang])
            names = []
            for slot in ("a", "b"):
                roll = rnd.random()
                if roll < 0.1:
                    names.append((rnd.choice(orgs), None))
                elif roll < 0.15:
                    names.append((rnd.choice(products), None))
                else:
                    first, last = rnd.choice(everyone)
                    names.append((f"{first} {last}", (first, last)))
            text = template
            for slot, (name, parts) in zip(("a", "b"), names):
                if "{" + slot + "}" not in text:
                    continue
                written, wrong = name, None
                if parts and rnd.random() < 0.15:
                    first, last = parts
                    in_surname = rnd.random() < 0.7
                    made = misspell(last if in_surname else first, rnd)
                    if made:
                        bad, kind = made
                        written = f"{first} {bad}" if in_surname else f"{bad} {last}"
                        wrong = kind
                text = text.replace("{" + slot + "}", written, 1)
                if wrong:
                    truth.append({"file": f"a{k:05d}.{lang}.md", "line": line_no, "written": written,
                                  "expected": name, "kind": wrong})
            lines.append(text)
            line_no += 1
        (directory / "articles" / f"a{k:05d}.{lang}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return truth


def evaluate(directory: Path, truth, code):
    r = subprocess.run([sys.executable, "-m", "factlint", "check", "articles", "--format", "json", "--no-cache",
                        "--select", code], cwd=directory, capture_output=True, text=True)
    findings = [f for f in json.loads(r.stdout or "[]") if f["code"] == code]
    wanted = {(t["file"], t["line"], t["written"]): t for t in truth}
    hit, fp = set(), []
    for f in findings:
        flagged = f["message"].split('"')[1]
        keys = [k for k in wanted if k[:2] == (Path(f["path"]).name, f["line"]) and flagged in k[2]]
        if keys:
            hit.update(keys)
        else:
            fp.append(f)
    precision = (len(findings) - len(fp)) / len(findings) if findings else 1.0
    recall = len(hit) / len(wanted) if wanted else 1.0
    missed = [wanted[k] for k in wanted if k not in hit]
    return {"findings": len(findings), "precision": precision, "recall": recall, "injected": len(wanted),
            "false_positives": [f"{f['path']}:{f['line']}: {f['message']}" for f in fp[:15]],
            "missed_by_kind": _count(m["kind"] for m in missed), "missed_examples": missed[:10]}


def _count(items):
    out = {}
    for i in items:
        out[i] = out.get(i, 0) + 1
    return out


def _time_corpus_check(directory: Path, size: int, args) -> dict:
    """Whole FL102 run, and the corpus phase alone (clustering the extracts), in-process."""
    from factlint.checks.names import add_spellings, spelling_pairs
    from factlint.config import load_settings
    from factlint.discovery import discover
    from factlint.engine import Linter, run

    build(directory, args.people, size, args.seed, with_registry=False)
    settings = load_settings(str(directory / ".factlint.yaml"))
    linter = Linter(settings, select=["FL102"])
    files = discover([str(directory / "articles")], settings, (".md",))
    start = time.perf_counter()
    report = run(linter, files, use_cache=False, jobs=1, keep_entries=True)
    report.findings
    whole = time.perf_counter() - start
    start = time.perf_counter()
    summary = {}
    for entry in report.entries:
        add_spellings(summary, entry)
    spelling_pairs(summary)
    return {"articles": size, "whole_run_s": whole, "corpus_phase_s": time.perf_counter() - start}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, nargs="*", default=[])
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        reg = Path(tmp) / "registry"
        truth = build(reg, args.people, args.articles, args.seed, with_registry=True)
        results["registry"] = evaluate(reg, truth, "FL101")
        corpus = Path(tmp) / "corpus"
        truth = build(corpus, args.people, args.articles, args.seed, with_registry=False)
        (corpus / ".factlint.yaml").write_text("default-packs: true\nselect: [FL101, FL102]\n")
        results["corpus"] = evaluate(corpus, truth, "FL102")
        results["corpus_timing"] = [_time_corpus_check(Path(tmp) / f"scale{size}", size, args)
                                    for size in args.scale]
    print(f"{'check':<10} {'injected':>8} {'findings':>8} {'precision':>9} {'recall':>7}")
    for name in ("registry", "corpus"):
        r = results[name]
        print(f"{name:<10} {r['injected']:>8} {r['findings']:>8} {r['precision']:>9.3f} {r['recall']:>7.3f}")
        if r["missed_by_kind"]:
            print(f"           missed by kind: {r['missed_by_kind']}")
    for t in results["corpus_timing"]:
        print(f"{t['articles']} articles: whole run {t['whole_run_s']:.1f} s, of which the corpus-wide "
              f"clustering {t['corpus_phase_s']:.2f} s")
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "names.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
