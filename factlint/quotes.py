"""Quotations as news prints them, for every check that must tell quoted words from the writer's:
the sourcing check (a quotation needs a speaker, and its claims are its speaker's) and the pattern
check (a verbatim quotation in another language is not the writer's to correct)."""
from __future__ import annotations

import re

# curly, angle and straight double marks; single marks, straight ones (British style) opening
# before a letter and closing after one, an apostrophe inside a word ("it's") left alone; a dash dialogue line
QUOTE = re.compile(r"“[^”]+”|«[^»]+»|\"[^\"\n]+\"|‘[^’]+’|(?<!\w)'(?=[^\W\d_])(?:[^'\n]|(?<=\w)'(?=\w))+(?<=[\w.,!?])'(?!\w)"
                   r"|(?:^|\n)[ \t]*[—–]\s*\w[^\n]+")
