"""The ``sourcing`` kind: claims nobody is quoted for, anonymous sources, quotes without a speaker.

The signals are data (``signals:`` files, one per language, in
``rules/sourcing/``).  A sentence is a *claim* when it carries a figure, a
superlative, a prediction, a causal assertion or a charge, and is not opinion
marked as such nor in the first person (someone speaking: a column's writer, or
a speaker whose quotation marks were lost).  It is *attributed* when it, or the next sentence of the same
paragraph, names who says so (a reporting verb, "according to", a document or
data source, a link), or when it sits in a quotation whose paragraph has a
speaker.  Attribution is not carried across paragraphs, except in articles
written one sentence per paragraph (wire copy, much web news), where the next
paragraph is the next sentence.  Boilerplate (share buttons, "Source link",
footers, disclaimers) is skipped.
"""
from __future__ import annotations

import copy
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from factlint.checks import PerLanguage, RuleKind, finding
from factlint.documents import blank
from factlint.lang import load, supported
from factlint import extracts, prefilter
from factlint.quantities import TIME_NOUNS
from factlint.quotes import QUOTE, quotations_across_paragraphs
from factlint.regexes import top_level_branches, optimized_alternation

CHECKS = ["unattributed-claim", "anonymous-source", "unattributed-quote", "hedge", "unbalanced-quote"]
UNBALANCED = {  # what each kind of unpaired quotation mark means, for FL305's message
    "unclosed": "Quotation mark {mark} opened here is never closed",
    "reopened": "Quotation mark {mark} opened here is not closed before the next {mark} opens "
                "(a quotation inside a quotation takes the other marks)",
    "unopened": "Closing quotation mark {mark} with no opening mark",
}
# a clause of a few words and a colon before a quotation introduces its speaker: an interview's
# "Evans:", "Smith put it bluntly:", "The statement read:"
SPEAKER_LABEL = re.compile(r"(?:^|[.!?]\s+|\n)\s*([^\W\d_][\w.’'\-]*(?:,? [^\W\d_][\w.’'\-]*){0,7}):\s*$")
SPEAKER_LABEL_INSIDE = re.compile(SPEAKER_LABEL.pattern.replace("(?:^|", "(?:", 1))  # a window's start is no line's
SPEAKER_WINDOW = 200  # characters before a quotation that can hold its speaker's label
TITLE_MAX_WORDS = 15  # an article's first paragraph this short, on one line, before a lede, is its title
LEDE_MIN_WORDS = 20
LEDE_SEARCH = 8  # paragraphs looked at for the lede after a title (share buttons may come between)
LAYOUT_MIN_PARAGRAPHS = 4
SENTENCE_LAYOUT_SHARE = 0.8  # this share of one-sentence paragraphs makes a one-sentence-per-paragraph layout
QUOTE_CLOSERS = " \t\n\"”»’)'"
LIST_ITEM_BEFORE = re.compile(r"(?:^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+|<li(?:\s[^>]*)?>\s*)$", re.I | re.M)  # opens an item
HEADING_BEFORE = re.compile(r"(?:^[ \t]{0,3}#{1,6}|<h[1-6](?:\s[^>]*)?>)\s*$", re.I | re.M)  # what opens a heading
# a sentence that goes on with the one before ("Según una encuesta, ... Asimismo, ..."): its source too
CONTINUING = re.compile(r"\s*(?:also|moreover|in addition|furthermore|likewise|asimismo|además|también|igualmente|"
                        r"del mismo modo|além disso|também|da mesma forma|"
                        # a figure added to the one before: "Another six million ...", "Hay otros seis millones"
                        r"another|a further|(?:hay )?otr[oa]s|outr[oa]s)\b", re.I)
# an opinion piece ends with its author's line: "Chris Leslie is MP for Nottingham East"
AUTHOR_LINE = re.compile(r"\A\s*(?:[A-ZÁÉÍÓÚÑ][\w'’.-]+\s+){1,3}(?:is|es|é)\s+(?:\S+\s+){0,14}\S+\s*\Z")
OPINION_KINDS = frozenset({"superlative", "prediction", "comparison", "change", "causal"})  # an author's own views
QUOTE_MIN_WORDS = 5  # shorter quoted phrases are titles, terms or scare quotes
AGE = re.compile(r",\s*(?:de\s+)?\d{1,3}(?:\s*(?:anos|años))?\s*,|\d{1,3}-year-old|\d{1,3}\s+(?:anos|años)\b"
                 r"|\d-foot-\d{1,2}\b")  # a person's age or height: facts of record
# ages listed together or as a range: "aged 33, 34 and 39", "de 33, 34 y 39 años", "aged between 18 and 70",
# "de entre 18 y 70 años"; one told by a clause: "Lula, who is 80, ...", "She was 84."
AGES = re.compile(r"\baged\s+(?:between\s+)?\d{1,3}(?:(?:,\s*|,?\s+(?:and|to)\s+)\d{1,3})*"
                  r"|\b(?:(?:de|com)\s+(?:entre\s+)?|entre\s+)\d{1,3}(?:(?:,\s*|,?\s+(?:[ye]|a)\s+)\d{1,3})*\s+a[nñ]os\b"
                  r"|\b(?:who|he|she)\s+(?:is|was|turns|turned)\s+\d{1,3}(?=\s*[,;.)]|\s+(?:years|this|next|on|in|when)\b)", re.I)
# a person's height, told by the verb before it ("medía más de dos metros", "stands 6ft 5in"): a fact of record
HEIGHT_BEFORE = re.compile(r"\b(?:mide|medía|mede|media|measures|measured|stands|stood)\s+$", re.I)
# or by the words after it ("6 pies, 6 pulgadas de altura", "six feet tall")
HEIGHT_AFTER = re.compile(r"(?:,?\s*\d{1,2}\s*(?:pulgadas|polegadas|inches|in\b)\.?)?\s*(?:de\s+(?:altura|estatura)|tall\b)", re.I)
# a distance that places something ("45 miles (72 km) southeast of the capital", "a 72 km al sureste"): where, not how much
WHERE_AFTER = re.compile(r"\)?\s*(?:\([^)]{1,30}\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\b|away\b|off\b|offshore\b|inland\b"
                         r"|(?:al|a|ao|do|del|de)\s+(?:norte|sur|sul|este|leste|oeste|noreste|nordeste|noroeste|sureste|sudeste|suroeste|sudoeste)\b"
                         r"|de distancia\b|de distância\b|(?:off|from) the coast\b|(?:de la|del|da|do) (?:costa|litoral)\b)", re.I)
# a result of a match or a season (a score, points, a win-loss record): facts of record the event itself reports
SCORE_WORDS = re.compile(r"\b(?:score[sd]?|scoring|points?|record|tally|lead|win|won|wins|defeat|beat|victory|draw|halftime|"
                         r"unbeaten|invict[oa]s?|table|tabla|tabela|sent off|(?:yellow|red) cards?|"
                         r"tarjeta (?:roja|amarilla)|doble amarilla|cart(?:ão|ões) (?:vermelho|amarelo)s?|"
                         r"half-time|marcador|puntos?|pontos?|pontuação|placar|victoria|vitória|derrota|empate|ventaja|"
                         r"vantagem|récord|recorde|registro|gan[óo]|ganad[oa]|ganaron|ganhou|ganhad[oa]|ganharam|venci[óo]|venceu|"
                         r"victorias|vitórias|derrotas|empates|losses|defeats)\b", re.I)
# a match report: what a goal, a pass or a defeat was owed to, or how the score moved, is the match's record
MATCH_WORDS = re.compile(r"\b(?:goals?|gol|goles|gols|golos?|assists?|asistencias?|assistências?|penalty|penalti|pênalti|"
                         r"try|tries|ensayos?|ensaios?|touchdowns?|converted|"
                         r"ball|balón|bola|\d+\s*(?:-|a|to)\s*\d+)\b", re.I)
# a comparison of points or goals ("more points than Spieth") reads the table, as a score does
TALLY_WORDS = re.compile(r"\b(?:points?|puntos?|pontos?|goals?|goles|gols|golos|runs|tries|ensayos|wins|victorias|vitórias)\b", re.I)
# the standings: "the only unbeaten side", "encabezan la tabla", "at the top of La Liga": a ranking the
# league table records
STANDINGS = re.compile(r"\b(?:unbeaten|invict[oa]s?|(?:league )?table|tabla|tabela|standings|clasificación|classificação|"
                       r"\w+-ranked|league|la ?liga|premier league|serie a|bundesliga|ligue 1|brasileirão)\b", re.I)
SCORE_SIZE = 1000  # a tally of points or games is small; a larger count in the same sentence is data
FIGURE_KINDS = {"count", "percent", "money", "unit", "vague"}
TEMPERATURES = {"degC", "degF"}
# a race named by its distance ("won the 200 metres", "as provas de 200 e 400 metros"): an event, not a measure
RACE_BEFORE = re.compile(r"(?:\b(?:the|los|las|os|as)|\b(?:provas?|pruebas?|carreras?|corridas?|races?)\s+(?:de|d[oa]s?))\s+\Z",
                         re.I)
SPORT_WORDS = re.compile(r"\b(?:won|wins|gan[óo]|ganhou|venci[óo]|venceu|medals?|medallas?|medalhas?|golds?|oros|ouros|"
                         r"olympics?|olímpic[oa]s|games|juegos|jogos|relay|hurdles|vallas|barreiras|sprint|final)\b", re.I)
RACE_UNITS = {"meter", "kilometer", "mile", "yard"}
OF_AFTER = re.compile(r"\s+(?:of|de|d[oa]s?)\b", re.I)  # "the 30 metres of water": a measure after all
# a figure in a condition or an open question asserts nothing: "unclear whether he can get 50 votes",
# "unless she raised $2 million", "no está claro si obtendrá 50 votos" (a clause: no comma in between);
# "si bien" is "although", which asserts
HYPOTHETICAL = re.compile(r"\b(?:if|whether|unless|si(?!\sbien\b)|a menos que|a no ser que|a não ser que|"
                          r"(?:claro|sabe|saber|sabemos|sabia) se)\s[^,;:()]*\Z", re.I)
# an embedded question in a sentence that says it is not known: "what caused the crash remains
# unclear", "no se sabe cuándo recibirá", "não se sabe o que causou": a question, not a claim
UNKNOWN = re.compile(r"\b(?:unclear|unknown|not (?:yet )?(?:clear|known)|no one knows|investigat\w*|determin\w+|"
                     r"to find out|wonder\w*|no se sabe|se desconoce|no está claro|investig\w+|averiguar|"
                     r"pregunt\w+|não se sabe|não está claro|desconhec\w+|apurar)\b", re.I)
WH_BEFORE = re.compile(r"\b(?:what|why|how|where|when|whether|qué|por qué|cómo|dónde|cuándo|o que|por que|onde|"
                       r"quando)\s[^,;:()]*\Z", re.I)
# an allegation the law requires a newspaper to call one ("the assault that allegedly occurred"):
# the hedge beside an accusation, a charge or an arrest is the law's wording, not a rumour passed on
ALLEGATION_HEDGES = frozenset({"allegedly", "supuestamente", "presuntamente", "alegadamente", "supostamente"})
LEGAL = re.compile(r"\b(?:accus\w+|charged|indicted|arrested|prosecut\w+|suspect(?:ed)?|trial|court|acus\w+|imputad[oa]s?|"
                   r"detenid[oa]s?|juicio|tribunal|juzgad[oa]|denunci\w+|indiciad[oa]s?|pres[oa]s?|julgament\w+|"
                   r"suspeit[oa]s?|processad[oa]s?)\b", re.I)
# a whether-clause: "whether he will", "si despedirá o no", "se vai ou não demitir"
WHETHER = re.compile(r"\bwhether\s[^,;:()]*\Z", re.I)
WHETHER_OR_NOT = re.compile(r"\s*(?:se|si)\s[^,;:.]*\b(?:ou não|o no)\b", re.I)
STOPWATCH = re.compile(r"\d{1,3}:\d{2}\b|(?<=\d:)\d{2}\b")  # a match clock, "on 27:37": when, not how much
CLOCK = re.compile(r"(?:\bat|\ba las|\ba la|\bàs|\bà|\bdas|\bde las)\s+$", re.I)


def _compile(patterns):
    if not patterns:
        return None
    return re.compile(r"(?<![\w])(?:" + optimized_alternation(patterns, ignorecase=True) + r")(?![\w])", re.I | re.U)


@dataclass
class Signals:
    attribution: object = None
    attribution_loose: object = None  # the branches no literal gates ('"…," the minister hissed')
    refusals: object = None
    own_content: object = None
    anonymous: object = None
    hedges: object = None
    opinion: object = None
    first_person: object = None
    penalty: object = None
    schedule: object = None
    weather: object = None
    boilerplate: object = None
    boilerplate_tail: object = None
    claims: dict = field(default_factory=dict)
    gates: dict = field(default_factory=dict)  # field (or "claims:what") -> literal-index key
    literals: object = None  # the ``prefilter.LiteralIndex`` of the gates
    starts: dict = None  # in one document: gated family -> where its literals start (``for_text``)

    def gated(self):
        """Register each pattern family with a literal index of these signals' own."""
        self.literals = prefilter.LiteralIndex()
        families = {name: getattr(self, name) for name in GATED}
        families.update({f"claims:{what}": pattern for what, pattern in self.claims.items()})
        self.gates = {name: self.literals.gate(p.pattern, p.flags) for name, p in families.items() if p is not None}
        return self

    def for_text(self, folded, text_length):
        """These signals less the families none of whose literals the (folded) document holds,
        knowing where the others' literals start (when folding kept the text's offsets)."""
        found = self.literals.starts(folded)
        absent = prefilter.absent(self.gates, set(found))
        starts = {name: found[key] for name, key in self.gates.items() if key in found} \
            if len(folded) == text_length else None
        return self._without(absent, starts=starts)

    def within(self, start, end):
        """These signals less the families none of whose literals starts in ``start:end`` of the
        document (a sentence): most sentences hold the words of few families."""
        if self.starts is None:
            return self
        absent = [name for name, offsets in self.starts.items() if not prefilter.occurs_between(offsets, start, end)]
        return self._without(absent) if absent else self

    def _without(self, absent, **changes):
        """A shallow copy (cheaper than ``dataclasses.replace``, once per sentence) less the
        ``absent`` families (field names, or "claims:what"), with ``changes`` set."""
        view, claims = copy.copy(self), None
        for name, value in changes.items():
            setattr(view, name, value)
        for name in absent:
            if name.startswith("claims:"):
                claims = claims if claims is not None else dict(self.claims)
                claims.pop(name[len("claims:"):], None)
            else:
                setattr(view, name, None)
        if claims is not None:
            view.claims = claims
        return view


GATED = ("attribution", "refusals", "own_content", "anonymous", "hedges", "opinion", "first_person", "penalty", "schedule", "weather")


def _signals(lang, slot) -> Signals:
    """The compiled signals of one language (``slot``: its merged signal lists)."""
    try:
        gated, loose = _by_gate(slot.get("attribution", []) + slot.get("sources", []))
        return Signals(
            attribution=_compile(gated), attribution_loose=_compile(loose),
            refusals=_compile(slot.get("refusals")), own_content=_compile(slot.get("own_content")),
            anonymous=_compile(slot.get("anonymous")), hedges=_compile(slot.get("hedges")),
            opinion=_compile(slot.get("opinion")), first_person=_compile(slot.get("first_person")),
            penalty=_compile(slot.get("penalty")),
            schedule=_compile(slot.get("schedule")), weather=_compile(slot.get("weather")),
            boilerplate=re.compile(r"\A\s*(?:" + "|".join(slot.get("boilerplate", ["(?!)"])) + ")", re.I),
            boilerplate_tail=re.compile(r"\A\s*(?:" + "|".join(slot.get("boilerplate_tail", ["(?!)"])) + ")", re.I),
            claims={what: _compile(p) for what, p in slot["claims"].items()},
        ).gated()
    except re.error as exc:
        from factlint.errors import ConfigError

        raise ConfigError(f"sourcing signals for {lang!r}: a pattern does not compile: {exc}") from None


def _by_gate(patterns) -> tuple[list[str], list[str]]:
    """The branches of ``patterns`` a literal gates, and the others: apart, the first can be
    skipped in a sentence that holds none of their literals."""
    gated, loose = [], []
    for pattern in patterns:
        for branch in top_level_branches(pattern):
            literals = prefilter.required_literals(r"(?<![\w])(?:" + branch + r")(?![\w])", re.I | re.U)
            (loose if literals is None else gated).append(branch)
    return gated, loose


class SourcingKind(RuleKind):
    name = "sourcing"
    options_schema = {"check": {"enum": CHECKS}}
    required_options = ("check",)
    data_sections = {"signals": "signals.schema.json"}

    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.by_check = {c: [r for r in rules if r.options["check"] == c] for c in CHECKS}
        merged: dict[str, dict] = {}
        for item in data.get("signals", []):
            slot = merged.setdefault(item["lang"], {"claims": {}})
            for key, value in item.items():
                if key == "claims":
                    for what, pats in value.items():
                        slot["claims"].setdefault(what, []).extend(pats)
                elif isinstance(value, list):
                    slot.setdefault(key, []).extend(value)
        # compiled for a language when its first article comes: a pre-commit run on one file pays
        # for its own language only
        self.signals = PerLanguage(merged, _signals)

    def explain_extra(self, rule):
        return "Signals per language: " + ", ".join(sorted(self.signals.languages)) + \
            " (signals: sections of the loaded packs)."

    def document(self, doc):
        findings = self._unbalanced_quotes(doc)  # quotation marks pair in any language
        if doc.lang in self.signals.languages:
            signals = self.signals[doc.lang].for_text(extracts.folded(doc), len(doc.text))
            for claim in analyse(doc, signals):
                findings.extend(self._findings(doc, claim))
        return findings, None

    def _unbalanced_quotes(self, doc):
        """FL305: quotation marks left without their partner, over the article's paragraphs."""
        rules = [r for r in self.by_check["unbalanced-quote"] if r.applies_to(doc.lang)]
        if not rules or doc.lang not in supported():  # sentences need the language's data
            return []
        from factlint.quotes import unbalanced

        spans = [(group[0].start, group[-1].end) for _, group in sorted(extracts.paragraphs(doc).items())]
        return [finding(doc, rule, at, at + 1, rule.format_message(problem=UNBALANCED[what].format(mark=doc.text[at])))
                for at, what in unbalanced(doc.text, spans) for rule in rules]

    def _findings(self, doc, s):
        out = []
        lang_rules = lambda check: [r for r in self.by_check[check] if r.applies_to(doc.lang)]
        if s["claim"] and not s["attributed"] and not s["anonymous"] and not s["spoken"]:
            for rule in lang_rules("unattributed-claim"):
                out.append(finding(doc, rule, s["start"], s["end"], rule.format_message(
                    why=s["claim"], looked="a reporting verb, 'according to', a named source or a link")))
        if s["anonymous"]:
            for rule in lang_rules("anonymous-source"):
                start, end = s["anonymous"]
                out.append(finding(doc, rule, start, end, rule.format_message(match=doc.text[start:end])))
        if s["quote"] and not s["speaker"]:
            for rule in lang_rules("unattributed-quote"):
                start, end = s["quote"]
                out.append(finding(doc, rule, start, end, rule.format_message(quote=_short(doc.text[start:end]))))
        if s["hedge"]:
            for rule in lang_rules("hedge"):
                start, end = s["hedge"]
                out.append(finding(doc, rule, start, end, rule.format_message(match=doc.text[start:end])))
        return out


def _short(text, limit=50):
    text = _shown(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def analyse(doc, signals):
    """Per sentence: is it a claim (and why), attributed, anonymous, a quote with a speaker?"""
    lang = load(doc.lang)
    text = doc.text
    sentences = extracts.sentences(doc)
    quantities = extracts.quantities(doc)
    q_starts = [q.start for q in quantities]  # sorted: each sentence reads only its own figures
    paragraphs = extracts.paragraphs(doc)
    results = []
    skipping_tail = False
    speaker_before = False  # the previous paragraph quoted someone it named
    span_speaker = False  # the quotation running over several paragraphs has a speaker
    numbers = sorted(paragraphs)
    views = {s.start: signals.within(s.start, s.end) for s in sentences}  # each sentence's families
    attributed_in = {n: [_names_a_source(text[s.start:s.end], views[s.start]) for s in paragraphs[n]]
                     for n in numbers}
    # written one sentence per paragraph (wire copy, web news), a paragraph is a sentence of the flow:
    # the next sentence may name the source even though it stands in the next paragraph
    sentence_flow = len(numbers) >= LAYOUT_MIN_PARAGRAPHS and \
        sum(len(paragraphs[n]) == 1 for n in numbers) >= SENTENCE_LAYOUT_SHARE * len(numbers)
    open_quotes, carried_quotes = quotations_across_paragraphs(text, [paragraphs[n] for n in numbers])
    open_quotes = {numbers[k]: (at, [numbers[j] for j in range(k, last + 1)]) for k, (at, last) in open_quotes.items()}
    carried_quotes = {numbers[k]: until for k, until in carried_quotes.items()}
    title = _title(text, paragraphs, numbers, signals)
    weather_before = False  # the sentence before spoke of the weather
    # a signed opinion piece: its views are its author's, its figures still need a source
    last = (paragraphs[numbers[-1]][0].start, paragraphs[numbers[-1]][-1].end) if numbers else None
    signed = bool(numbers) and _is_author_line(text[last[0]:last[1]], _emphasised(doc.source, *last))
    for index, number in enumerate(numbers):
        group = paragraphs[number]
        para_text = text[group[0].start:group[-1].end]
        if skipping_tail or signals.boilerplate_tail.match(para_text):
            skipping_tail = True
            continue
        if signals.boilerplate.match(para_text) or _is_headline(para_text) or _is_heading(doc.source, group[0].start) \
                or number == title:
            continue
        attributed = attributed_in[number]
        # in wire copy, the next paragraph's source is this one-sentence paragraph's too (not a
        # list's item: a list of facts ends before the paragraph after it; nor when the next
        # paragraph reports content of its own, "X dijo que ...")
        following = paragraphs[numbers[index + 1]][0] if index + 1 < len(numbers) else None
        next_speaks = sentence_flow and len(group) == 1 and following is not None \
            and attributed_in[numbers[index + 1]][0] and not _opens_with(LIST_ITEM_BEFORE, doc.source, group[0].start) \
            and not _reports_its_own(text[following.start:following.end], views[following.start])
        neighbour_speaks = any(any(attributed_in[numbers[k]]) for k in (index - 1, index + 1) if 0 <= k < len(numbers))
        quotes = [(m.start() + group[0].start, m.end() + group[0].start) for m in QUOTE.finditer(para_text)
                  if _is_speech(m.group(), lang)]
        in_order = list(quotes), [qs for qs, _ in quotes]  # apart, in order and disjoint: read by bisection
        carried = carried_quotes.get(number)  # the part of this paragraph a quotation opened before covers
        opened, spanned = open_quotes.get(number, (None, ()))  # a quotation opened here, closed later
        spanning = None
        if opened is not None and _is_speech(text[opened:carried_quotes[spanned[-1]]], lang):  # the whole quotation
            spanning = (opened, group[-1].end)
            quotes.append(spanning)
        # a quotation opening its paragraph continues the speaker of the previous paragraph's quote
        continued = bool(quotes) and speaker_before and quotes[0][0] - group[0].start <= 2
        labelled = any(_speaker_label(text, group[0].start, qs) for qs, _ in quotes)  # Evans: "..."
        para_speaker = any(attributed) or continued or labelled
        if carried is not None:  # inside a quotation opened before: its speaker speaks here
            para_speaker = para_speaker or span_speaker
        if opened is not None:  # the speaker of a quotation may be named in any of its paragraphs
            span_speaker = para_speaker or any(any(attributed_in[n]) for n in spanned)
            para_speaker = span_speaker
        speaker_before = para_speaker and (bool(quotes) or carried is not None)
        # an interview's answer: the paragraph after a question set in bold or italics ("**Is it a worry?**")
        answer = index > 0 and _is_interview_question(text, doc.source, paragraphs[numbers[index - 1]])
        for i, s in enumerate(group):
            sentence = text[s.start:s.end]
            here = views[s.start]
            # the quotations this sentence touches (a paragraph may hold thousands of sentences and quotations)
            reach = max(s.end, s.start + 3)  # a quotation opening up to two characters in is the sentence's
            near = _overlapping(*in_order, s.start, reach)
            if spanning is not None and spanning[0] < reach and s.start < spanning[1]:
                near.append(spanning)
            # the sentence before, or in wire copy (a sentence per paragraph) the paragraph before, names its source
            attributed_before = attributed[i - 1] if i > 0 else \
                sentence_flow and index > 0 and attributed_in[numbers[index - 1]][-1]
            in_quote = any(qs <= s.start < qe or s.start <= qs < s.end for qs, qe in near)
            # a sentence someone is quoted saying: sourced by its speaker, or the quotation check's business
            spoken = any(qs <= s.start + 2 and s.start < qe for qs, qe in near) or \
                (carried is not None and s.start < carried) or answer
            figures = quantities[bisect_left(q_starts, s.start):bisect_left(q_starts, s.end)]
            # words in quotation marks are their speaker's claim, not the writer's: the quotation
            # check asks who said them ("In what would be “the most dramatic finale ever!”")
            quoted = [(max(qs, s.start) - s.start, min(qe, s.end) - s.start) for qs, qe in near
                      if qs < s.end and s.start < qe]
            # the weather is the topic of this sentence, or of the one before ("Rosa will bring
            # heavy rain. Locally, 1 to 4 inches are expected")
            weather_here = _search(here.weather, sentence) is not None
            weather, weather_before = weather_here or weather_before, weather_here
            claim = _claim(_unquoted(sentence, quoted), s, _outside(figures, quoted, s.start), here, weather, signed)
            if not claim and quoted:
                claim = _claim(sentence, s, figures, here, weather, signed)
                spoken = spoken or bool(claim)
            anonymous = _search(here.anonymous, sentence)
            hedge = None if spoken else _search(here.hedges, sentence)  # a speaker's hedge is theirs
            if hedge is not None and _attributes(blank(sentence, hedge.start(), hedge.end()), here):
                hedge = None  # "reportedly paid $2 billion, Bloomberg reported": it names its source ("se dice" no)
            if hedge is not None and hedge.group().lower() in ALLEGATION_HEDGES and LEGAL.search(sentence):
                hedge = None  # "accused him of an assault that allegedly occurred": the law's wording, not a rumour
            if (claim or hedge) and not spoken and _search(here.first_person, sentence):
                # a sentence in the first person is someone speaking too: the writer of a column, or
                # a speaker whose quotation marks were lost (only a claim or a hedge needs to know)
                spoken, hedge = True, None
            quote = next(((qs, qe) for qs, qe in near if s.start <= qs < s.end and _opens(text, s.start, qs)), None)
            results.append({
                "start": s.start, "end": s.end, "claim": claim,
                "attributed": attributed[i] or (attributed[i + 1] if i + 1 < len(group) else next_speaks)
                or (attributed_before and CONTINUING.match(sentence) is not None)
                or ((in_quote or spoken) and para_speaker),
                "spoken": spoken,
                "anonymous": (anonymous.start() + s.start, anonymous.end() + s.start) if anonymous else None,
                "hedge": (hedge.start() + s.start, hedge.end() + s.start) if hedge else None,
                "quote": quote,
                "speaker": para_speaker or neighbour_speaks,
            })
    return results


def _is_author_line(paragraph: str, emphasised: bool = False) -> bool:
    """Is the article's last paragraph its author's line, one short line naming the writer and
    their role, with no full stop (a news sentence has one) unless the whole line is set in
    italics or bold, as a bio is ("*Luis Garicano es economista.*"), so the article is a signed
    opinion piece?"""
    line = paragraph.strip()
    return "\n" not in line and (emphasised or not line.endswith((".", "!", "?"))) and AUTHOR_LINE.match(line) is not None


def _is_interview_question(text, source, group) -> bool:
    """Is the paragraph of sentences ``group`` an interviewer's question: one line ending with a
    question mark, set whole in bold or italics, as a Q&A sets its questions apart?"""
    start, end = group[0].start, group[-1].end
    line = text[start:end].strip()
    return "\n" not in line and line.rstrip(QUOTE_CLOSERS).endswith("?") and _emphasised(source, start, end)


def _emphasised(source: str, start: int, end: int) -> bool:
    """Is the paragraph at ``start:end`` of the source wrapped whole in emphasis markup?"""
    line = source[max(0, start - 2):end + 2].strip()
    return len(line) > 4 and line[0] in "*_" and line[-1] in "*_"


def _is_headline(paragraph: str) -> bool:
    """A one-line paragraph of a few words with no closing punctuation is a headline or a label;
    headlines summarise the article and carry no attribution by convention."""
    line = paragraph.strip()
    return "\n" not in line and len(line.split()) <= 20 and not line.endswith((".", "!", "?", "”", '"', "»", "’", "'", ":"))


def _is_title(paragraph: str, following: str) -> bool:
    """Is the first paragraph of an article, one short line before a much longer paragraph,
    its title?  A plain-text article often opens with its headline, full stop included."""
    line = paragraph.strip()
    words, next_words = len(line.split()), len(following.split())
    return "\n" not in line and words <= TITLE_MAX_WORDS and next_words >= max(2 * words, LEDE_MIN_WORDS)


def _title(text, paragraphs, numbers, signals):
    """The number of the article's first paragraph if it is its title (None if not): the
    first paragraph a lede follows, boilerplate in between skipped."""
    bodies = [text[paragraphs[n][0].start:paragraphs[n][-1].end] for n in numbers[:LEDE_SEARCH]]
    following = next((b for b in bodies[1:] if not signals.boilerplate.match(b)), None)
    return numbers[0] if following is not None and _is_title(bodies[0], following) else None


def _is_heading(source: str, start: int) -> bool:
    """Is the paragraph at ``start`` a Markdown or HTML heading (its marker blanked in the text)?
    A heading is a headline even when it ends with a full stop."""
    return _opens_with(HEADING_BEFORE, source, start)


def _outside(figures, quoted, offset) -> list:
    """The ``figures`` (in order) outside the ``quoted`` spans (relative to ``offset``): one pass
    over both, since a sentence may hold thousands of each."""
    merged: list[list[int]] = []  # the spans in order, a quotation over several paragraphs merged in
    for a, b in sorted(quoted):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    quoted = merged
    out, k = [], 0
    for q in figures:
        at = q.start - offset
        while k < len(quoted) and quoted[k][1] <= at:
            k += 1
        if not (k < len(quoted) and quoted[k][0] <= at):
            out.append(q)
    return out


def _overlapping(quotes, starts, lo, hi) -> list:
    """The ``quotes`` (in order, disjoint; ``starts`` their starts) that overlap ``lo:hi``."""
    k = bisect_left(starts, hi)
    j = k
    while j > 0 and quotes[j - 1][1] > lo:
        j -= 1
    return quotes[j:k]


def _opens_with(marker, source: str, start: int) -> bool:
    """Does ``marker`` (a Markdown or HTML opening, blanked in the text) open the line at ``start``?"""
    return bool(marker.search(source, source.rfind("\n", 0, start) + 1, start))


def _speaker_label(text: str, start: int, quote_start: int) -> bool:
    """Does a clause that opens with a capital and ends with a colon introduce the quotation
    (an interview's "Evans: ...", "Smith put it bluntly: ...")?"""
    # only the end of the paragraph before the quotation is read: a paragraph of a thousand
    # quotations would otherwise be read a thousand times over
    window = max(start, quote_start - SPEAKER_WINDOW)
    match = (SPEAKER_LABEL if window == start else SPEAKER_LABEL_INSIDE).search(text[window:quote_start])
    return bool(match) and match.group(1)[:1].isupper()


def _opens(text, sentence_start, quote_start) -> bool:
    """Does the quotation open its sentence (or follow a colon)?  A quoted phrase inside a
    sentence ("called it an “attempt to rewrite history”") is a partial quote whose speaker
    the surrounding sentences name."""
    before = text[sentence_start:quote_start].strip()
    return not before or before.endswith(":")


def _is_speech(quoted: str, lang) -> bool:
    """Words someone said, not a title or a name in quotation marks ("República de Macedonia del Norte")."""
    words = re.findall(r"[^\W\d_]+", quoted)
    if len(words) < QUOTE_MIN_WORDS:
        return False
    # the first word is capitalised as any sentence's is: "Acabamos de empezar" is speech as
    # "acabamos de empezar" would be, while a name keeps its capitals ("Macedonia del Norte")
    first = words[0].lower() if words[0][1:].islower() else words[0]
    plain = [w for w in [first, *words[1:]] if w.islower() and w not in lang.stopwords and w not in lang.particles]
    return len(plain) >= 2


def _unquoted(sentence: str, quoted) -> str:
    """``sentence`` with its quoted spans (offsets in the sentence) blanked."""
    for start, end in quoted:
        sentence = blank(sentence, start, end)
    return sentence


def _reports_its_own(sentence, signals) -> bool:
    """Does ``sentence`` report content of its own ("X dijo que ..."), so that it is no source of
    the paragraph before?  Not when it goes on from it ("Além disso, disseram que ..."): the
    same speaker said both."""
    return _search(signals.own_content, sentence) is not None and CONTINUING.match(sentence) is None


def _names_a_source(sentence, signals) -> bool:
    """Does ``sentence`` attribute what it or its neighbours say?  A refusal to comment ("did not
    respond to a request for comment", "no quiso comentar") names someone asked, not a source."""
    if signals.refusals is not None:
        sentence = signals.refusals.sub(lambda m: " " * len(m.group()), sentence)
    return _attributes(sentence, signals)


def _attributes(sentence, signals) -> bool:
    return _search(signals.attribution, sentence) is not None or _search(signals.attribution_loose, sentence) is not None


def _search(pattern, text):
    return pattern.search(text) if pattern is not None else None


def _claim(sentence, s, quantities, signals, weather=False, signed=False) -> str:
    """Why the sentence ``s`` is check-worthy ('' if it is not); ``quantities``: its figures;
    ``weather``: the weather is its topic, so a forecast, a measure or a cause is the forecaster's;
    ``signed``: the article is an opinion piece, whose views (not figures) are its author's."""
    if signals.opinion is not None and signals.opinion.search(sentence):
        return ""
    if sentence.rstrip(QUOTE_CLOSERS).endswith("?"):
        return ""  # a question asserts nothing
    # the penalty a law sets ("punishable by a $2,000 fine") is the law's figure, not a claim
    penalty = bool(quantities) and _search(signals.penalty, sentence) is not None
    for k, q in enumerate(quantities):
        # a temperature is a reading of the weather, and so, in a sentence about it, is any measure
        if q.kind in FIGURE_KINDS and not penalty and not (q.kind == "unit" and (weather or q.unit in TEMPERATURES)):
            if q.kind == "count" and q.value < 10 and not q.scaled:
                continue
            if q.kind == "count" and q.value < SCORE_SIZE and not q.scaled and SCORE_WORDS.search(sentence):
                continue  # "a final score of 16.5 to 10.5", "a record of 13-21-3", "14.5 points"
            if q.kind == "vague" and q.high < 1000:
                continue
            if q.kind == "count" and (q.noun in TIME_NOUNS or CLOCK.search(sentence[:q.start - s.start])
                                      or STOPWATCH.match(sentence, q.start - s.start)):
                continue  # "every 15 minutes", "at ten": when, not how much
            if HYPOTHETICAL.search(sentence, 0, q.start - s.start):
                continue
            first = quantities[q.range_with] if 0 <= q.range_with < k else q  # a range's first end
            if q.kind == "unit" and q.unit in RACE_UNITS and RACE_BEFORE.search(sentence, 0, first.start - s.start) \
                    and not OF_AFTER.match(sentence, q.end - s.start) and SPORT_WORDS.search(sentence):
                continue
            window = sentence[max(0, q.start - s.start - 2):q.end - s.start + 12]
            if AGE.search(window) or _in_ages(sentence, q.start - s.start):
                continue
            if weather and q.kind == "count" and q.value < SCORE_SIZE and any(o.kind == "unit" for o in quantities):
                continue  # "2 to 5 centimetres of rain, and up to 10 in places": the measure, its unit left out
            if q.kind == "unit" and (HEIGHT_BEFORE.search(sentence, 0, q.start - s.start)
                                     or HEIGHT_AFTER.match(sentence, q.end - s.start)
                                     or WHERE_AFTER.match(sentence, q.end - s.start)):
                continue
            # a range is quoted whole: "five to ten per cent", not "five"
            last = quantities[k + 1] if q.range_with >= 0 and k + 1 < len(quantities) and \
                quantities[k + 1].range_with >= 0 else q
            return f"a figure: {_shown(sentence[q.start - s.start:last.end - s.start])!r}"
    for what, pattern in signals.claims.items():
        if signed and what in OPINION_KINDS:
            continue
        match = _search(pattern, sentence)
        if match and not (what == "prediction" and _search(signals.schedule, sentence)) \
                and not (weather and what in ("prediction", "causal")) \
                and not (what in ("causal", "change") and MATCH_WORDS.search(sentence)) \
                and not (what == "comparison" and TALLY_WORDS.search(match.group())) \
                and not (what in ("prediction", "causal", "change") and _asked(sentence, match)) \
                and not (what in ("superlative", "comparison") and STANDINGS.search(sentence)):
            return f"a {what}: {_shown(match.group())!r}"
    return ""


def _asked(sentence, match) -> bool:
    """Is the prediction, cause or change ``match`` asked rather than claimed: in an embedded
    question of a sentence that says it is not known ("what caused the crash remains unclear"),
    or in a whether-clause ("Whether Trump will fire him has been the talk", "Se Trump vai ou
    não demiti-lo")?"""
    if UNKNOWN.search(sentence) and WH_BEFORE.search(sentence, 0, match.start()):
        return True
    return WHETHER.search(sentence, 0, match.start()) is not None or \
        WHETHER_OR_NOT.match(sentence[:match.end() + 60]) is not None


def _shown(words: str) -> str:
    """Words as a message quotes them: a no-break space or a line break is a plain space."""
    return " ".join(words.split())


def _in_ages(sentence, at) -> bool:
    """Is the figure at ``at`` one of a list of ages ("aged 33, 34 and 39")?"""
    return any(m.start() <= at < m.end() for m in AGES.finditer(sentence))
