"""Turning files into Documents.

Reading happens in two steps: the bytes are decoded here (one clear error for
binary, non-UTF-8 or oversized files), then a format reader chosen through the
``factlint_reader`` hook masks markup.  Suppression comments and language
detection are handled here once for every format.
"""
from __future__ import annotations

import re

from factlint.documents import Document, blank
from factlint.errors import InputError

SUPPRESSION = re.compile(
    r"<!--\s*factlint:\s*(?P<verb>ignore-file|ignore)\b(?P<codes>[^>]*?)-->"
    r"|\[factlint:\s*(?P<verb2>ignore-file|ignore)\b(?P<codes2>[^\]]*)\]"
)


def decode(path: str, data: bytes, max_bytes: int) -> str:
    """Decode ``data`` as UTF-8 or raise an InputError that says what is wrong."""
    if len(data) > max_bytes:
        raise InputError(path, f"file is {len(data):,} bytes, larger than max-file-size ({max_bytes:,})")
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (or 32) has NUL bytes, but is text
        raise InputError(path, "UTF-16 text, not UTF-8; convert it with: iconv -f utf-16 -t utf-8")
    if b"\x00" in head:
        raise InputError(path, "binary file (contains NUL bytes), not an article")
    try:
        return utf8_text(data)[0]
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = f" (looks like {guess}; convert it with: iconv -f {guess} -t utf-8)" if guess else ""
        raise InputError(path, f"not valid UTF-8 at byte {exc.start}{hint}") from None


def utf8_text(data: bytes) -> tuple[str, str]:
    """(the text of UTF-8 ``data`` as every check reads it, its byte-order mark or ""): the mark
    dropped (``--fix`` writes it back) and accents composed.  UnicodeDecodeError if not UTF-8."""
    data, bom = _split_bom(data)
    return _composed(data.decode("utf-8")), bom


def _composed(text: str) -> str:
    """``text`` with its accents composed (Unicode NFC): "José" typed as "Jose" and a combining
    accent (NFD, as some PDFs and macOS tools write it) would read "Jos" and a stray mark, never
    the name.  The positions reported are those of the composed text."""
    import unicodedata

    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _split_bom(data: bytes) -> tuple[bytes, str]:
    """``data`` without its UTF-8 byte-order mark, and the mark ("" if none)."""
    return (data[3:], "\ufeff") if data.startswith(b"\xef\xbb\xbf") else (data, "")


# the encodings an English, Spanish or Portuguese article was most probably saved in: tried
# first, since on a short text any code page fits as well ("é" alone "looks like" cp1006)
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best() or from_bytes(data).best()
    return best.encoding if best is not None else None


def _collect_suppressions(doc: Document) -> None:
    """Record ``factlint: ignore`` markers and blank them so no check sees them."""
    text = doc.text
    for match in SUPPRESSION.finditer(doc.source):
        verb = match.group("verb") or match.group("verb2")
        raw_codes = match.group("codes") if match.group("verb") else match.group("codes2")
        codes = {c for c in re.split(r"[\s,]+", raw_codes.strip()) if c}
        text = blank(text, match.start(), match.end())
        if verb == "ignore-file":
            doc.file_suppressions = (doc.file_suppressions or set()) | codes if codes else set()
            continue
        line, _ = doc.position(match.start())
        lines = [line]
        own_line = doc.source_line(line).strip() == match.group().strip()
        if own_line:  # a marker alone on its line covers the next non-blank line
            nxt = line + 1
            while nxt <= len(doc.lines.starts) and not doc.source_line(nxt).strip():
                nxt += 1
            lines.append(nxt)
        for ln in lines:
            existing = doc.suppressions.get(ln)
            if existing == set() or (existing is not None and not codes):
                doc.suppressions[ln] = set()
            else:
                doc.suppressions[ln] = (existing or set()) | codes
    doc.text = text


# what other publishing tools call the front matter's keys: Hugo's "languageCode" and
# "translationKey" (the key its translations share), "language" elsewhere
LANG_ALIASES = ("language", "languageCode", "locale")
STORY_ALIASES = ("translationKey",)
NAME_LANG = re.compile(r"\.([A-Za-z]{2,3})(?:[-_][A-Za-z]{2})?\.[^./\\]+$")  # story.es.md, nota.pt-BR.html


def _named_version(path: str, supported) -> tuple[str, str] | None:
    """(language, story) a file's name gives when it names a translation as Hugo does:
    "about.en.md" and "about.es.md" in one folder are the English and Spanish versions of the
    story "folder/about".  None when the name carries no supported language."""
    match = NAME_LANG.search(path)
    if match is None or match.group(1).lower() not in supported:
        return None
    return match.group(1).lower(), path[:match.start()].replace("\\", "/")


def _aliases(metadata: dict) -> None:
    """Fill ``lang`` and ``story`` from the keys other tools write, when they are missing."""
    for key, aliases in (("lang", LANG_ALIASES), ("story", STORY_ALIASES)):
        if not metadata.get(key):
            found = next((metadata[a] for a in aliases if metadata.get(a)), None)
            if found is not None:
                metadata[key] = found


def document_from_source(path: str, source: str, settings, pm) -> Document:
    reader = pm.hook.factlint_reader(path=path)
    if reader is None:
        raise InputError(path, "no reader for this file type")
    # Windows line endings: the carriage return becomes a space, so readers and checks see lines
    # and paragraphs as in any other file and every offset stays that of the file
    text, metadata = reader.read(path, source.replace("\r\n", " \n") if "\r" in source else source)
    metadata = {**settings.metadata_for(path), **metadata}
    doc = Document(path=path, source=source, text=text, metadata=metadata)
    _collect_suppressions(doc)
    from factlint.lang import detect_language, supported

    _aliases(metadata)
    named = _named_version(path, supported())
    lang = metadata.get("lang") or settings.forced_lang or (named and named[0])
    if named and not metadata.get("story") and not metadata.get("translation_of"):
        metadata["story"] = named[1]
    if lang is None:
        lang = detect_language(doc.text) or settings.default_lang
    lang = str(lang).split("-")[0].lower()
    if lang not in supported():
        raise InputError(path, f"language {lang!r} is not supported (supported: {', '.join(supported())})")
    doc.lang = lang
    return doc
