"""``sarif``: SARIF 2.1.0, for GitHub code scanning and other tools.

Only the rules that fired are listed, sorted by code, each with its long
description as ``fullDescription``.
"""
import json

from factlint.formats import Format

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _region(line, column, end_line=None, end_column=None):
    region = {"startLine": line, "startColumn": column}
    if end_line is not None:
        region.update(endLine=end_line, endColumn=end_column)
    return region


class SarifFormat(Format):
    name = "sarif"

    def render(self, findings, context):
        codes = sorted({f.code for f in findings})
        index = {code: i for i, code in enumerate(codes)}
        rules = []
        for code in codes:
            rule = context.rules.get(code)
            entry = {"id": code}
            if rule is not None:
                entry.update(
                    name=rule.name,
                    shortDescription={"text": rule.summary},
                    fullDescription={"text": rule.description.strip()},
                    defaultConfiguration={"level": LEVELS[rule.severity]},
                    properties={"kind": rule.kind},
                )
                if rule.link:
                    entry["helpUri"] = rule.link
            rules.append(entry)
        results = []
        for f in findings:
            result = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": _region(f.line, f.column, f.end_line, f.end_column)}}],
                "partialFingerprints": {"factlint/v1": f.fingerprint()},
            }
            if f.related:
                result["relatedLocations"] = [
                    {"id": i, "message": {"text": r.get("message") or "related"},
                     "physicalLocation": {"artifactLocation": {"uri": r["path"]},
                                          "region": _region(r["line"], r["column"])}}
                    for i, r in enumerate(f.related)]
            if f.fix:
                result["fixes"] = [{"description": {"text": f.fix["message"]}, "artifactChanges": [{
                    "artifactLocation": {"uri": f.path},
                    "replacements": [{"deletedRegion": _region(f.line, f.column, f.end_line, f.end_column),
                                      "insertedContent": {"text": f.fix["replacement"]}}]}]}]
            results.append(result)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "factlint", "version": context.version,
                                    "informationUri": "https://github.com/factlint/factlint", "rules": rules}},
                "results": results,
            }],
        }
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
