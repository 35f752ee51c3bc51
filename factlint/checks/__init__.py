"""Rule kinds: one module per kind, each a subclass of ``RuleKind``.

A kind turns its YAML rules into ready-to-run checks once (``__init__``), then
works in up to two phases, which it declares rather than the engine guessing:

* ``document(doc)`` runs on one document at a time (in parallel, cached by
  content hash) and returns ``(findings, extract)``; ``extract`` is plain
  JSON-serialisable data (mentions, quantities ...) kept for the corpus phase.
* ``corpus(corpus)`` runs once on the extracts of every document and returns
  findings that need several documents (names across articles, numbers across
  translations).

A corpus kind that derives from ``SummarizedKind`` streams instead: the engine
folds each document into a small summary as it arrives and drops it, then
asks for findings with the summary and a way to load the few documents it
needs.  Memory then grows with the summary, not with every extract, and a
pre-commit run on one file reuses the summary of the rest of the corpus.
"""
from __future__ import annotations

from factlint.errors import ConfigError
from factlint.findings import Finding


class RuleKind:
    #: the value of ``kind:`` in rule YAML
    name = ""
    #: JSON Schema ``properties`` of this kind's own rule fields
    options_schema: dict = {}
    #: fields of ``options_schema`` every rule must give
    required_options: tuple = ()
    #: data sections this kind reads from packs: section -> schema file name
    data_sections: dict = {}
    #: does this kind have a corpus phase?
    corpus_phase = False

    def __init__(self, rules, data, settings):
        self.rules = rules
        self.data = data
        self.settings = settings

    def document(self, doc):
        """Return (findings, extract) for one document."""
        return [], None

    def corpus(self, corpus):
        """Return findings that need the extracts of many documents."""
        return []

    def config_error(self, rule, message):
        return ConfigError(f"{rule.origin}: rule {rule.code}: {message}")


class SummarizedKind(RuleKind):
    """A corpus kind whose corpus phase works from a summary of the corpus.

    The summary is plain JSON-serialisable data, stored in the cache after a
    full run.  ``add_to_summary`` must be reversible (``sign=-1`` removes a
    document's earlier contribution), so a focused run can replace the
    contribution of the files it checks.
    """

    corpus_phase = True

    def new_summary(self) -> dict:
        """An empty summary."""
        raise NotImplementedError

    def add_to_summary(self, summary: dict, entry, sign: int = 1, front: bool = False) -> None:
        """Fold ``entry`` into ``summary`` (``sign=-1``: take it out again).  ``front`` puts
        its contribution before the others, as the checked files come first in a run."""
        raise NotImplementedError

    def corpus_from_summary(self, summary: dict, checked: list, load, focused: bool):
        """Findings (an iterable) for the ``checked`` paths.  ``load(path)`` gives a document's Entry
        (extracts only, None if unknown); ``focused``: ``checked`` is a few files of a
        much larger corpus."""
        raise NotImplementedError

    def summarize(self, entries) -> dict:
        summary = self.new_summary()
        for entry in entries:
            self.add_to_summary(summary, entry)
        return summary

    def corpus(self, corpus):
        corpus = list(corpus)
        summary = self.summarize(corpus)
        by_path = {e.path: e for e in corpus}
        checked = [e.path for e in corpus if e.checked]
        return list(self.corpus_from_summary(summary, checked, by_path.get, focused=False))


def finding(doc, rule, start, end, message, fix=None, related=()):
    """Build a Finding for ``doc.source[start:end]``."""
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end))
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
        code=rule.code, kind=rule.kind, severity=rule.severity, message=message,
        fix=fix, related=list(related), name=rule.name, start=start, end=end,
        snippet=doc.source[start:end],
    )


def span_location(doc, start, end) -> dict:
    """A JSON-able location of a span, for extracts used by the corpus phase."""
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end))
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "start": start, "end": end}


def corpus_finding(entry, rule, loc, message, fix=None, related=(), snippet=""):
    """Build a Finding from a location stored in an extract."""
    return Finding(
        path=entry.path, line=loc["line"], column=loc["column"], end_line=loc["end_line"],
        end_column=loc["end_column"], code=rule.code, kind=rule.kind, severity=rule.severity,
        message=message, fix=fix, related=list(related), name=rule.name,
        start=loc["start"], end=loc["end"], snippet=snippet,
    )


def locale_of(doc) -> str:
    """The document's locale from its front matter (``locale: pt-BR`` -> "pt-br"), or ""."""
    locale = str(doc.metadata.get("locale") or "").strip().lower().replace("_", "-")
    return locale if locale.startswith(f"{doc.lang}-") else ""


class PerLanguage(dict):
    """What a rule kind compiles per language, compiled when a language is first asked for:
    ``build(lang, data)`` for ``sources[lang]``.  A pre-commit run on one article then compiles
    that article's language only (compiling every language's patterns was half its start-up)."""

    def __init__(self, sources: dict, build):
        super().__init__()
        self.languages = frozenset(sources)
        self._sources, self._build = sources, build

    def __missing__(self, lang):
        value = self[lang] = self._build(lang, self._sources[lang])
        return value


class Located:
    """Where a corpus finding goes when its document need not be loaded: only its path is needed."""

    def __init__(self, path):
        self.path = path


FIRST_LINE = {"line": 1, "column": 1, "end_line": 1, "end_column": 1, "start": 0, "end": 0}  # about the whole file


def related_location(path, loc, message="") -> dict:
    return {"path": path, "line": loc["line"], "column": loc["column"], "message": message}
