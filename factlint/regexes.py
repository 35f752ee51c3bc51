"""Fast alternations of many words, for the word lists the language and rule data hold.

Python's ``re`` tries the branches of ``a|b|c`` one after the other at every
position of the text, so a list of 100 reporting verbs costs 100 tries per
character.  The same words folded into a trie (``sa(?:id|ys?|ying)``) are
rejected after one or two characters, which makes the number, sourcing and
fact patterns two to four times faster on real articles.  The language
accepted is exactly the same.
"""
from __future__ import annotations

import re

# A branch made of these characters only is a plain phrase that can go into the trie.
_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]|()]+")


def word_alternation(words, ignorecase: bool = False) -> str:
    """A regex (no outer group) matching exactly the strings ``words``, as a trie.

    Longer words win over their prefixes at the same position, as they do in
    an alternation sorted longest first.
    """
    trie: dict = {}
    for word in words:
        if ignorecase:
            word = word.lower()
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        if ends_here:
            return f"(?:{body})?" if len(body) > 1 else f"{body}?"
        return body
    chars = [b for b in branches if len(b) == 1 or (len(b) == 2 and b[0] == "\\")]
    if len(chars) == len(branches):
        body = "[" + "".join(chars) + "]"
    else:
        body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


def optimized_alternation(patterns, ignorecase: bool = False) -> str:
    """``p1|p2|...`` with every plain-phrase branch (top level, or inside a
    top-level ``(?:a|b|c)`` group) folded into one trie; the other branches
    follow it.  At one position the trie prefers the longest phrase, so a
    match may end elsewhere than the first listed alternative would make it
    end, but it matches wherever the plain alternation matches."""
    literals, others = [], []
    for pattern in patterns:
        for branch in top_level_branches(pattern):
            inner = branch[3:-1] if branch.startswith("(?:") and branch.endswith(")") and _balanced(branch[3:-1]) else None
            for part in top_level_branches(inner) if inner is not None else [branch]:
                (literals if _PLAIN.fullmatch(part) else others).append(part)
    alternatives = [word_alternation(literals, ignorecase)] if literals else []
    return "|".join(alternatives + [f"(?:{o})" for o in others]) or "(?!)"


def _structure(pattern: str):
    """Yield (index, character, depth) for each character of ``pattern`` outside escapes and
    character classes; ``depth`` counts the groups open after that character."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _balanced(text: str) -> bool:
    """Do the parentheses of ``text`` close in order (so it is one group's body)?"""
    depth = 0
    for _, _, depth in _structure(text):
        if depth < 0:
            return False
    return depth == 0


def top_level_branches(pattern: str) -> list[str]:
    """Split ``pattern`` at the ``|`` that are outside groups and character classes."""
    branches, start = [], 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches
