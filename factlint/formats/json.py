"""``json`` (an array) and ``jsonl`` (one object per line): the stable contract.

Each finding has exactly these fields: path, line, column, end_line,
end_column (1-based, in characters), code, kind, severity, message, fix (null
or {replacement, message}) and related (a list of {path, line, column,
message}).
"""
import json

from factlint.formats import Format


class JsonFormat(Format):
    name = "json"

    def render(self, findings, context):
        # one finding per line: readable, and json's C encoder (indent= would force the slow one)
        if not findings:
            return "[]\n"
        return "[\n" + ",\n".join(json.dumps(f.public(), ensure_ascii=False) for f in findings) + "\n]\n"


class JsonLinesFormat(Format):
    name = "jsonl"

    def render(self, findings, context):
        return "".join(json.dumps(f.public(), ensure_ascii=False) + "\n" for f in findings)
