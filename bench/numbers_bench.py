"""Recall and false-conflict rate of the translation number check on generated article groups.

    python bench/numbers_bench.py [--groups 400] [--seed 3]

Each group is one article in English, Spanish and Portuguese with natural
locale formatting ("2,500" / "2.500", "$1.5 billion" / "1.500 millones de
dólares" / "US$ 1,5 bilhão", "49%" / "49 %").  In half of the groups exactly one
figure of one version is changed in a realistic way: a digit, the scale word,
a dropped zero, a moved decimal, a percentage, or the currency.  Reports
recall on the changed groups and false conflicts per 50 untouched groups.
Writes bench/out/numbers.json.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORGS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark Industries", "Wayne Enterprises"]
CITIES = ["Lisbon", "Madrid", "Boston", "Porto", "Seville", "Denver"]


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def decimal(x: float, lang: str) -> str:
    text = f"{x:g}"
    return text.replace(".", ",") if lang != "en" else text


def count(v, lang):
    return group(v, "," if lang == "en" else ".")


def millions(v, lang, unit_en="million", plural=True):
    """v in millions, written with a scale word."""
    if v >= 1000:
        b = v / 1000
        return {"en": f"{decimal(b, 'en')} billion", "es": f"{group(int(v), '.')} millones",
                "pt": f"{decimal(b, 'pt')} {'bilhão' if b < 2 else 'bilhões'}"}[lang]
    return {"en": f"{decimal(v, 'en')} million", "es": f"{decimal(v, 'es')} {'millón' if v < 2 else 'millones'}",
            "pt": f"{decimal(v, 'pt')} {'milhão' if v < 2 else 'milhões'}"}[lang]


def money(v, lang, currency="USD"):
    amount = millions(v, lang)
    if currency == "EUR":
        return {"en": f"€{amount}", "es": f"{amount} de euros", "pt": f"{amount} de euros"}[lang]
    return {"en": f"${amount}", "es": f"{amount} de dólares", "pt": f"US$ {amount}"}[lang]


def pct(v, lang):
    return {"en": f"{decimal(v, 'en')}%", "es": f"{decimal(v, 'es')} %", "pt": f"{decimal(v, 'pt')}%"}[lang]


SENTENCES = [
    ("count", lambda o, v, l: {"en": f"{o} said it had {count(v, l)} employees at the end of last year.",
                               "es": f"{o} dijo que tenía {count(v, l)} empleados a finales del año pasado.",
                               "pt": f"{o} disse que tinha {count(v, l)} funcionários no fim do ano passado."}[l]),
    ("percent", lambda o, v, l: {"en": f"Sales at {o} rose {pct(v, l)} in the quarter.",
                                 "es": f"Las ventas de {o} subieron un {pct(v, l)} en el trimestre.",
                                 "pt": f"As vendas da {o} subiram {pct(v, l)} no trimestre."}[l]),
    ("money", lambda o, v, l: {"en": f"{o} plans to invest {money(v, l)} in new factories.",
                               "es": f"{o} planea invertir {money(v, l)} en nuevas fábricas.",
                               "pt": f"A {o} planeja investir {money(v, l)} em novas fábricas."}[l]),
    ("millions", lambda o, v, l: {"en": f"The {o} app has {millions(v, l)} users in Europe.",
                                  "es": f"La aplicación de {o} tiene {millions(v, l)} de usuarios en Europa.",
                                  "pt": f"O aplicativo da {o} tem {millions(v, l)} de usuários na Europa."}[l]),
    ("count", lambda o, v, l: {"en": f"About {count(v, l)} people visited the {o} stand in the city.",
                               "es": f"Unas {count(v, l)} personas visitaron el estand de {o} en la ciudad.",
                               "pt": f"Cerca de {count(v, l)} pessoas visitaram o estande da {o} na cidade."}[l]),
]
FILLER = {"en": "The chief executive spoke to reporters after the announcement.",
          "es": "El consejero delegado habló con los periodistas tras el anuncio.",
          "pt": "O presidente-executivo falou com os jornalistas depois do anúncio."}


def value_for(kind, rnd):
    if kind == "count":
        return rnd.choice([rnd.randrange(120, 990) * 10, rnd.randrange(1200, 98000)])
    if kind == "percent":
        return rnd.choice([rnd.randrange(2, 80), rnd.randrange(15, 95) / 10])
    if kind == "money":
        return rnd.choice([rnd.randrange(2, 90) * 10, rnd.randrange(12, 95) * 100, round(rnd.uniform(1.2, 9.8), 1) * 1000])
    return round(rnd.choice([rnd.uniform(1.2, 9.8), rnd.uniform(12, 95)]), 1)


def mutate(kind, value, rnd):
    """(new value, currency, what changed)"""
    choices = {"count": ["digit", "zero"], "percent": ["percent"], "money": ["digit", "scale", "decimal", "currency"],
               "millions": ["digit", "decimal", "scale"]}[kind]
    what = rnd.choice(choices)
    if what == "digit":
        s = str(int(value)) if float(value).is_integer() else str(value)
        positions = [i for i, c in enumerate(s) if c.isdigit() and i > 0] or [0]
        i = rnd.choice(positions)
        new = s[:i] + str((int(s[i]) + rnd.randrange(1, 9)) % 10) + s[i + 1:]
        return float(new) if "." in new else int(new), "USD", what
    if what == "zero":
        return value // 10, "USD", what
    if what == "scale":
        return value * 1000 if value < 1000 else value / 1000, "USD", what
    if what == "decimal":
        return value * 10, "USD", what
    if what == "percent":
        return value + rnd.choice([-9, -5, 5, 9]) if value > 10 else value * 2, "USD", what
    return value, "EUR", what


def build(directory: Path, n_groups: int, seed: int):
    rnd = random.Random(seed)
    truth = []
    for g in range(n_groups):
        org = rnd.choice(ORGS)
        plan = [(kind, render, value_for(kind, rnd)) for kind, render in rnd.sample(SENTENCES, 4)]
        changed = None
        if g % 2 == 0:
            idx = rnd.randrange(len(plan))
            lang = rnd.choice(["en", "es", "pt"])
            new, currency, what = mutate(plan[idx][0], plan[idx][2], rnd)
            changed = (idx, lang, new, currency, what)
        for lang in ("en", "es", "pt"):
            lines = [f"---\nlang: {lang}\nstory: g{g:04d}\n---"]
            for i, (kind, render, value) in enumerate(plan):
                if changed and changed[0] == i and changed[1] == lang:
                    v, currency = changed[2], changed[3]
                    text = render(org, v, lang)
                    if currency == "EUR":
                        text = text.replace(money(value, lang), money(value, lang, "EUR"))
                else:
                    text = render(org, value, lang)
                lines.append(text)
                lines.append(FILLER[lang])
            (directory / f"g{g:04d}.{lang}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        truth.append({"group": f"g{g:04d}", "changed": changed and {"sentence": changed[0], "lang": changed[1],
                                                                     "what": changed[4]}})
    return truth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        truth = build(d, args.groups, args.seed)
        r = subprocess.run([sys.executable, "-m", "factlint", "check", ".", "--select", "FL201", "--format", "json",
                            "--no-cache"], cwd=d, capture_output=True, text=True)
        findings = json.loads(r.stdout or "[]")
    by_group = {}
    for f in findings:
        by_group.setdefault(Path(f["path"]).name[:5], []).append(f)
    changed = [t for t in truth if t["changed"]]
    untouched = [t for t in truth if not t["changed"]]
    caught = [t for t in changed if t["group"] in by_group]
    missed_by = {}
    for t in changed:
        if t["group"] not in by_group:
            missed_by[t["changed"]["what"]] = missed_by.get(t["changed"]["what"], 0) + 1
    false_groups = [t["group"] for t in untouched if t["group"] in by_group]
    result = {"groups": len(truth), "changed": len(changed), "recall": len(caught) / len(changed),
              "missed_by_change": missed_by, "untouched": len(untouched),
              "false_conflict_groups": len(false_groups),
              "false_conflicts_per_50_groups": 50 * len(false_groups) / len(untouched),
              "false_examples": [f["message"] for g in false_groups[:5] for f in by_group[g][:1]]}
    print(f"groups {result['groups']}: recall {result['recall']:.3f} on {result['changed']} changed groups "
          f"(missed: {missed_by or 'none'}); {result['false_conflicts_per_50_groups']:.2f} false conflicts per 50 "
          f"untouched groups")
    for e in result["false_examples"]:
        print("  false:", e)
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "numbers.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
