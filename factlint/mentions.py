"""Proper-name mentions: spans of capitalised words, in any of the languages.

A mention is a run of capitalised tokens (camel case, acronyms, accents,
apostrophes and hyphens included) that may contain name particles (de, da,
van, von ...) and may carry a title (Mr., Sra., Dr.) and a possessive.  Digits
may follow a name (Gemma 2B, Llama 3.2) and are kept, so different versions
stay different names.  A word capitalised only because it starts a sentence
is not a name: its lower-case form is a common word, or the document writes
it in lower case elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


WORD = r"[^\W_][\w]*(?:['’\-][^\W_][\w]*)*(?:['’]s\b)?"
# A plain word: lower-case Latin letters, ending where WORD would end too, so a run of them
# (separated by spaces or commas) is one match instead of one per word; anything else
# (a capital, a digit, another script) ends the run and is read by the other alternatives.
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
PLAIN = rf"[{_LOWER}][{_LOWER}0-9]*(?:['’\-][{_LOWER}][{_LOWER}0-9]*)*(?![\w])(?!['’\-][^\W_])"
TOKEN = re.compile(rf"(?:{PLAIN}[ \t,]+)*(?P<last>{PLAIN})|{WORD}|[.!?;:()\[\]{{}}“”\"«»—–]|\n\s*\n|\n", re.U)
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
POSSESSIVE = re.compile(r"['’]s?$")
SENTENCE_END = set(".!?")


@dataclass
class Token:
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence, line or quote


@dataclass
class Mention:
    text: str          # the name as written, without title or possessive
    start: int
    end: int
    tokens: list       # the name's words
    title: str = ""
    initial: bool = False


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (len(word) > 1 and word[0].islower() and word[1].isupper())  # iPhone


def is_name_word(word: str) -> bool:
    return word[:1].isalpha() and is_capitalised(word)


def _tokens(text: str, lang):
    """The tokens a name can be made of (capitalised words, figures, particles), each
    marked ``initial`` when it opens a sentence, line or quotation.

    Other words and punctuation are read only to know where sentences start;
    they never join a name, because the gap between two kept tokens must be a
    single space.  A run of plain lower-case words is read as one token: only
    its last word can matter (a particle before a name: "Joelle de Pineau"), or
    its last two when they make one particle ("von der Leyen"), since a name
    never continues across a lower-case word.
    """
    particles = lang.particles
    abbreviations = lang.abbreviations
    initial = True
    prev_word = ""
    kept = []
    for match in TOKEN.finditer(text):
        last = match.group("last")
        if last is not None:  # a run of plain words
            if last in particles:
                start = match.start("last")
                # two particles that make one ("von der Leyen"; not "de los": "Dorrans de los Rangers")
                before = match.string[match.start():start]
                first = before[:-1].rsplit(" ", 1)[-1] if before.endswith(" ") else ""
                if f"{first} {last}" in lang.particle_pairs:
                    first_start = start - 1 - len(first)
                    kept.append(Token(first, first_start, start - 1, initial and first_start == match.start()))
                    initial = False
                kept.append(Token(last, start, match.end(), initial and start == match.start()))
            prev_word = last
            initial = False
            continue
        word = match.group()
        first = word[0]
        if first == "\n" and len(word) == 1:
            initial = True  # a new line (headline, paragraph) starts a sentence
            continue
        if not first.isalnum():
            after_abbreviation = word == "." and (prev_word in abbreviations or
                                                  (len(prev_word) == 1 and prev_word.isupper()))
            if (word in SENTENCE_END and not after_abbreviation) or first == "\n" or word in "“\"«—–(:":
                initial = True
            prev_word = ""
            continue
        prev_word = word
        if first.isupper() or first.isdigit() or word in particles or (len(word) > 1 and word[1].isupper()):
            kept.append(Token(word, match.start(), match.end(), initial))
        initial = False
    return kept


def extract_mentions(text: str, lang, max_tokens: int = 6, lowered=None) -> list[Mention]:
    """All name mentions of ``text`` for the language data ``lang`` (``lowered``: the words
    ``text`` writes in lower case, when already known)."""
    lowered_words = lowered if lowered is not None else lowercase_vocabulary(text)
    tokens = _tokens(text, lang)
    mentions = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not is_name_word(tok.text):
            i += 1
            continue
        title = ""
        if tok.text in lang.titles and i + 1 < n and is_name_word(tokens[i + 1].text) \
                and tokens[i + 1].start - tok.end <= 2:
            title = tok.text
            i += 1
            tok = tokens[i]
        span = [tok]
        j = i + 1
        while j < n and len(span) < max_tokens:
            nxt = tokens[j]
            gap = text[span[-1].end:nxt.start]
            initial_letter = len(span[-1].text) == 1 and gap == ". "  # Chris V. Nicholson
            if (not _one_space(gap) and not initial_letter) or span[-1].text.endswith(("'s", "’s")):
                break
            if len(nxt.text) == 1 and nxt.text.isalpha() and text[nxt.end:nxt.end + 1] != ".":
                break  # a lone capital letter is a word ("O", "A"), not an initial
            if is_name_word(nxt.text) or (nxt.text[0].isdigit() and len(nxt.text) <= 6):
                span.append(nxt)
                j += 1
                continue
            # one particle, or two in a row ("von der"), between two words of the name
            k = j + 1 if j + 1 < n and tokens[j + 1].text in lang.particles \
                and text[nxt.end:tokens[j + 1].start] == " " else j
            if nxt.text in lang.particles and k + 1 < n and is_name_word(tokens[k + 1].text) \
                    and text[tokens[k].end:tokens[k + 1].start] == " " and not span[-1].text.isupper() \
                    and not tokens[k + 1].text.isupper():
                span.extend(tokens[j:k + 1])
                j = k + 1
                continue
            break
        while span and span[-1].text in lang.particles:
            span.pop()
            j -= 1
        i = j
        initial = span[0].initial and not title
        # drop sentence-initial common words ("The", "Los", "Em") from the front
        while span and span[0].initial and not title and _common(span[0].text, lang, lowered_words):
            span = span[1:]
            while span and span[0].text in lang.particles:
                span = span[1:]
        if not span:
            continue
        words = [_strip_possessive(t.text) for t in span]
        if len(words) == 1 and words[0].isupper() and len(words[0]) > 5:
            continue  # an all-caps headline word, not a name
        if all(w.isdigit() for w in words) or (len(words) == 1 and words[0] in lang.titles):
            continue
        if len(words) == 1 and len(words[0]) == 1:
            continue
        start = span[0].start
        end = span[-1].start + len(words[-1])
        mentions.append(Mention(text=text[start:end], start=start, end=end, tokens=words,
                                title=title, initial=initial and span[0].initial))
    return mentions


def _one_space(gap: str) -> bool:
    """Is ``gap`` one space as readers see it: "Menlo&nbsp;Park", or the spaces a reader left
    for markup between two words ("Yann <em>Lacon</em>", "Yann *Lacon*" read "Yann     Lacon")?"""
    return gap == " " or _SPACES.fullmatch(gap) is not None


def _strip_possessive(word: str) -> str:
    return POSSESSIVE.sub("", word) if ("'" in word or "’" in word) else word


def _common(word: str, lang, lowered_words) -> bool:
    low = word.lower()
    return low in lang.stopwords or low in lowered_words or low in lang.months or low in lang.weekdays


def lowercase_vocabulary(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[^\W\d_A-Z][\w]*", text) if w.islower()}
