"""The ``name`` kind: misspelled and inconsistent names of people and organisations.

Two checks share one extraction of name mentions:

* ``check: registry`` compares each mention with the names registry
  (``entities:`` in the packs) and reports a form that is close to, but not,
  a legitimate form of an entity, with the canonical spelling as the fix.
* ``check: corpus`` needs no registry: it groups the spellings of the whole
  corpus by phonetic block and reports minority spellings of one name, within
  one language.
* ``check: translation`` compares the versions of one story: a name of several
  words that one version writes a letter off from the others.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from factlint.checks import (Located, SummarizedKind, corpus_finding, finding, locale_of, related_location,
                             span_location)
from factlint.lang import load, strip_accents
from factlint.lang.phonetics import skeleton
from factlint.extracts import lowercase_words, mentions
from factlint.namematch import compare_names, compare_tokens, edit_distance, translation_slip

MAX_NGRAM = 4
SAMPLES = 3  # places kept per spelling in the summary (shown as related locations)


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
        self.by_name = {entity["name"]: entity for entity in entities}
        self.one_word: dict[str, tuple] = {}  # "openai" -> (OpenAI, "OpenAI"): a one-word name split in two
        self.joined: dict[str, tuple] = {}  # "huggingface" -> (Hugging Face, "Hugging Face"): run together
        self.first_names: set[str] = set()  # of people: followed by another surname, someone else's
        for entity in entities:
            for words, fuzzy in self._forms(entity):
                if not fuzzy and len(words) == 1:
                    self.first_names.add(words[0])
                self.exact.setdefault(words, entity)
                if len(words) == 1 and fuzzy and len(words[0]) >= 6:
                    self.one_word.setdefault(words[0].lower(), (entity, words[0]))
                if len(words) > 1 and fuzzy and entity["type"] != "person":
                    self.joined.setdefault("".join(words).lower(), (entity, " ".join(words)))
                if fuzzy:
                    form = Form(words, entity, fuzzy)
                    self.by_block[(len(words), _initial(words[-1]))].append(form)
                    if len(words) > 1:
                        self.by_block[(len(words), "first", _initial(words[0]))].append(form)
            for wrong in entity.get("misspellings", ()):
                self.wrong[tuple(wrong.split())] = entity

    @staticmethod
    def _forms(entity):
        name = _words(entity["name"])
        yield tuple(name), True
        for alias in entity.get("aliases", ()):
            yield tuple(_words(alias)), True
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

    def spelled(self, entity, written: list[str]) -> str | None:
        """The form of ``entity`` that the words ``written`` most probably misspell: of as many
        words, the closest ("Metta Platforms" -> "Meta Platforms", "Chris Nicholsen" -> "Chris
        Nicholson"), as the registry writes it; None if no form has as many words."""
        same = [words for words, _ in self._forms(entity) if len(words) == len(written)]
        if not same:
            return None
        as_written = " ".join(written).lower()
        best = min(same, key=lambda words: edit_distance(" ".join(words).lower(), as_written))
        displayed = {tuple(_words(form)): form for form in (entity["name"], *entity.get("aliases", ()))}
        return displayed.get(best, " ".join(best))

    def one_word_form(self, squeezed: str) -> str:
        """The registered one-word form that ``squeezed`` (lower case, no spaces) spells."""
        return self.one_word[squeezed][1]

    def context(self, entity) -> tuple:
        """What an article about ``entity`` names besides them: the organisation its notes give,
        in every form the registry knows ("Meta", "Facebook").  Empty when the notes name none."""
        organisation = (entity.get("notes") or {}).get("organisation")
        if not organisation:
            return ()
        known = self.by_name.get(organisation)
        forms = {organisation}
        if known is not None:
            forms |= {" ".join(words) for words, _ in self._forms(known)}
        return tuple(sorted(forms))

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


SPLIT = "written as two words"  # the reason given for "Open AI", "Deep Mind"
JOINED = "written as one word"  # and for "Huggingface", "ScaleAI"


def _words(name: str) -> list[str]:
    """A registered name's words as mentions are read: an initial without its full stop
    ("Chris V. Nicholson" is read Chris, V, Nicholson)."""
    return [w[:-1] if len(w) == 2 and w.endswith(".") and w[0].isalpha() else w for w in name.split()]


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

    def exact(min_len, max_len, table, kind, reason="", unless=lambda i: False):
        for i, j in spans(min_len, max_len):
            words = tuple(mention_words[i:j])
            if words in table and not unless(i):
                take(i, j, table[words], kind, reason)

    def near(min_len, max_len):
        for i, j in spans(min_len, max_len):
            words = tuple(mention_words[i:j])
            if len(words) == 1 and words[0].isupper() and len(words[0]) > 3:
                continue  # a word in capitals, as legal notices write them ("APPLY"), is no name's slip
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
    def spacing():
        """A one-word name split in two ("Open AI"), a name of several words run together ("Huggingface")."""
        for i, j in spans(2, 2):
            found = registry.one_word.get("".join(mention_words[i:j]).lower())
            if found is not None:
                take(i, j, found[0], "near", SPLIT)
        for i, j in spans(1, 1):
            found = registry.joined.get(mention_words[i].lower())
            if found is not None and (mention_words[i],) not in registry.exact:
                take(i, j, found[0], "near", JOINED)

    def someone_else(i) -> bool:
        """Is the word at ``i`` a registered person's first name followed by a surname the
        registry does not know: another person's ("Matt Damon" is not Matt Shumer)?"""
        if mention_words[i] not in registry.first_names or i + 1 >= n or covered[i + 1]:
            return False
        surname = mention_words[i + 1]
        return surname[:1].isupper() and surname.isalpha() and (surname,) not in registry.exact

    exact(1, MAX_NGRAM, registry.wrong, "wrong", "a known misspelling")
    exact(2, MAX_NGRAM, registry.exact, "exact")
    spacing()
    near(2, MAX_NGRAM)
    exact(1, 1, registry.exact, "exact", unless=someone_else)
    near(1, 1)
    return results, covered


class NameKind(SummarizedKind):
    name = "name"
    options_schema = {
        "check": {"enum": ["registry", "article", "corpus", "translation"],
                  "description": "compare with the registry, within the article, across the corpus, or across "
                                 "the versions of a story"},
        "min_ratio": {"type": "number", "minimum": 1, "description": "corpus: how many times more often the majority spelling appears (default 2)"},
    }
    required_options = ("check",)
    data_sections = {"entities": "entities.schema.json"}
    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.registry_rules = [r for r in rules if r.options["check"] == "registry"]
        self.article_rules = [r for r in rules if r.options["check"] == "article"]
        self.corpus_rules = [r for r in rules if r.options["check"] == "corpus"]
        self.translation_rules = [r for r in rules if r.options["check"] == "translation"]
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
        findings, unexplained, alone = [], [], []
        found = mentions(doc)
        full_names = {}  # a word of a name of several words -> that name ("Wade" -> "Will Wade")
        for mention in found:
            if len(mention.tokens) > 1:
                for word in mention.tokens:
                    full_names.setdefault(word, " ".join(mention.tokens))
        resolved = [(mention, *self.registry.resolve(mention.tokens)) for mention in found]
        # the people the article names in full ("Wang" alone is anybody called Wang)
        named = {entity["name"] for _, results, _ in resolved for i, j, entity, kind, _ in results
                 if kind == "exact" and (j - i > 1 or entity.get("type") != "person")}
        mentioned = {entity["name"] for mention, results, covered in resolved for i, j, entity, _, _ in results
                     if not _inside_longer_name(mention, covered, i, j)}
        for mention, results, covered in resolved:
            offsets = _word_offsets(doc.text, mention)
            reported = False
            for i, j, entity, kind, reason in results:
                if kind == "exact" or (kind == "near" and not self._plausible(doc, mention, covered, i, j, entity,
                                                                              reason, named, mentioned)):
                    continue
                start, end = offsets[i][0], offsets[j - 1][1]
                written = doc.text[start:end]
                reported = True
                for rule in self.registry_rules:
                    if rule.applies_to(doc.lang):
                        findings.append(self._registry_finding(doc, rule, start, end, written, entity, reason, kind))
            opening = mention.initial and len(mention.tokens) == 1  # any word may open a sentence
            if not any(covered) and len(mention.tokens) == 1 and mention.tokens[0] not in full_names:
                alone.append(mention)
            # a known name inside a longer one is another name ("Washington Examiner", "Tiffany Ng"),
            # compared like any other unless the registry check already reported a slip in it
            if not all(covered) and not (reported or opening and mention.tokens[0] not in full_names):
                words = _after_offices(mention.tokens)
                start = offsets[len(mention.tokens) - len(words)][0]
                item = {"words": words, "loc": span_location(doc, start, mention.end)}
                if len(mention.tokens) == 1 and mention.tokens[0] in full_names:
                    item["of"] = full_names[mention.tokens[0]]  # a surname or first name used alone
                if opening:  # "Haeder said", after "Simon Haeder": tells a person, but is no spelling to compare
                    item["initial"] = True
                unexplained.append(item)
        if self.article_rules and alone:
            findings.extend(self._within_article(doc, found, alone))
        return findings, {"lang": doc.lang, "locale": locale_of(doc), "names": unexplained}

    def _within_article(self, doc, found, alone):
        """FL104: a word used alone, a letter off the surname of a full name the article gives
        ("Scholtz said", after "Olaf Scholz"), when no other full name of the article is as close."""
        lang = load(doc.lang)
        written = defaultdict(list)
        for mention in alone:
            if len(mention.tokens[0]) >= MIN_SURNAME and not mention.tokens[0].isupper():
                written[mention.tokens[0]].append(mention)
        if not written:
            return []
        # a headline's first word, or one in title case, is capitalised as a headline's: "Late Vinícius
        # goal", "Late Vinícius Goal" name nobody in full
        headlines = _headlines(doc)
        full = [m for m in found if 2 <= len(m.tokens) <= 4 and not _inside(headlines, m.start)]
        surnames = _surnames(full, lang, lambda: lowercase_words(doc))
        if not surnames:
            return []
        # a first name is written alone too ("Vinícius" of "Vinícius Júnior"): only its accents are compared
        first_names = {name.split()[0]: name for name in surnames.values() if len(name.split()) == 2}
        uses = defaultdict(int)  # how often each surname (or first name) is written, alone or in its full name
        compared = set(surnames) | set(first_names)
        for mention in found:
            for word in {mention.tokens[-1], mention.tokens[0]} & compared:
                uses[word] += 1
        out = []
        for word, places in written.items():
            # accents or case alone count only in a name without particles: a place's accents differ
            # beside a title "of" it ("Macedonia", "Primeiro Ministro da Macedônia")
            close = [(surname, reason) for surname in surnames if (reason := surname_slip(word, surname))
                     and not (reason in ("accents differ", "differs only in case")
                              and lang.particles.intersection(surnames[surname].split()))] or \
                [(first, "accents differ") for first in first_names
                 if first != word and strip_accents(first) == strip_accents(word)]
            if len(close) != 1 or len(places) > uses[close[0][0]]:
                continue  # none, two people it could be, or the article's own usage: the full name is the odd one
            surname, reason = close[0]
            # written alone as often as in full ("Craig Halket" ... "Halkett"): either may be the slip
            tied = len(places) == uses[surname]
            verdict = "differs from" if tied else "is probably"
            why = f"{reason}; each is written as often, so either may be the slip" if tied else reason
            fix = None if tied else {"replacement": surname, "message": f"Replace with {surname!r}"}
            for rule in self.article_rules:
                if not rule.applies_to(doc.lang):
                    continue
                for mention in places:
                    message = rule.format_message(mention=word, canonical=surname,
                                                  full=surnames.get(surname) or first_names[surname],
                                                  why=why, verdict=verdict)
                    out.append(finding(doc, rule, mention.start, mention.end, message, fix=fix))
        return out

    def _plausible(self, doc, mention, covered, i, j, entity, reason, named, mentioned) -> bool:
        """Is a name that sounds like a registered one (``mention.tokens[i:j]``) probably that
        entity misspelt, rather than somebody or something else?

        Not when one word of a longer name nobody registered comes close ("Metta" of Metta World
        Peace).  Nor when a full name with another first name comes close to a registered
        person's ("Alexander Wang", the designer, for Alexandr Wang) in an article that never names
        their organisation, even misspelt (``mentioned``: the entities its names resolve to), nor
        them correctly (``named``).  The same first name with a surname off ("Yann Lacon"), a
        surname alone, case and accents ("Lecun") are that entity in any article."""
        if reason in ("differs only in case", "accents differ"):
            return True
        if _inside_longer_name(mention, covered, i, j):
            return False
        if entity.get("type") != "person" or j - i < 2 or entity["name"] in named \
                or mention.tokens[i] == _words(entity["name"])[0]:
            return True
        context = self.registry.context(entity)
        return not context or entity["notes"]["organisation"] in mentioned \
            or any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text) for form in context)  # not "Metabolism"

    def _registry_finding(self, doc, rule, start, end, written, entity, reason, kind):
        words = written.split()  # markup blanked inside the name leaves several spaces
        if reason == SPLIT:  # "Deep Mind": the one-word form it splits, not "Google DeepMind"
            target = self.registry.one_word_form("".join(words).lower())
        elif reason == JOINED:  # "Huggingface": the name of several words it runs together
            target = self.registry.joined[words[0].lower()][1]
        else:
            target = self.registry.spelled(entity, words) or entity["name"]
        notes = entity.get("notes", {})
        about = ", ".join(v for v in (notes.get("role"), notes.get("organisation")) if v)
        message = rule.format_message(mention=" ".join(words), canonical=target, why=reason,
                                      about=f" ({about})" if about else "")
        # no fix over markup (an entity: "Metta&nbsp;Platforms"): replacing it would delete it; the
        # words that differ may be clear of it ("**Mark** Zuckerburg"), and are then fixed alone
        if doc.text[start:end] != doc.source[start:end]:
            start, end, target = _differing_words(doc.text, start, end, words, target)
        markup = doc.text[start:end] != doc.source[start:end]
        fix = {"replacement": target, "message": f"Replace with {target!r}"} \
            if kind != "ambiguous" and not markup else None
        return finding(doc, rule, start, end, message, fix=fix)

    # -- corpus phase ---------------------------------------------------------
    # The summary maps each spelling ("lang<TAB>word<TAB>word") to its count and
    # a few sample places, and holds the translation groups as the numbers check
    # keeps them: small, additive, and all a later focused run needs.
    @staticmethod
    def new_summary():
        from factlint.checks.numbers import new_groups

        return {"spellings": {}, "groups": new_groups()}

    def add_to_summary(self, summary, entry, sign=1, front=False):
        from factlint.checks.numbers import add_to_groups

        add_spellings(summary["spellings"], entry, sign, front)
        if entry.extracts.get("name"):
            add_to_groups(summary["groups"], entry, _pairing_anchors(entry), sign, front)

    def corpus_from_summary(self, summary, checked, load, focused):
        yield from self._across_corpus(summary["spellings"], checked, load, focused)
        yield from self._across_translations(summary, checked, load, focused)

    def _across_translations(self, summary, checked, load, focused):
        """FL103: per story with a checked version, a name one version writes a letter off."""
        if not self.translation_rules:
            return
        from factlint.checks.numbers import MAX_STORY_VERSIONS, translation_groups

        mine = set(checked)
        spellings = summary["spellings"]
        corpus_langs = {key.split("\t", 1)[0] for key in spellings}

        def uses(words, lang=None):
            return sum(spellings.get("\t".join([each, *words]), {}).get("count", 0)
                       for each in ([lang] if lang else corpus_langs))

        for paths, _ in translation_groups(summary["groups"], mine if focused else None):
            if not mine.isdisjoint(paths) and len(paths) <= MAX_STORY_VERSIONS:  # larger: FL206 says why
                versions = [e for e in map(load, paths) if e is not None and e.extracts.get("name")]
                for path, loc, mention, form, langs, reason in translation_slips(versions, mine, uses):
                    # the span is the name's words, one space apart: the other versions' form replaces it
                    fix = {"replacement": form, "message": f"Replace with {form!r}"} \
                        if loc["end"] - loc["start"] == len(mention) else None
                    for rule in self.translation_rules:
                        message = rule.format_message(mention=mention, canonical=form, why=reason,
                                                      where=" and ".join(langs), s="s" if len(langs) > 1 else "")
                        yield corpus_finding(Located(path), rule, loc, message, fix=fix, snippet=mention)

    def _across_corpus(self, summary, checked, load, focused):
        if not self.corpus_rules:
            return
        def checked_spellings():
            return ((key, path, loc) for path in checked for key, loc, _ in _spellings_of(load(path)))

        checked_keys = None  # in a full run every spelling may be reported
        if focused:  # a few files: read them once; only blocks holding one of their spellings matter
            found = list(checked_spellings())
            checked_keys = {key for key, _, _ in found}
        pairs = spelling_pairs(summary, checked_keys)
        minors = {minor["key"] for _, minor, _ in pairs}
        places = defaultdict(list)  # the checked places of each minority spelling
        if minors:
            for key, path, loc in found if focused else checked_spellings():
                if key in minors:
                    places[key].append((path, loc))
        for rule in self.corpus_rules:
            ratio = rule.options.get("min_ratio", 2)
            for major, minor, reason in pairs:
                yield from self._inconsistency(rule, major, minor, reason, ratio, places[minor["key"]])

    def _inconsistency(self, rule, major, minor, reason, ratio, checked_places):
        n_major, n_minor = major["count"], minor["count"]
        related = [related_location(path, loc, f'"{major["text"]}"') for path, loc in major["samples"][:3]]
        if n_major < ratio * n_minor:  # balanced: one finding, at a checked place when there is one
            path, loc = checked_places[0] if checked_places else minor["samples"][0]
            message = rule.format_message(
                mention=minor["text"], canonical=major["text"], why=reason,
                counts=f"both spellings are used: {n_minor} and {n_major} times")
            return [corpus_finding(Located(path), rule, loc, message, related=related, snippet=minor["text"])]
        message = rule.format_message(mention=minor["text"], canonical=major["text"], why=reason,
                                      counts=f'"{major["text"]}" is used {n_major} times, this spelling {n_minor}')
        return [corpus_finding(Located(path), rule, loc, message, related=related, snippet=minor["text"])
                for path, loc in checked_places]


TITLE_CASE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
HTML_HEADING = re.compile(r"<(/?)h[1-6]\b", re.I)


def _headlines(doc) -> list[tuple[int, int]]:
    """The (start, end) of the document's headlines, in order: Markdown and HTML headings, and
    short lines most of whose words (three at least) are capitalised, headlines in title case
    ("Late Vinícius Goal Sends Real Top")."""
    text, source = doc.text, doc.source
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        words = TITLE_CASE_WORDS.findall(line)
        if MARKDOWN_HEADING.match(source, start) or \
                (3 <= len(words) <= 15 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)):
            spans.append((start, end))
        start = end + 1
    if "<h" in source or "<H" in source:
        opened = None
        for tag in HTML_HEADING.finditer(source):
            if not tag.group(1):
                opened = tag.start()
            elif opened is not None:
                spans.append((opened, tag.end()))
                opened = None
        spans.sort()
    return spans


def _inside(spans, at) -> bool:
    """Does ``at`` fall in one of the sorted, disjoint ``spans``?"""
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _differing_words(text, start, end, words, target):
    """(start, end, replacement) of the run of ``words`` (written at ``text[start:end]``) that
    differs from ``target`` word for word; the whole span when the two do not align."""
    wanted = target.split()
    if len(wanted) != len(words):
        return start, end, target
    differing = [k for k, (a, b) in enumerate(zip(words, wanted)) if a != b]
    spans, at = [], start
    for word in words:
        at = text.index(word, at, end)
        spans.append((at, at + len(word)))
        at += len(word)
    first, last = differing[0], differing[-1]
    return spans[first][0], spans[last][1], " ".join(wanted[first:last + 1])


def _after_offices(words: list[str]) -> list[str]:
    """A person's name without the offices written before it, so that it is compared with the
    name written alone: "Finance Minister Fernando Haddad", "Analyst Mariana Oliveira",
    "General Motors Chief Executive Mary Barra".  Only when what is left is two to five words with
    no office, organisation or place word in them (not "General Electric Company")."""
    from factlint.lang import offices

    office = offices()
    last = max((k for k, w in enumerate(words[:4]) if w.lower() in office), default=-1)
    rest = words[last + 1:]
    if last < 0 or not 2 <= len(rest) <= 5 or \
            any(w.lower() in office or w.lower() in ORGANISATION_WORDS or w.lower() in PLACE_WORDS for w in rest):
        return words
    return rest


def _inside_longer_name(mention, covered, i, j) -> bool:
    """Is ``mention.tokens[i:j]``, one word, next to a capitalised word of its mention that no
    entity accounts for (not an acronym: "Metta AI" is still Meta's; not an office: "Professor
    Lecun" is still LeCun)?  It is then part of a longer name ("Metta" of Metta World Peace,
    "Lama" of the Dalai Lama)."""
    if j - i != 1:
        return False
    tokens = mention.tokens
    if j < len(tokens) and not covered[j] and not tokens[j].isupper():
        return True
    if i > 0 and not covered[i - 1] and not tokens[i - 1].isupper() and tokens[i - 1][:1].isupper():
        from factlint.lang import offices

        return tokens[i - 1].lower() not in offices()
    return False


MIN_SURNAME = 4  # shorter words alone are too often other words ("Ek" is for the registry)


def _surnames(found, lang, lowercase) -> dict:
    """{surname: full name} of the people an article names in full: names of two to four words,
    none of them an organisation's or a place's word ("Deutsche Bank", "Costa Rica"), nor, but
    for particles (de, van), a word the article also writes in lower case or a stopword
    ("Primeiro Ministro da Macedônia", "União Europeia" beside "europeia").  ``lowercase``
    gives the article's lower-case words, read only if a name of the right shape is found."""
    out, lowered = {}, None
    for mention in found:
        words = mention.tokens
        if not 2 <= len(words) <= 4 or not all(w.isalpha() for w in words) or words[-1].isupper() \
                or len(words[-1]) < MIN_SURNAME + 1:
            continue
        folded = [w.lower() for w in words]
        if set(folded) & (ORGANISATION_WORDS | PLACE_WORDS):
            continue
        if any(w in lang.stopwords for w in folded if w not in lang.particles):
            continue
        lowered = lowered if lowered is not None else lowercase()
        if any(w in lowered for w in folded if w not in lang.particles):
            continue
        first = len(words) - 2  # the name without the titles before it: "Olaf Scholz" of "Chancellor Olaf Scholz"
        while first > 0 and words[first].lower() in lang.particles:
            first -= 1
        out.setdefault(words[-1], " ".join(words[first:]))
    return out


def surname_slip(word: str, surname: str) -> str | None:
    """Why ``word``, written alone, probably misspells ``surname`` (None if it does not): case,
    accents, one edit that keeps it a name (not a plural, nor a longer word), or the last letter
    dropped from a word of five letters or more ("Morrise" for Morrisey).  Not a word with an
    accent the surname lacks and a letter of its own besides: two changes make another word, often
    a verb opening a sentence ("Pensé que ...", beside Mike Pence)."""
    if word == surname or abs(len(word) - len(surname)) > 2 or word[0].lower() != surname[0].lower() \
            or word in (surname + "s", surname + "es") or surname in (word + "s", word + "es"):
        return None  # the cheap tests first: a slip keeps the first letter and about the length
    reason = compare_tokens(word, surname)
    if reason not in (None, "accents differ") and strip_accents(word) != word and strip_accents(surname) == surname:
        return None
    if reason in (None, "exact") or (reason.startswith("truncated") and (len(word) < 5 or "(1 " not in reason)):
        return None  # a cut-off word of four letters may be a word of its own ("Rich" of Richie)
    return reason


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


def _spellings_of(entry):
    """(spelling key, location, the full name a single word stands for or None) of each
    unexplained name of ``entry``.

    Spellings are kept per language: across languages, names of places and
    institutions are legitimately translated (Casa Branca / Casa Blanca,
    Parlamento Europeu / Europeo, México / Mexico).  A person's name misspelled
    in another language's version is the registry check's job.
    """
    extract = entry.extracts.get("name") if entry is not None else None
    if not extract:
        return
    lang = extract["lang"]
    for item in extract["names"]:
        words = item["words"]
        if all(len(w) >= 2 for w in words) and not item.get("initial"):
            yield "\t".join([lang, *words]), item["loc"], item.get("of")


def _pairing_anchors(entry) -> list:
    """What a document shares with its translations: the anchors the numbers check pairs
    documents by (names and figures), or, with that check off, the words of its names."""
    number = entry.extracts.get("number")
    if number is not None:
        return number["anchors"]
    return sorted({strip_accents(w.lower()) for item in entry.extracts["name"]["names"] for w in item["words"]
                   if len(w) > 2})


def translation_slips(versions, checked, uses=lambda words, lang=None: 0):
    """(path, location, name, form, languages, reason) for each name of several words that a
    checked version of a story writes differently from every other version (no other writes
    it so) and a letter off from a form that the versions in other languages use: all of them,
    or two at least.  Of two versions, which cannot outvote each other, one must be English
    (the others translate names of places differently from each other), and each is reported,
    unless one is the other's original, or the corpus uses one spelling more (``uses``: how
    many times a name is written so, in ``lang`` or in any language).  A spelling other
    articles of its language use too is that language's name for it (Casa Branca, Presidente
    Donald Trump), not a slip."""
    from factlint.checks.numbers import originals_named

    names, inner = {}, {}
    for entry in versions:
        spelt = defaultdict(list)
        for item in entry.extracts["name"]["names"]:
            if len(item["words"]) > 1:
                spelt[tuple(item["words"])].append(item["loc"])
        names[entry.path] = spelt
        inner[entry.path] = _inner_names(spelt)
    originals = originals_named(versions)
    for entry in versions:
        others = [o for o in versions if o.lang != entry.lang]
        needed = min(2, len(others))
        if entry.path not in checked or (needed == 1 and entry.path in originals):
            continue  # two versions cannot outvote each other: the original is the reference
        if needed == 1 and "en" not in {entry.lang, others[0].lang}:
            continue  # Spanish and Portuguese each rename places a letter apart (Casa Blanca, Casa Branca)
        for words, locs in names[entry.path].items():
            if not others or any(words in inner[o.path] for o in versions if o is not entry) \
                    or uses(words, entry.lang) > len(locs):
                continue
            # a form of the other languages -> the versions that use it, accents aside: English
            # drops the accents Spanish and Portuguese keep ("Nunez Feijoo", "Núñez Feijóo")
            support = defaultdict(set)
            for other in others:
                for form in inner[other.path]:
                    support[_unaccented(form)].add(other.lang)
            forms = {form for other in others for form in inner[other.path]}
            slips = {form: reason for form in forms
                     if (reason := translation_slip(list(words), list(form))) and not _rendered(words, form)}
            best = max(slips, key=lambda form: (len(support[_unaccented(form)]), form != _unaccented(form), form),
                       default=None)
            if best is None or len(support[_unaccented(best)]) < needed:
                continue
            form, langs, reason = best, support[_unaccented(best)], slips[best]
            if needed == 1 and uses(words) > uses(form):
                continue  # the corpus writes it so more often: the other version is the slip
            for loc in locs:
                yield entry.path, loc, " ".join(words), " ".join(form), sorted(langs), reason


def _unaccented(words) -> tuple:
    return tuple(strip_accents(w) for w in words)


def _rendered(words, form) -> bool:
    """Does one word of ``words`` differ from ``form`` as a translation renders it: a place's
    Spanish or Portuguese name for its English one ("Rapid Viena" / "Rapid Vienna", the languages'
    ``exonyms``), or an office before the name ("Presidente" / "President", their ``offices``)?"""
    from factlint.lang import exonyms, offices

    return any(exonyms().get(m.lower()) == f.lower() or exonyms().get(f.lower()) == m.lower()
               or m.lower() in offices() or f.lower() in offices()
               for m, f in zip(words, form) if m != f)


def _inner_names(spelt) -> set:
    """The names of several words a version writes, and the runs of two or more words inside
    them: English runs a title into the name ("US Energy Secretary Rick Perry") where Spanish
    and Portuguese write it apart ("el secretario de Energía, Rick Perry")."""
    inner = set()
    for words in spelt:
        for i in range(len(words) - 1):
            inner.update(words[i:j] for j in range(i + 2, len(words) + 1))
    return inner


def add_spellings(summary, entry, sign=1, front=False):
    """Fold the spellings of ``entry`` into a names summary (``sign=-1``: take them out).
    Each spelling counts its uses, per locale, and per full name a single word stood for
    in its article ("Wade" for "Will Wade"), and keeps a few sample places."""
    fresh, full_names = defaultdict(list), defaultdict(list)
    for key, loc, of in _spellings_of(entry):
        fresh[key].append([entry.path, loc])
        if of:
            full_names[key].append(of)
    locale = entry.extracts["name"].get("locale", "") if fresh else ""
    for key, places in fresh.items():
        slot = summary.get(key)
        if slot is None and sign < 0:
            continue
        if slot is None:
            slot = summary[key] = {"count": 0, "locales": {}, "of": {}, "samples": []}
        slot["count"] += sign * len(places)
        _add(slot["locales"], locale, sign * len(places))
        for of in full_names[key]:
            _add(slot["of"], of, sign)
        if sign < 0:
            slot["samples"] = [s for s in slot["samples"] if s[0] != entry.path]
            if slot["count"] <= 0:
                del summary[key]
            continue
        samples = places + slot["samples"] if front else slot["samples"] + places
        slot["samples"] = samples[:SAMPLES]


def _add(counts: dict, item: str, n: int) -> None:
    """Add ``n`` (negative: take away) to ``counts[item]``, dropping it at zero."""
    counts[item] = counts.get(item, 0) + n
    if counts[item] <= 0:
        del counts[item]


def spelling_pairs(summary, checked_keys=None) -> list:
    """Pairs (majority, minority, reason) of spellings that are probably one name.

    Spellings are grouped by blocks (word count + phonetic skeleton of the last
    word, and of the first word), so only spellings in one block are compared:
    the work grows with the corpus, not with its square.  With ``checked_keys``,
    blocks without one of those spellings are skipped: nothing there would be
    reported.
    """
    blocks = defaultdict(list)
    english = {word for key in summary if key.startswith("en\t") for word in key.split("\t")[1:]}
    for key, item in summary.items():
        lang, *words = key.split("\t")
        slot = {"key": key, "text": " ".join(words), "words": words, "lang": lang, "count": item["count"],
                "locales": set(item["locales"]), "of": set(item["of"]), "samples": item["samples"],
                "checked": checked_keys is None or key in checked_keys}
        blocks[(len(words), lang, skeleton(words[-1]))].append(slot)
        if len(words) > 1:
            blocks[(len(words), lang, "first", skeleton(words[0]))].append(slot)
    pairs, seen = [], set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue
        if not any(m["checked"] for m in members):
            continue
        for a_i, a in enumerate(members):
            for b in members[a_i + 1:]:
                pair_id = frozenset((a["key"], b["key"]))
                if pair_id in seen:
                    continue
                seen.add(pair_id)
                major, minor = (a, b) if a["count"] >= b["count"] else (b, a)
                if len(major["words"]) == 1 and len(major["words"][0]) < 5:
                    continue
                reason = compare_names(list(minor["words"]), list(major["words"]))
                if reason == "differs only in case" and (minor["text"].isupper() or major["text"].isupper()):
                    continue  # NIGEL FARAGE in a headline or caption is Nigel Farage in capitals
                if reason == "accents differ" and _orthographies(minor, major):
                    continue
                if minor["of"] and major["of"] and not minor["of"] & major["of"]:
                    continue  # "Wade" of Will Wade and "Wayde" of Wayde Sims: two people
                if reason and "truncated" in reason and not any(w[-1].isupper() for w in minor["words"]):
                    continue  # German / Germany, Estado / Estados: words, not cut-off names (OpenA is)
                if reason and reason not in ("accents differ", "differs only in case") \
                        and _english_form(minor, major, english):
                    continue  # Pennsylvania beside Pensilvania: a name's English form, not a slip
                if reason and _rendered(minor["words"], major["words"]):
                    continue  # Rapid Viena beside Rapid Vienna: a place's own name in the language
                if reason:
                    pairs.append((major, minor, reason))
    return pairs


def _english_form(minor, major, english) -> bool:
    """Is the minority spelling of a Spanish or Portuguese name its English form beside the
    language's own (Pennsylvania / Pensilvania, Samaritans / Samaritanos)?  So it is when every
    word in which the two differ is written the minority's way in the corpus's English articles
    (``english``: the words of their names) and never the majority's way.  A slip the English
    original made ("Davies" for "Davis") is still reported there."""
    if minor["lang"] == "en":
        return False
    differing = [(a, b) for a, b in zip(minor["words"], major["words"]) if a != b]
    return bool(differing) and all(a in english and b not in english for a, b in differing)


def _orthographies(a, b) -> bool:
    """Are ``a`` and ``b`` each written in different locales only (Macedônia in pt-BR articles,
    Macedónia in pt-PT ones)?  Accents are then the locales' spelling rules, not a slip."""
    return "" not in a["locales"] | b["locales"] and not a["locales"] & b["locales"]


# Words that make a name an organisation's or a place's: no person's full name (FL104), and
# `names --suggest`'s guesses.
ORGANISATION_WORDS = frozenset(
    "inc corp corporation ltd llc group grupo labs lab university universidad universidade institute instituto "
    "foundation fundación fundação party partido bank banco agency agencia agência ministry ministerio ministério "
    "council consejo conselho committee comité comitê association asociación associação news times post company "
    "compañía companhia technologies systems media press club federation federación federação commission "
    "comisión comissão court tribunal police policía polícia army ejército exército league liga union unión união "
    "navigation airlines airways".split())
PLACE_WORDS = frozenset(
    "new nueva nova san santa são saint los las rio río ciudad cidade united estados reino costa puerto porto "
    "north south east west norte sur sul mount monte lake lago cape cabo gulf golfo valley valle vale".split())


def _guess_type(text: str, surnames) -> str:
    """A guess at what a name is: an organisation or a place by its words; a person when its
    last word stands alone for it somewhere ("Haeder said", as news names people after the first
    mention); else an organisation."""
    words = text.split()
    lowered = {w.lower() for w in words}
    if lowered & ORGANISATION_WORDS or (len(words) == 1 and text.isupper()):
        return "organisation"
    if lowered & PLACE_WORDS:
        return "place"
    if len(words) >= 2 and (text, words[-1]) in surnames:
        return "person"
    return "organisation"


def print_clusters(linter, entries, suggest=False, min_count=2) -> int:
    """``factlint names``: spellings per probable entity, or registry YAML to paste."""
    import yaml

    summary = {}
    for entry in entries:
        add_spellings(summary, entry)
    pairs = spelling_pairs(summary)
    variants = defaultdict(list)
    for major, minor, reason in pairs:
        variants[major["text"]].append((minor, reason))
    counts = defaultdict(lambda: [0, set()])
    for entry in entries:
        for item in (entry.extracts.get("name") or {}).get("names", ()):
            if item.get("initial"):
                continue
            text = " ".join(item["words"])
            counts[text][0] += 1
            counts[text][1].add(entry.path)
    ranked = sorted(((n, files, t) for t, (n, files) in counts.items() if n >= min_count), key=lambda x: (-x[0], x[2]))
    if suggest:
        surnames = {(item["of"], item["words"][0]) for entry in entries
                    for item in (entry.extracts.get("name") or {}).get("names", ()) if item.get("of")}
        kinds = {text: _guess_type(text, surnames) for _, _, text in ranked}
        people_words = {w for text, kind in kinds.items() if kind == "person" for w in text.split()}
        items = []
        for n, _files, text in ranked:
            if " " not in text and text in people_words:
                continue  # "Zuckerberg": a person's surname alone is legitimate once the person is listed
            item = {"name": text, "type": kinds[text]}
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
            where = ", ".join(sorted(counts[minor["text"]][1]))
            print(f"    ~ {minor['text']}  ({minor['count']}; {reason}) in {where}")
    return 0
