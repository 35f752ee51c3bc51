"""The ``pattern`` kind: regex existence and substitution rules (Vale/prh style).

* existence: ``patterns: [regex, ...]`` flags every match; an optional
  ``replacement`` becomes the fix (``\\1`` group references allowed).
* substitution: ``swap: {regex: replacement}`` flags a match and proposes the
  replacement.

Patterns are matched on whole words (Unicode-aware, so accented letters count
as word characters) unless ``nonword: true``.  They run under a time-out so a
catastrophic pattern cannot hang a CI job.

Readers blank markup with spaces to keep offsets, so a match may owe its spaces to
a tag ("said</a>." reads "said    ."): such a match counts only if it still matches
the text as rendered, without the markup, and then it offers no fix, which would
delete the markup with the text.
"""
from __future__ import annotations

from factlint.checks import RuleKind, finding

TIMEOUT_SECONDS = 2.0


class PatternKind(RuleKind):
    name = "pattern"
    options_schema = {
        "patterns": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "swap": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 1},
        "replacement": {"type": "string", "description": "fix for existence patterns"},
        "ignorecase": {"type": "boolean"},
        "nonword": {"type": "boolean", "description": "do not add word boundaries"},
        "exceptions": {"type": "array", "items": {"type": "string"}},
        "skip_foreign_quotes": {"type": "boolean", "description": "leave matches inside a quotation written in "
                                "another language than the article's: a verbatim quote is not the writer's to fix"},
    }

    def __init__(self, rules, data, settings):
        super().__init__(rules, data, settings)
        self.compiled = [(rule, self._compile(rule)) for rule in rules]

    def _compile(self, rule):
        import regex

        opts = rule.options
        if bool(opts.get("patterns")) == bool(opts.get("swap")):
            raise self.config_error(rule, "a pattern rule needs exactly one of 'patterns' or 'swap'")
        pairs = [(p, opts.get("replacement")) for p in opts.get("patterns", ())]
        pairs += list(opts.get("swap", {}).items())
        flags = regex.V0 | (regex.IGNORECASE if opts.get("ignorecase") else 0)
        compiled = []
        for source, replacement in pairs:
            wrapped = source if opts.get("nonword") else rf"(?<![\w])(?:{source})(?![\w])"
            try:
                compiled.append((regex.compile(wrapped, flags), replacement))
            except regex.error as exc:
                raise self.config_error(rule, f"pattern {source!r} does not compile: {exc}") from None
        exceptions = {e.lower() if opts.get("ignorecase") else e for e in opts.get("exceptions", ())}
        return compiled, exceptions

    def document(self, doc):
        findings = []
        for rule, (patterns, exceptions) in self.compiled:
            if not rule.applies_to(doc.lang):
                continue
            for pattern, replacement in patterns:
                try:
                    matches = list(pattern.finditer(doc.text, timeout=TIMEOUT_SECONDS))
                except TimeoutError:
                    raise self.config_error(rule, f"pattern {pattern.pattern!r} timed out on {doc.path} "
                                                  "(catastrophic backtracking?)") from None
                for match in matches:
                    text = match.group()
                    key = text.lower() if rule.options.get("ignorecase") else text
                    if key in exceptions:
                        continue
                    if rule.options.get("skip_foreign_quotes") and _in_foreign_quote(doc, match.start()):
                        continue
                    markup = doc.text[match.start():match.end()] != doc.source[match.start():match.end()]
                    if markup and not _still_matches(pattern, doc, match.start(), match.end()):
                        continue  # the markup made the match ("said</a>."): the reader sees none
                    fix = None
                    values = {"match": " ".join(text.split()) if markup else text, "replacement": ""}
                    if replacement is not None:
                        new = match.expand(replacement)
                        values["replacement"] = new
                        if not markup:  # replacing markup with text would delete the markup
                            fix = {"replacement": new, "message": f"Replace with {new!r}"}
                    findings.append(finding(doc, rule, match.start(), match.end(),
                                            rule.format_message(**values), fix=fix))
        return findings, None


def _in_foreign_quote(doc, at) -> bool:
    """Is ``at`` inside a quotation in another language than ``doc``'s ("AI is the future",
    quoted in English in a Spanish article)?"""
    from factlint.quotes import QUOTE
    from factlint.lang import detect_language

    return any(m.start() <= at < m.end() and detect_language(m.group()) not in (None, doc.lang)
               for m in QUOTE.finditer(doc.text, max(0, at - 2000), at + 2000))


CONTEXT = 40  # characters either side of a match read again without markup


def _still_matches(pattern, doc, start, end) -> bool:
    """Does ``pattern`` match the text around ``start:end`` as a reader sees it, without the
    markup blanked there (tags, link targets, emphasis), somewhere inside that span?  Blanked
    spaces are markup, and so is a space of the source between two blanked characters (the one in
    a link's title, '[report](url "the title")'); a newline a block tag left, or the character an
    entity became, is text."""
    low, high = max(0, start - CONTEXT), min(len(doc.text), end + CONTEXT)
    kinds = "".join("t" if doc.text[i] != " " else "s" if doc.source[i] == " " else "b" for i in range(low, high))
    kept = [low + k for k, kind in enumerate(kinds)
            if kind == "t" or (kind == "s" and not _inside_markup(kinds, doc.source[low:high], k))]
    rendered = "".join(doc.text[i] for i in kept)
    inside = [k for k, i in enumerate(kept) if start <= i < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    return any(m.start() <= last and m.end() > first for m in pattern.finditer(rendered))


def _inside_markup(kinds: str, source: str, k: int) -> bool:
    """Is the space of the source at ``k`` inside one piece of markup, such as a link's title
    ('[report](url "the title")')?  So it is between two blanked characters (``kinds``: "b"
    blanked, "s" a space of the source, "t" text) with only spaces between, unless those close one
    piece of markup and open the next ('[a](x) [b](y)', '**a** *b*'): that space is the reader's."""
    before, after = kinds[:k].rstrip("s"), kinds[k + 1:].lstrip("s")
    if not (before.endswith("b") and after.startswith("b")):
        return False
    return not (source[len(before) - 1] in CLOSING_MARKUP and source[len(kinds) - len(after)] in OPENING_MARKUP)


CLOSING_MARKUP, OPENING_MARKUP = frozenset(")]*_>`"), frozenset("([*_<!`")
