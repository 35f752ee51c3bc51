"""The ``pattern`` kind: regex existence and substitution rules (Vale/prh style).

* existence: ``patterns: [regex, ...]`` flags every match; an optional
  ``replacement`` becomes the fix (``\\1`` group references allowed).
* substitution: ``swap: {regex: replacement}`` flags a match and proposes the
  replacement.

Patterns are matched on whole words (Unicode-aware, so accented letters count
as word characters) unless ``nonword: true``.  They run under a time-out so a
catastrophic pattern cannot hang a CI job.
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
                    fix = None
                    values = {"match": text, "replacement": ""}
                    if replacement is not None:
                        new = match.expand(replacement)
                        values["replacement"] = new
                        fix = {"replacement": new, "message": f"Replace with {new!r}"}
                    findings.append(finding(doc, rule, match.start(), match.end(),
                                            rule.format_message(**values), fix=fix))
        return findings, None
