"""``json`` (an array) and ``jsonl`` (one object per line): the stable contract.

Each finding has exactly these fields: path, line, column, end_line,
end_column (1-based, in characters), code, kind, severity, message, fix (null
or {replacement, message}) and related (a list of {path, line, column,
message}).
"""
import json

from factlint.formats import Format, LineFormat


class JsonFormat(Format):
    name = "json"

    def write(self, findings, context, out):
        # one finding per line: readable, streamable, and json's C encoder (indent= would force the slow one)
        opening = "[\n"
        for f in findings:
            out.write(opening + json.dumps(f.public(), ensure_ascii=False))
            opening = ",\n"
        out.write("[]\n" if opening == "[\n" else "\n]\n")


class JsonLinesFormat(LineFormat):
    name = "jsonl"

    def line(self, finding, context):
        return json.dumps(finding.public(), ensure_ascii=False) + "\n"
