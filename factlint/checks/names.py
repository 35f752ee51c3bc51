"""The ``name`` kind: misspelled and inconsistent names of people and organisations.

Two checks share one extraction of name mentions:

* ``check: registry`` compares each mention with the names registry
  (``entities:`` in the packs) and reports a form that is close to, but not,
  a legitimate form of an entity, with the canonical spelling as the fix.
* ``check: corpus`` needs no registry: it groups the spellings of the whole
  corpus by phonetic block and reports minority spellings of one name.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from factlint.checks import RuleKind, corpus_finding, finding, related_location, span_location
from factlint.lang import load, strip_accents
from factlint.lang.phonetics import skeleton
from factlint.extracts import mentions
from factlint.namematch import compare_names

MAX_NGRAM = 4


@dataclass
class Form:
    words: tuple
    entity: dict
    fuzzy: bool  # may a near spelling be reported against this form?


class Registry:
    """Every legitimate form of every entity, indexed for quick look-up."""

    def __init__(self, entities):
        self.exact: dict[tuple, dict] = {}
        self.wrong: dict[tuple, dict] = {}
        self.by_block: dict[tuple, list[Form]] = defaultdict(list)
        self._resolved: dict[tuple, tuple] = {}
        for entity in entities:
            for words, fuzzy in self._forms(entity):
                self.exact.setdefault(words, entity)
                if fuzzy:
                    form = Form(words, entity, fuzzy)
                    self.by_block[(len(words), _initial(words[-1]))].append(form)
                    if len(words) > 1:
                        self.by_block[(len(words), "first", _initial(words[0]))].append(form)
            for wrong in entity.get("misspellings", ()):
                self.wrong[tuple(wrong.split())] = entity

    @staticmethod
    def _forms(entity):
        name = entity["name"].split()
        yield tuple(name), True
        for alias in entity.get("aliases", ()):
            yield tuple(alias.split()), True
        if entity["type"] == "person" and len(name) >= 2:
            yield (name[-1],), True                 # surname alone: LeCun, Dr. LeCun
            yield (name[0],), False                 # first name alone: legitimate, never a target
            if len(name) == 3:
                yield (name[0], name[-1]), True     # Chris Nicholson
        if name[0] == "The" and len(name) > 1:
            yield tuple(name[1:]), True

    def resolve(self, words):
        """``resolve`` memoised per word sequence: names repeat across a corpus."""
        key = tuple(words)
        hit = self._resolved.get(key)
        if hit is None:
            if len(self._resolved) > 200_000:
                self._resolved.clear()
            hit = self._resolved[key] = resolve(list(key), self)
        return hit

    def candidates(self, words):
        seen = set()
        keys = [(len(words), _initial(words[-1]))]
        if len(words) > 1:
            keys.append((len(words), "first", _initial(words[0])))
        for key in keys:
            for form in self.by_block.get(key, ()):
                if id(form) not in seen:
                    seen.add(id(form))
                    yield form


def _initial(word: str) -> str:
    return strip_accents(word[:1].lower())


def resolve(mention_words, registry: Registry):
    """Segment a mention into registry entities: yields (i, j, entity, kind, reason)."""
    n = len(mention_words)
    covered = [False] * n
    results = []

    def spans(min_len, max_len):
        for size in range(min(max_len, n), min_len - 1, -1):
            for i in range(0, n - size + 1):
                if not any(covered[i:i + size]):
                    yield i, i + size

    def take(i, j, entity, kind, reason=""):
        for k in range(i, j):
            covered[k] = True
        results.append((i, j, entity, kind, reason))

    def exact(min_len, max_len, table, kind, reason=""):
        for i, j in spans(min_len, max_len):
            words = tuple(mention_words[i:j])
            if words in table:
                take(i, j, table[words], kind, reason)

    def near(min_len, max_len):
        for i, j in spans(min_len, max_len):
            words = tuple(mention_words[i:j])
            matches = {}
            for form in registry.candidates(words):
                reason = compare_names(list(words), list(form.words))
                if reason:
                    matches.setdefault(form.entity["name"], (form.entity, reason))
            if len(matches) == 1:
                entity, reason = next(iter(matches.values()))
                take(i, j, entity, "near", reason)
            elif matches:  # two entities are as close: say so, and offer no automatic fix
                entity, reason = next(iter(matches.values()))
                others = " or ".join(f'"{name}"' for name in matches)
                take(i, j, entity, "ambiguous", f"{reason}; it could be {others}")

    # Order matters: known misspellings, then whole names (exact before near), then single words,
    # so "Yann Lacon" is judged as a full name before "Yann" alone counts as a first name.
    exact(1, MAX_NGRAM, registry.wrong, "wrong", "a known misspelling")
    exact(2, MAX_NGRAM, registry.exact, "exact")
    near(2, MAX_NGRAM)
    exact(1, 1, registry.exact, "exact")
    near(1, 1)
    return results, covered


class NameKind(RuleKind):
    name = "name"
    options_schema = {
        "check": {"enum": ["registry", "corpus"], "description": "compare with the registry, or across the corpus"},
        "min_ratio": {"type": "number", "minimum": 1, "description": "corpus: how many times more often the majority spelling appears (default 2)"},
    }
    required_options = ("check",)
    data_sections = {"entities": "entities.schema.json"}
    corpus_phase = True

    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.registry_rules = [r for r in rules if r.options["check"] == "registry"]
        self.corpus_rules = [r for r in rules if r.options["check"] == "corpus"]
        self._registry = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry(self.data.get("entities", []))
        return self._registry

    def explain_extra(self, rule):
        count = len(self.data.get("entities", []))
        return f"Names registry: {count} entities (entities: sections of the loaded packs)."

    def document(self, doc):
        lang = load(doc.lang)
        findings, unexplained = [], []
        for mention in mentions(doc):
            results, covered = self.registry.resolve(mention.tokens)
            offsets = _word_offsets(doc.text, mention)
            for i, j, entity, kind, reason in results:
                if kind == "exact":
                    continue
                start, end = offsets[i][0], offsets[j - 1][1]
                written = doc.text[start:end]
                for rule in self.registry_rules:
                    if rule.applies_to(doc.lang):
                        findings.append(self._registry_finding(doc, rule, start, end, written, entity, reason,
                                                               j - i, kind))
            if not any(covered) and not (mention.initial and len(mention.tokens) == 1):
                loc = span_location(doc, mention.start, mention.end)
                unexplained.append({"words": mention.tokens, "loc": loc})
        return findings, {"lang": doc.lang, "names": unexplained}

    def _registry_finding(self, doc, rule, start, end, written, entity, reason, size, kind):
        canonical = entity["name"]
        target_words = canonical.split()
        if size < len(target_words):  # a surname alone: suggest the surname
            target_words = target_words[-size:]
        target = " ".join(target_words)
        notes = entity.get("notes", {})
        about = ", ".join(v for v in (notes.get("role"), notes.get("organisation")) if v)
        message = rule.format_message(mention=written, canonical=target, why=reason,
                                      about=f" ({about})" if about else "")
        fix = {"replacement": target, "message": f"Replace with {target!r}"} if kind != "ambiguous" else None
        return finding(doc, rule, start, end, message, fix=fix)

    # -- corpus phase ---------------------------------------------------------
    def corpus(self, corpus):
        if not self.corpus_rules:
            return []
        return self._report(cluster_spellings(corpus))

    def summarize(self, corpus):
        return summarize_spellings(corpus)

    def corpus_focused(self, checked, summary, load):
        """The corpus check for a few checked files, from the summary of the rest of the corpus."""
        if not self.corpus_rules:
            return []
        previous = [e for e in (load(e.path) for e in checked) if e is not None]
        return self._report(pair_spellings(spellings_with_summary(summary, checked, previous)))

    def _report(self, clusters):
        findings = []
        for rule in self.corpus_rules:
            ratio = rule.options.get("min_ratio", 2)
            for major, minor, reason in clusters:
                findings.extend(self._inconsistency(rule, major, minor, reason, ratio))
        return findings

    def _inconsistency(self, rule, major, minor, reason, ratio):
        n_major, n_minor = major["count"], minor["count"]
        balanced = n_major < ratio * n_minor
        related = [related_location(e.path, loc, f'"{major["text"]}"') for e, loc in major["places"][:3]]
        if balanced:  # one finding, at a checked place when there is one
            entry, loc = next(((e, l) for e, l in minor["places"] if e.checked), minor["places"][0])
            message = rule.format_message(
                mention=minor["text"], canonical=major["text"], why=reason,
                counts=f"both spellings are used: {n_minor} and {n_major} times")
            return [corpus_finding(entry, rule, loc, message, related=related, snippet=minor["text"])]
        out = []
        for entry, loc in minor["places"]:
            if not entry.checked:
                continue
            message = rule.format_message(mention=minor["text"], canonical=major["text"], why=reason,
                                          counts=f'"{major["text"]}" is used {n_major} times, this spelling {n_minor}')
            out.append(corpus_finding(entry, rule, loc, message, related=related, snippet=minor["text"]))
        return out


def _word_offsets(text, mention):
    """(start, end) of each word of a mention in the document."""
    offsets, pos = [], mention.start
    for word in mention.tokens:
        start = text.find(word, pos, mention.end + 1)
        if start < 0:
            start = pos
        offsets.append((start, start + len(word)))
        pos = start + len(word)
    return offsets


class _Located:
    """A place known only from the corpus summary: a path, never a checked file."""

    checked = False

    def __init__(self, path):
        self.path = path


def collect_spellings(corpus) -> dict:
    """Every spelling of the unexplained names of ``corpus``, with its count and places.

    Spellings are kept per language: across languages, names of places and
    institutions are legitimately translated (Casa Branca / Casa Blanca,
    Parlamento Europeu / Europeo, México / Mexico).  A person's name misspelled
    in another language's version is the registry check's job.
    """
    spellings: dict[tuple, dict] = {}
    for entry in corpus:
        extract = entry.extracts.get("name")
        if not extract:
            continue
        lang = extract["lang"]
        for item in extract["names"]:
            words = tuple(item["words"])
            if any(len(w) < 2 for w in words):
                continue
            key = (words, lang)
            slot = spellings.get(key)
            if slot is None:
                slot = spellings[key] = {"text": " ".join(words), "words": words, "lang": key[1],
                                         "places": [], "count": 0, "checked": False}
            slot["places"].append((entry, item["loc"]))
            slot["count"] += 1
            slot["checked"] = slot["checked"] or entry.checked
    return spellings


def pair_spellings(spellings) -> list:
    """Pairs (majority, minority, reason) of spellings that are probably one name.

    Spellings are grouped by blocks (word count + phonetic skeleton of the last
    word, and of the first word), so only spellings in one block are compared:
    the work grows with the corpus, not with its square.  Blocks without a
    spelling from a checked file are skipped: nothing there would be reported.
    """
    blocks = defaultdict(list)
    for slot in spellings.values():
        words = slot["words"]
        blocks[(len(words), slot["lang"], skeleton(words[-1]))].append(slot)
        if len(words) > 1:
            blocks[(len(words), slot["lang"], "first", skeleton(words[0]))].append(slot)
    pairs, seen = [], set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue
        if not any(m["checked"] for m in members):
            continue
        for a_i, a in enumerate(members):
            for b in members[a_i + 1:]:
                pair_id = frozenset((a["text"], b["text"], a["lang"]))
                if pair_id in seen:
                    continue
                seen.add(pair_id)
                major, minor = (a, b) if a["count"] >= b["count"] else (b, a)
                if len(major["words"]) == 1 and len(major["words"][0]) < 5:
                    continue
                reason = compare_names(list(minor["words"]), list(major["words"]))
                if reason and "truncated" in reason and not any(w[-1].isupper() for w in minor["words"]):
                    continue  # German / Germany, Estado / Estados: words, not cut-off names (OpenA is)
                if reason:
                    pairs.append((major, minor, reason))
    return pairs


def cluster_spellings(corpus):
    return pair_spellings(collect_spellings(corpus))


def summarize_spellings(corpus, samples=3) -> dict:
    """Counts and a few places of every spelling: what a later focused run needs of the corpus."""
    out = {}
    for (words, lang), slot in collect_spellings(corpus).items():
        out["\t".join([lang, *words])] = {"count": slot["count"],
                                          "samples": [[e.path, loc] for e, loc in slot["places"][:samples]]}
    return out


def spellings_with_summary(summary, checked, previous) -> dict:
    """Spellings of the corpus from its summary, with the checked files' old contributions
    (``previous``: their entries when the summary was written) replaced by the fresh ones."""
    stale = collect_spellings(previous)
    paths = {e.path for e in checked}
    spellings = {}
    for key, item in summary.items():
        lang, *words = key.split("\t")
        k = (tuple(words), lang)
        count = item["count"] - (stale[k]["count"] if k in stale else 0)
        if count <= 0:
            continue
        spellings[k] = {"text": " ".join(words), "words": tuple(words), "lang": lang, "count": count,
                        "places": [(_Located(p), loc) for p, loc in item["samples"] if p not in paths],
                        "checked": False}
    for k, slot in collect_spellings(checked).items():
        if k in spellings:
            spellings[k]["count"] += slot["count"]
            spellings[k]["places"] = slot["places"] + spellings[k]["places"]
            spellings[k]["checked"] = True
        else:
            spellings[k] = slot
    return spellings


def print_clusters(linter, entries, suggest=False, min_count=2) -> int:
    """``factlint names``: spellings per probable entity, or registry YAML to paste."""
    import yaml

    pairs = cluster_spellings(entries)
    variants = defaultdict(list)
    for major, minor, reason in pairs:
        variants[major["text"]].append((minor, reason))
    counts = defaultdict(lambda: [0, set()])
    for entry in entries:
        for item in (entry.extracts.get("name") or {}).get("names", ()):
            text = " ".join(item["words"])
            counts[text][0] += 1
            counts[text][1].add(entry.path)
    ranked = sorted(((n, files, t) for t, (n, files) in counts.items() if n >= min_count), key=lambda x: (-x[0], x[2]))
    if suggest:
        items = []
        for n, _files, text in ranked:
            item = {"name": text, "type": "person" if len(text.split()) >= 2 else "organisation"}
            wrong = [minor["text"] for minor, _ in variants.get(text, ())]
            if wrong:
                item["misspellings"] = wrong
            items.append(item)
        print("# Check each entry before adding it to rules/names/: types are guesses.")
        print(yaml.safe_dump({"entities": items}, allow_unicode=True, sort_keys=False), end="")
        return 0
    for n, files, text in ranked:
        print(f"{text}  ({n} mentions in {len(files)} files)")
        for minor, reason in variants.get(text, ()):
            where = ", ".join(sorted({e.path for e, _ in minor["places"]}))
            print(f"    ~ {minor['text']}  ({minor['count']}; {reason}) in {where}")
    return 0
