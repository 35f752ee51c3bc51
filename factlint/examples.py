"""Running a rule's own ``examples`` (used by the test suite, and by plugin authors).

A ``fail`` example must produce at least one finding of the rule and, with
``fix``, must read as ``fix`` once the fixes are applied; a ``pass`` example
must produce none.  A list of documents is one corpus whose documents share
a ``story`` id, so translation checks can be exercised.
"""
from __future__ import annotations

from factlint.documents import Document
from factlint.engine import Entry
from factlint.fixes import apply_fixes


def _documents(example):
    body = example.get("fail", example.get("pass"))
    base_meta = dict(example.get("metadata", {}))
    if isinstance(body, str):
        body = [{"text": body, "lang": example.get("lang", "en")}]
    docs = []
    for i, item in enumerate(body):
        lang = item.get("lang", example.get("lang", "en"))
        meta = {"story": "example", "lang": lang, **base_meta, **item.get("metadata", {})}
        docs.append(Document(path=f"example-{i + 1}.{lang}.txt", source=item["text"], text=item["text"],
                             lang=lang, metadata=meta))
    return docs


def run_example(kind_cls, rule, example, data, settings):
    """Return (findings of ``rule``, the fixed text of the first document)."""
    kind = kind_cls([rule], data, settings)
    docs = _documents(example)
    entries, findings = [], []
    for doc in docs:
        doc_findings, extract = kind.document(doc)
        findings.extend(doc_findings)
        entries.append(Entry(path=doc.path, lang=doc.lang, metadata=doc.metadata,
                             extracts={kind.name: extract} if extract is not None else {}, findings=doc_findings))
    if kind.corpus_phase:
        findings.extend(kind.corpus(entries))
    findings = [f for f in findings if f.code == rule.code]
    first = docs[0]
    fixed, _ = apply_fixes(first.source, [f for f in findings if f.path == first.path])
    return findings, fixed


def check_example(kind_cls, rule, example, data, settings) -> str | None:
    """None when the example holds, else a sentence saying what went wrong."""
    findings, fixed = run_example(kind_cls, rule, example, data, settings)
    if "fail" in example:
        if not findings:
            return f"{rule.code}: expected a finding for {example['fail']!r}, got none"
        if "fix" in example and fixed != example["fix"]:
            return f"{rule.code}: fixing {example['fail']!r} gave {fixed!r}, expected {example['fix']!r}"
        return None
    if findings:
        shown = "; ".join(f"{f.line}:{f.column} {f.message}" for f in findings)
        return f"{rule.code}: expected no finding for {example['pass']!r}, got: {shown}"
    return None
