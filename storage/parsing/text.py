"""Cleanup of text extracted from minutes: only what the writer wrote remains.

Extracted Word/PDF text carries the page furniture of the original: a header
block repeated on every page ("Chefsgrupp för…", "Tjänsteställe…",
"Sekreterare…"), address footers (POSTADRESS, TELEFON, ORG.NR…), page
numbers, words hyphenated at line ends, paragraphs cut in two by a page break,
and HTML from table cells. `clean_text` removes the furniture, joins what the
page layout split, and gives back the header block separately, since it still
tells who the secretary was.

Example:
    >>> cleaned = clean_text("Möte\\n\\nSekreterare\\nLinnea Hed-\\nkvist\\n\\n1. Inledning\\n\\n"
    ...     "Möte\\n\\nSekreterare\\nLinnea Hed-\\nkvist\\n\\nText om hjärt- kärl-\\n\\n"
    ...     "Möte\\n\\nSekreterare\\nLinnea Hed-\\nkvist\\n\\nsjukdomar.")
    >>> cleaned.text
    '1. Inledning\\n\\nText om hjärt- kärlsjukdomar.'
    >>> cleaned.page_header
    ('Möte', 'Sekreterare\\nLinnea Hedkvist')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from storage.parsing.markup import has_markup, html_to_text, strip_bold
from storage.registry import fold


@dataclass(frozen=True)
class CleanedText:
    """The content of a document, and the page header block taken out of it."""

    text: str
    page_header: tuple[str, ...] = ()
    removed_footers: int = 0


def clean_text(raw: str) -> CleanedText:
    """Minutes text without page headers, footers, markup or layout hyphenation."""
    text = _normalize_characters(raw)
    text = strip_bold(text)
    if has_markup(text):
        text = html_to_text(text)
    text = _INLINE_BULLET.sub("\n- ", text)
    text = join_hyphenated_lines(text)
    paragraphs = split_paragraphs(text)
    paragraphs, footers = _drop_footers(paragraphs)
    paragraphs, header = _drop_page_headers(paragraphs)
    paragraphs = _join_cut_paragraphs(paragraphs, _vocabulary(text))
    return CleanedText("\n\n".join(paragraphs), header, footers)


def split_paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines, lines right-trimmed of spaces, empty ones dropped.

    >>> split_paragraphs("a\\nb\\n\\n \\n\\tc  ")
    ['a\\nb', '\\tc']
    """
    blocks = _BLANK_LINES.split(text)
    out = []
    for block in blocks:
        lines = [line.rstrip(" \t") if line.strip() else "" for line in block.split("\n")]
        kept = "\n".join(line for line in lines if line)
        if kept.strip():
            out.append(kept)
    return out


# --- characters -----------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_INLINE_BULLET = re.compile(r"[ \t]+[•●▪][ \t]+")
_LEADING_BULLET = re.compile(r"(?m)^([ \t]*)[•●▪][ \t]+")


def _normalize_characters(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    # soft hyphens and zero-width characters are invisible in the original
    text = text.translate({0xAD: None, 0x200B: None, 0xFEFF: None, 0xA0: " ", 0x2007: " "})
    return _LEADING_BULLET.sub(r"\1- ", text)


# --- hyphenation ----------------------------------------------------------------------

_LINE_HYPHEN = re.compile(r"(\w+)-[ \t]*\n[ \t]*(\w+)")
_COMPOUND = re.compile(r"\b\w+-\w+\b")
_WORD = re.compile(r"\w+")
# "hälso-\noch sjukvård" is "hälso- och sjukvård": the hyphen stands for a shared word end
_CONJUNCTIONS = frozenset(
    ("och", "eller", "samt", "till", "resp", "respektive", "som", "men", "and", "or", "to")
)


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset[str]
    compounds: frozenset[str]


def _vocabulary(text: str) -> _Vocabulary:
    return _Vocabulary(
        frozenset(fold(w) for w in _WORD.findall(text)),
        frozenset(fold(w) for w in _COMPOUND.findall(text)),
    )


def join_hyphenated_lines(text: str) -> str:
    """Join words the layout hyphenated at a line end, keep real hyphens.

    >>> join_hyphenated_lines("Linnea Hed-\\nkvist, hälso-\\noch sjukvård, Marie-\\nLouise")
    'Linnea Hedkvist, hälso- och sjukvård, Marie-Louise'
    """
    if "-\n" not in text and not re.search(r"-[ \t]+\n", text):
        return text
    vocabulary = _vocabulary(text)
    return _LINE_HYPHEN.sub(lambda m: join_hyphenated(m[1], m[2], vocabulary), text)


def join_hyphenated(prefix: str, suffix: str, vocabulary: _Vocabulary | None = None) -> str:
    """One word from `prefix-` at a line end and `suffix` on the next line.

    >>> join_hyphenated("grup", "pen"), join_hyphenated("HSL", "beslut")
    ('gruppen', 'HSL-beslut')
    """
    if suffix.casefold() in _CONJUNCTIONS:
        return f"{prefix}- {suffix}"
    if suffix[0].isupper() or suffix[0].isdigit() or prefix[-1].isdigit():
        return f"{prefix}-{suffix}"
    if len(prefix) > 1 and prefix.isupper():
        return f"{prefix}-{suffix}"
    if vocabulary is not None:
        hyphenated = fold(f"{prefix}-{suffix}")
        if hyphenated in vocabulary.compounds and fold(prefix + suffix) not in vocabulary.words:
            return f"{prefix}-{suffix}"
    return prefix + suffix


# --- footers --------------------------------------------------------------------------

_FOOTER_LABEL = re.compile(
    r"^(?:post|besöks|leverans|faktura)adress|^tel(?:efon|efax)?\b|^(?:tele)?fax\b"
    r"|^org(?:\.|anisations)?\s*nr\b|^organisationsnummer\b|^(?:plus|bank)giro\b"
    r"|^e-?post\b|^e-?mail\b|^internet\b|^webb(?:plats)?\b|^hemsida\b|^växel\b",
    re.IGNORECASE,
)
_VALUE_HINT = re.compile(r"\d|@|www\.|https?://", re.IGNORECASE)
_ADDRESS_LINE = re.compile(
    r"^(?:box\s+\d+|\d{3}\s?\d{2}\s+\w|[\d\s+()-]{7,}$|\d{6}-\d{4}$|\d{1,7}-\d$)",
    re.IGNORECASE,
)


def _is_label_line(line: str) -> bool:
    line = line.strip()
    match = _FOOTER_LABEL.match(line)
    if not match:
        return False
    rest = line[match.end() :].strip(" :.")
    return not rest or (len(rest.split()) <= 6 and bool(_VALUE_HINT.search(rest)))


def _is_value_line(line: str) -> bool:
    line = line.strip()
    if _is_label_line(line) or _ADDRESS_LINE.match(line):
        return True
    # "Region Örebro län", "Eklundavägen 2": short, no sentence
    return len(line) <= 45 and len(line.split()) <= 5 and not re.search(r"[.!?:]\s|[.!?]$", line)


def _drop_footers(paragraphs: list[str]) -> tuple[list[str], int]:
    """Paragraph runs that are address footers, even when they occur once."""
    kept: list[str] = []
    removed = 0
    i = 0
    while i < len(paragraphs):
        end, labels = _footer_run(paragraphs, i)
        if labels >= 2:
            removed += 1
            i = end
            continue
        kept.append(paragraphs[i])
        i += 1
    return kept, removed


def _footer_run(paragraphs: list[str], start: int) -> tuple[int, int]:
    """(end index, label count) of the footer run starting at `start`."""
    labels = 0
    i = start
    after_bare_label = False
    while i < len(paragraphs):
        lines = paragraphs[i].split("\n")
        count = sum(_is_label_line(line) for line in lines)
        if count and all(_is_value_line(line) for line in lines):
            labels += count
            first = lines[0].strip()
            after_bare_label = len(lines) == 1 and not first[_label_end(first) :].strip(" :.")
        elif after_bare_label and len(lines) <= 4 and all(_is_value_line(x) for x in lines):
            after_bare_label = False
        else:
            break
        i += 1
    return i, labels


def _label_end(line: str) -> int:
    match = _FOOTER_LABEL.match(line)
    return match.end() if match else 0


# --- page headers ---------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|sid\.?|page)\s*\d{1,3}(?:\s*(?:\(\s*\d{1,3}\s*\)|(?:av|of)\s*\d{1,3}))?"
    r"|\d{1,3}\s*\(\s*\d{1,3}\s*\)|\d{1,3}\s+(?:av|of)\s+\d{1,3}|[-–]\s*\d{1,3}\s*[-–])$",
    re.IGNORECASE,
)
_HEADER_MAX = 300


def _key(paragraph: str) -> str:
    return fold(paragraph)


def _drop_page_headers(paragraphs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Blocks of short paragraphs repeated together across the document (page headers).

    A paragraph goes when it repeats and an adjacent paragraph repeats with it as
    the same pair, or when it repeats and also opens the document: a lone
    repeated sentence ("Agendan godkändes.") inside the text stays.
    """
    keys = [_key(p) if len(p) <= _HEADER_MAX else "" for p in paragraphs]
    counts = Counter(k for k in keys if k)
    pairs = Counter(zip(keys, keys[1:], strict=False))
    opening = set(keys[:3])
    header: list[str] = []
    seen: set[str] = set()
    kept: list[str] = []
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if _PAGE_NUMBER.match(paragraph.strip()):
            continue
        if key and counts[key] >= 2 and _in_repeated_block(i, keys, counts, pairs, opening):
            if key not in seen:
                seen.add(key)
                header.append(paragraph)
            continue
        kept.append(paragraph)
    return kept, tuple(header)


def _in_repeated_block(
    i: int,
    keys: list[str],
    counts: Counter[str],
    pairs: Counter[tuple[str, str]],
    opening: set[str],
) -> bool:
    key = keys[i]
    if i > 0 and counts[keys[i - 1]] >= 2 and pairs[(keys[i - 1], key)] >= 2:
        return True
    if i + 1 < len(keys) and counts[keys[i + 1]] >= 2 and pairs[(key, keys[i + 1])] >= 2:
        return True
    return key in opening and len(key) <= 100


# --- paragraphs cut by a page break ---------------------------------------------------

_LIST_START = re.compile(r"^(?:[a-zåäö]\)|[ivx]{1,4}[.)]\s|-\s|[a-zåäö]\.\s)")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")


def _join_cut_paragraphs(paragraphs: list[str], vocabulary: _Vocabulary) -> list[str]:
    """A paragraph that starts in lower case continues the one before it."""
    out: list[str] = []
    for paragraph in paragraphs:
        body = paragraph.lstrip(" \t")
        if out and _continues(out[-1], body):
            out[-1] = _glue(out[-1], body, vocabulary)
        else:
            out.append(paragraph)
    return out


def _continues(previous: str, body: str) -> bool:
    if not body or not body[0].islower() or _LIST_START.match(body):
        return False
    return not _SENTENCE_END.search(previous.rstrip())


def _glue(previous: str, body: str, vocabulary: _Vocabulary) -> str:
    previous = previous.rstrip()
    match = re.search(r"(\w+)-$", previous)
    if match:
        first = _WORD.match(body)
        if first:
            word = join_hyphenated(match[1], first[0], vocabulary)
            return previous[: match.start()] + word + body[first.end() :]
    return f"{previous} {body}"
