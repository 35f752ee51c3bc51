"""``text``: ruff-like output with the source line and a caret underline."""
from factlint.formats import LineFormat
from factlint.formats.concise import headline

COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
MAX_SHOWN = 160


class TextFormat(LineFormat):
    name = "text"
    machine = False

    def line(self, f, context):
        color = context.color
        head = headline(f)
        if color:
            head = (f"{BOLD}{f.path}:{f.line}:{f.column}:{RESET} {COLORS[f.severity]}{f.code}{RESET} "
                    f"{DIM}[{f.severity}]{RESET} {f.message}")
        lines = [head]
        source = context.source_line(f.path, f.line)
        if source is not None:
            start = f.column - 1
            end = f.end_column - 1 if f.end_line == f.line else len(source)
            offset = max(0, start - MAX_SHOWN // 2) if len(source) > MAX_SHOWN else 0
            shown = source[offset:offset + MAX_SHOWN].replace("\t", " ")
            gutter = f"{f.line:>5} | "
            caret = " " * (start - offset) + "^" * max(1, min(end, offset + MAX_SHOWN) - start)
            lines.append(gutter + shown)
            lines.append(" " * (len(gutter) - 2) + "| " + (COLORS[f.severity] + caret + RESET if color else caret))
        if f.fix:
            lines.append(f"      = fix: {f.fix['message']}")
        for rel in f.related:
            note = f" ({rel['message']})" if rel.get("message") else ""
            lines.append(f"      = see {rel['path']}:{rel['line']}:{rel['column']}{note}")
        return "\n".join(lines) + "\n\n"
