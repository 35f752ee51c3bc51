"""The ``fact`` kind: statements that contradict the knowledge base.

The knowledge base (``facts:``), the role vocabulary (``roles:``) and the
shapes of statements per language (``statements:``) are YAML in the packs.
A statement's names are resolved through the names registry, so "Mr.
Zuckerberg", "Zuckerberg" and even a misspelled "Daniel Eck" are the entity
the facts speak of.  Checks:

* ``date``: founding and release years and months;
* ``role``: a role given to someone who did not hold it when the article was
  written (or someone else's role), using ``since``/``until``;
* ``age``: ages against birth dates and the article's ``date``;
* ``quantity``: figures the knowledge base records (a stake, an investment);
* ``age-unknown`` (off by default): an age that cannot be checked because
  the article has no date.
"""
from __future__ import annotations

import re
from collections import defaultdict

from factlint.checks import PerLanguage, RuleKind, finding
from factlint import extracts
from factlint.checks.names import Registry
from factlint.lang import load
from factlint.mentions import extract_mentions
from factlint.prefilter import LiteralIndex, may_match
from factlint.regexes import word_alternation

CHECKS = ["date", "role", "age", "quantity", "age-unknown", "relative"]
SUMMER = (6, 9)  # months counted as summer (northern hemisphere)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a word of a name: an initial with its full stop ("V."), or a word whose full stops stand inside
# it ("Llama 3.2", "U.S"), never the full stop that ends a sentence ("founded Facebook. Spotify's")
NAME_WORD = r"(?:\p{Lu}\.|%s(?:[\w’'\-]|\.(?=\w))*)"
NAME = (r"(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Dra)\.? )?" + NAME_WORD % r"\p{Lu}"
        + r"(?: (?:(?:de|da|do|del|van|von) )?" + NAME_WORD % r"[\p{Lu}0-9]" + "){0,3}")
TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sr|Sra|Dra)\.?\s+")
AGE_DIGITS = r"\d{1,3}"


def parse_date(value):
    """(year, month or None, day or None) from 2004, '2023-07' or '1984-05-14'."""
    if value is None:
        return None
    parts = [int(p) for p in str(value)[:10].split("-")]
    return tuple(parts + [None] * (3 - len(parts)))


class FactKind(RuleKind):
    name = "fact"
    options_schema = {"check": {"enum": CHECKS}}
    required_options = ("check",)
    data_sections = {"facts": "facts.schema.json", "roles": "facts.schema.json", "statements": "facts.schema.json"}

    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.by_check = defaultdict(list)
        for rule in rules:
            self.by_check[rule.options["check"]].append(rule)
        self.registry = Registry(data.get("entities", []))
        self.facts = data.get("facts", [])
        self.dates = {}
        self.born = {}
        self.roles = defaultdict(list)       # (role, organisation) -> facts
        self.quantities = []
        self.literals = LiteralIndex()
        for fact in self.facts:
            if "founded" in fact or "released" in fact:
                self.dates[fact["entity"]] = fact
            elif "born" in fact:
                self.born[fact["entity"]] = fact
            elif "role" in fact:
                self.roles[(fact["role"], fact["organisation"])].append(fact)
            elif "quantity" in fact:
                keywords = {lang: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.I)
                            for lang, words in fact["quantity"]["keywords"].items() if words}
                gates = {lang: self.literals.gate(k.pattern, k.flags) for lang, k in keywords.items()}
                self.quantities.append((fact, keywords, gates))
        self.role_names = {}
        for item in data.get("roles", []):
            for lang, names in item["names"].items():
                for n in names:
                    self.role_names[(lang, n.lower())] = item["role"]
        self._placeholder_regexes = {}
        by_lang = defaultdict(list)
        for item in data.get("statements", []):
            by_lang[item["lang"]].append(item)
        # compiled for a language when its first article comes (see ``PerLanguage``)
        self.statements = PerLanguage(by_lang, self._statements)

    def _statements(self, lang, items) -> tuple:
        """[(type, compiled pattern, prefilter gate)] of the statements of ``lang``, and the
        literal index of their gates."""
        literals = LiteralIndex()
        return [(item["type"], *self._compile(item, literals)) for item in items], literals

    def _compile(self, item, literals):
        """The statement's pattern with its placeholders filled, compiled, and its prefilter gate."""
        import regex

        pattern = self._expand(item, NAME)
        try:
            compiled = regex.compile(pattern)
        except regex.error as exc:
            from factlint.errors import ConfigError

            raise ConfigError(f"{item['_origin']}: statement pattern does not compile: {exc}") from None
        # the gate reads the pattern with a plain-``re`` stand-in for the name (\p{Lu} is regex-only)
        return compiled, literals.gate(self._expand(item, r"\w+"))

    def _expand(self, item, name):
        pattern = item["pattern"].replace("{NAME}", name)
        for placeholder, regex_text in self._placeholders(item["lang"]).items():
            pattern = pattern.replace(placeholder, regex_text)
        return pattern

    def _placeholders(self, lang):
        """The regexes the statement placeholders stand for in ``lang`` (built once per language)."""
        if lang not in self._placeholder_regexes:
            self._placeholder_regexes[lang] = self._build_placeholders(lang)
        return self._placeholder_regexes[lang]

    def _build_placeholders(self, lang):
        roles = [n for (l, n) in self.role_names if l in (lang, "en")]
        months = list(load(lang).months) if lang in _langs() else []
        words = list(load(lang).number_words) if lang in _langs() else []
        return {"{ROLE}": "(?i:" + word_alternation(roles, ignorecase=True) + ")",
                "{YEAR}": r"(?:1[89]|20)\d\d", "{AGE}": AGE_DIGITS,
                "{NUMBER}": "(?i:\\d{1,2}|" + word_alternation(words, ignorecase=True) + ")",
                "{MONTH}": "(?i:" + word_alternation(months, ignorecase=True) + ")"}

    def explain_extra(self, rule):
        sources = sorted({f["source"] for f in self.facts})
        return (f"Knowledge base: {len(self.facts)} facts (facts: sections of the loaded packs).\n"
                "Sources:\n" + "\n".join(f"  - {s}" for s in sources))

    # -- resolution ---------------------------------------------------------
    def entity(self, text, lang=None):
        """The registry entity a written name stands for (None if unknown)."""
        words = TITLE.sub("", text.strip(" ,.;:")).replace("’s", "").replace("'s", "").split()
        stop = load(lang).stopwords if lang else ()
        while words and words[0].lower() in stop:  # "O Llama 2", "The Open Compute Project"
            words = words[1:]
        if not words:
            return None
        results, _ = self.registry.resolve(words)
        whole = [r for r in results if r[0] == 0 and r[1] == len(words)]
        if whole:
            return whole[0][2]["name"]
        return None

    # -- phase 1 ------------------------------------------------------------
    def document(self, doc):
        date = parse_date(doc.metadata.get("date"))
        findings = []
        folded = extracts.folded(doc)
        if doc.lang in self.statements.languages:
            statements, literals = self.statements[doc.lang]
            present = literals.present(folded)
            for kind, pattern, gate in statements:
                if not may_match(gate, present):
                    continue  # none of the literals a match needs is in the text
                for m in pattern.finditer(doc.text, overlapped=False):
                    findings.extend(self._check(doc, kind, m, date))
        findings.extend(self._check_quantities(doc, self.literals.present(folded)))
        return findings, None

    def _emit(self, check, doc, start, end, **values):
        return [finding(doc, rule, start, end, rule.format_message(**values))
                for rule in self.by_check[check] if rule.applies_to(doc.lang)]

    def _check(self, doc, kind, m, date):
        g = m.groupdict()
        if kind in ("founded", "released"):
            subject = g.get("thing") or g.get("org")
            entity = self.entity(subject, doc.lang)
            fact = self.dates.get(entity)
            if not fact:
                return []
            expected = parse_date(fact.get("founded") or fact.get("released"))
            stated = int(g["year"])
            if stated != expected[0]:
                what = "founded" if "founded" in fact else "released"
                return self._emit("date", doc, m.start("year"), m.end("year"), statement=m.group(),
                                  expected=f"{entity} was {what} in {expected[0]}", source=fact["source"],
                                  as_of=fact["as_of"], stated=stated)
            return []
        if kind == "released-month":
            entity = self.entity(g["thing"], doc.lang)
            fact = self.dates.get(entity)
            expected = parse_date(fact.get("released") or fact.get("founded")) if fact else None
            if not expected or expected[1] is None:
                return []
            month = load(doc.lang).months.get(g["month"].lower())
            if month and month != expected[1]:
                names = list(load(doc.lang).data["months"])
                return self._emit("date", doc, m.start("month"), m.end("month"), statement=m.group(),
                                  expected=f"{entity} was released in {names[expected[1] - 1]} {expected[0]}",
                                  source=fact["source"], as_of=fact["as_of"], stated=g["month"])
            return []
        if kind == "role":
            return self._check_role(doc, m, date)
        if kind in ("years-later", "last-summer"):
            return self._check_relative(doc, kind, m, date)
        if kind == "founded-ago":
            return self._check_founded_ago(doc, m, date)
        if kind in ("age", "age-nearby"):
            person = self.entity(g["person"], doc.lang) if g.get("person") else self._person_before(doc, m.start())
            return self._check_age(doc, m, person, int(g["age"]), date)
        return []

    def _check_role(self, doc, m, date):
        g = m.groupdict()
        role = self.role_names.get((doc.lang, g["role"].lower())) or self.role_names.get(("en", g["role"].lower()))
        person, org = self.entity(g["person"], doc.lang), self.entity(g["org"], doc.lang)
        stop = load(doc.lang).stopwords
        named = [w for w in TITLE.sub("", g["person"]).split() if w.lower() not in stop]
        if not role or not org or not named:
            return []  # "El CEO de Meta": an article, not a person
        holders = [f for f in self.roles.get((role, org), ()) if _valid(f, date)]
        if not holders or any(f["entity"] == person for f in holders):
            return []
        holder = holders[0]
        who = person or g["person"]
        return self._emit("role", doc, m.start("person"), m.end("person"), statement=m.group(),
                          expected=f"the {role} of {org} is {holder['entity']}", source=holder["source"],
                          as_of=holder["as_of"], stated=f"{who} as {role} of {org}")

    def _check_relative(self, doc, kind, m, date):
        """'Three years later' (after 'In 2013') or 'last summer' against dated entities of the sentence."""
        lang = load(doc.lang)
        if kind == "years-later":
            count = _count(m.group("n"), lang)
            before = YEAR.findall(doc.text[max(0, m.start() - 2000):m.start()])
            if not count or not before:
                return []
            year, window = int(before[-1]) + count, (None, None)
            said = f"{m.group()} (after {before[-1]}) is {year}"
        else:
            if date is None or date[1] is None:
                return []
            year = date[0] if date[1] > SUMMER[1] else date[0] - 1
            window = SUMMER
            said = f"{m.group()} (article dated {_fmt_date(date)}) is the summer of {year}"
        sentence = extracts.sentence_at(doc, m.start())
        if sentence is None:
            return []
        # only the first dated product or organisation named right after the expression
        clause = doc.text[m.end():min(sentence.end, m.end() + 80)]
        for mention in extract_mentions(clause, lang):
            for _, _, entity, _, _ in self.registry.resolve(mention.tokens)[0]:
                fact = self.dates.get(entity["name"])
                if not fact or (kind == "last-summer" and "released" not in fact):
                    continue
                known = parse_date(fact.get("released") or fact.get("founded"))
                month_ok = window[0] is None or known[1] is None or window[0] <= known[1] <= window[1]
                if known[0] == year and month_ok:
                    return []
                what = "released" if "released" in fact else "founded"
                when = str(fact.get("released") or fact.get("founded"))
                return self._emit("relative", doc, m.start(), m.end(), stated=said, entity=entity["name"],
                                  expected=f"{entity['name']} was {what} in {when}", source=fact["source"],
                                  as_of=fact["as_of"])
        return []

    def _check_founded_ago(self, doc, m, date):
        """'Facebook, founded 25 years ago' in an article dated 2025: 2000, a year either way
        (the anniversary may fall after the article), against the founding year."""
        entity = self.entity(m.group("org"), doc.lang)
        fact = self.dates.get(entity)
        count = _count(m.group("n"), load(doc.lang))
        if not fact or "founded" not in fact or date is None or not count:
            return []
        year, known = date[0] - count, parse_date(fact["founded"])[0]
        if abs(year - known) <= 1:
            return []
        said = doc.text[m.end("org"):m.end()]
        start = m.end() - len(said.lstrip(", "))  # "founded 25 years ago", "que fue fundada hace 20 años"
        return self._emit("relative", doc, start, m.end(), entity=entity, source=fact["source"],
                          as_of=fact["as_of"], expected=f"{entity} was founded in {known}",
                          stated=f"{doc.text[start:m.end()]} (article dated {_fmt_date(date)}) is {year}")

    def _person_before(self, doc, offset):
        """The last registered person named earlier in the same sentence (the 40-year-old ...)."""
        lang = load(doc.lang)
        sentence = extracts.sentence_at(doc, offset)
        if sentence is None:
            return None
        person = None
        for mention in extract_mentions(doc.text[sentence.start:offset], lang):
            results, _ = self.registry.resolve(mention.tokens)
            for _, _, entity, kind, _ in results:
                if entity["type"] == "person":
                    person = entity["name"]
        return person

    def _check_age(self, doc, m, person, age, date):
        fact = self.born.get(person)
        if not fact:
            return []
        if date is None:
            return self._emit("age-unknown", doc, m.start("age"), m.end("age"), person=person, stated=age)
        born = parse_date(fact["born"])
        possible = _possible_ages(born, date)
        if age in possible:
            return []
        expected = " or ".join(str(a) for a in sorted(possible))
        return self._emit("age", doc, m.start("age"), m.end("age"), statement=m.group(),
                          expected=f"{person} was {expected} on {_fmt_date(date)} (born {fact['born']})",
                          source=fact["source"], as_of=fact["as_of"], stated=age)

    def _check_quantities(self, doc, literals):
        """Figures the knowledge base knows (``literals``: the prefilter keys the text may match)."""
        if not self.quantities or not self.by_check["quantity"]:
            return []
        out = []
        text = doc.text
        present = None
        for fact, keywords, gates in self.quantities:
            q = fact["quantity"]
            keyword, gate = keywords.get(doc.lang), gates.get(doc.lang)
            if keyword is None or not may_match(gate, literals) or not keyword.search(text):
                continue  # cheap tests first: most articles never use the fact's keywords
            if present is None:
                present = {entity["name"] for mention in extracts.mentions(doc)
                           for _, _, entity, _, _ in self.registry.resolve(mention.tokens)[0]}
            if fact["entity"] not in present or (q.get("about") and q["about"] not in present):
                continue
            quantities = extracts.quantities(doc)
            for s in extracts.sentences(doc):
                sentence = text[s.start:s.end]
                if not keyword.search(sentence):
                    continue
                for found in quantities:
                    if not (s.start <= found.start < s.end) or not _same_unit(found, q["unit"]):
                        continue
                    if abs(found.value - q["value"]) > max(found.precision, 0.005 * abs(q["value"])):
                        out += self._emit("quantity", doc, found.start, found.end, statement=found.text,
                                          expected=f"{q['value']:,g} {q['unit']}", source=fact["source"],
                                          as_of=fact["as_of"], stated=found.text)
        return out


def _langs():
    from factlint.lang import supported

    return supported()


def _same_unit(found, unit) -> bool:
    if unit == "percent":
        return found.kind == "percent"
    if unit == "count":
        return found.kind == "count"
    return found.kind == "money" and found.unit == unit


def _count(written: str, lang) -> int:
    """The number of "three years later", "hace 20 años" (0 if it is no number the language knows)."""
    written = written.lower()
    return int(written) if written.isdigit() else int(lang.number_words.get(written, 0))


def _valid(fact, date) -> bool:
    """Did the role hold on the article's date? Without a date, only a current role counts."""
    since, until = parse_date(fact.get("since")), parse_date(fact.get("until"))
    if date is None:
        return until is None
    key = (date[0], date[1] or 1, date[2] or 1)
    if since and key < (since[0], since[1] or 1, since[2] or 1):
        return False
    if until and key > (until[0], until[1] or 12, until[2] or 31):
        return False
    return True


def _possible_ages(born, date) -> set[int]:
    """Ages someone born on ``born`` can have on ``date`` (two when a month or day is unknown)."""
    year, month, day = born
    d_year, d_month, d_day = date
    had_birthday = None
    if month and d_month:
        if d_month != month:
            had_birthday = d_month > month
        elif day and d_day:
            had_birthday = d_day >= day
    if had_birthday is None:
        return {d_year - year - 1, d_year - year}
    return {d_year - year if had_birthday else d_year - year - 1}


def _fmt_date(date) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(date) if p is not None)
