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
from functools import cached_property
from itertools import pairwise

from storage.parsing.markup import has_markup, html_to_text, pipe_tables_to_tabs, strip_bold


@dataclass(frozen=True)
class CleanedText:
    """The content of a document, and the page header block taken out of it."""

    text: str
    page_header: tuple[str, ...] = ()
    removed_footers: int = 0


def clean_text(raw: str) -> CleanedText:
    """Minutes text without page headers, footers, markup or layout hyphenation."""
    text = _normalize_characters(raw)
    text = pipe_tables_to_tabs(strip_bold(text))
    if has_markup(text):
        text = html_to_text(text)
    text = join_hyphenated_lines(text)
    paragraphs = split_paragraphs(text)
    paragraphs, footers = _drop_footers(paragraphs)
    paragraphs = [p for p in map(_without_page_numbers, paragraphs) if p.strip()]
    paragraphs, header = _drop_page_headers(paragraphs)
    paragraphs = _join_cut_paragraphs(paragraphs, _Vocabulary(text))
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


# Invisible in the original: soft hyphens, zero-width spaces, byte-order marks.
_INVISIBLE = (("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""), ("\u00a0", " "), ("\u2007", " "))
_BULLETS = ("•", "●", "▪")


def _normalize_characters(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    for char, replacement in _INVISIBLE:
        if char in text:
            text = text.replace(char, replacement)
    if any(bullet in text for bullet in _BULLETS):
        text = _LEADING_BULLET.sub(r"\1- ", text)
        text = _INLINE_BULLET.sub("\n- ", text)
    return text


# --- hyphenation ----------------------------------------------------------------------

_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*(?=\w)")
_WORD_END = re.compile(r"\w+$")
_COMPOUND = re.compile(r"\w+-\w+")
_WORD = re.compile(r"\w+")
# "hälso-\noch sjukvård" is "hälso- och sjukvård": the hyphen stands for a shared word end
_CONJUNCTIONS = frozenset(
    ("och", "eller", "samt", "till", "resp", "respektive", "som", "men", "and", "or", "to")
)


class _Vocabulary:
    """The document's own spelling: evidence whether a compound keeps its hyphen.

    Built on first use (most hyphen breaks are decided without it), once per
    document, so a long document costs one pass, not one per break.
    """

    def __init__(self, text: str) -> None:
        self._text = text

    @cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(_WORD.findall(self._text.casefold()))

    @cached_property
    def _compounds(self) -> frozenset[str]:
        return frozenset(_COMPOUND.findall(self._text.casefold()))

    def hyphenated(self, prefix: str, suffix: str) -> bool:
        """Is "prefix-suffix" written elsewhere, and "prefixsuffix" nowhere?"""
        compound = f"{prefix}-{suffix}".casefold()
        return compound in self._compounds and (prefix + suffix).casefold() not in self._words


def join_hyphenated_lines(text: str) -> str:
    """Join words the layout hyphenated at a line end, keep real hyphens.

    >>> join_hyphenated_lines("Linnea Hed-\\nkvist, hälso-\\noch sjukvård, Marie-\\nLouise")
    'Linnea Hedkvist, hälso- och sjukvård, Marie-Louise'
    """
    vocabulary = _Vocabulary(text)
    out: list[str] = []
    pos = 0
    for found in _LINE_BREAK_HYPHEN.finditer(text):
        if found.start() == 0 or not text[found.start() - 1].isalnum():
            continue
        prefix = _WORD_END.search(text, max(pos, found.start() - 80), found.start())
        suffix = _WORD.match(text, found.end())
        if prefix is None or suffix is None:
            continue
        out += [text[pos : prefix.start()], join_hyphenated(prefix[0], suffix[0], vocabulary)]
        pos = suffix.end()
    out.append(text[pos:])
    return "".join(out)


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
    if vocabulary is not None and vocabulary.hyphenated(prefix, suffix):
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
# "Styrgruppen för …            Sida 2 av 3": a page number set to the right of a line
_TRAILING_PAGE_NUMBER = re.compile(
    r"(?:[ \t]{2,}|\t)(?:sida|sid\.?|page)\s*\d{1,3}(?:\s*(?:av|of)\s*\d{1,3})?[ \t]*$",
    re.IGNORECASE,
)
_HEADER_MAX = 300


def _without_page_numbers(paragraph: str) -> str:
    """A paragraph without its page number lines, so a header block that carries
    "Sida 1 av 3" on one page and "Sida 2 av 3" on the next is the same block."""
    lines = (_TRAILING_PAGE_NUMBER.sub("", line) for line in paragraph.split("\n"))
    return "\n".join(
        line for line in lines if line.strip() and not _PAGE_NUMBER.match(line.strip())
    )


def _key(paragraph: str) -> str:
    return " ".join(paragraph.casefold().split())


def _drop_page_headers(paragraphs: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Blocks of short paragraphs repeated together across the document (page headers).

    A paragraph goes when it repeats together with an adjacent paragraph (the
    same pair twice or more) and that block also opens the document, or when
    the pair recurs three times or more and neither of the two reads as a
    sentence; a paragraph that repeats alone goes only when it opens the
    document (a one-line header). So a repeated "Beslut" / "Nämnden beslutar att
    …" pair in a §-protocol stays.
    """
    blocks = _Blocks(paragraphs)
    header: dict[str, str] = {}  # key -> the block's paragraph as first met
    kept: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if _PAGE_NUMBER.match(paragraph.strip()):
            continue
        if blocks.is_header(i):
            header.setdefault(blocks.keys[i], paragraph)
            continue
        kept.append(paragraph)
    return kept, tuple(header.values())


class _Blocks:
    """Counts of paragraphs and of adjacent pairs, to tell repeated blocks."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.keys = [_key(p) if len(p) <= _HEADER_MAX else "" for p in paragraphs]
        self.plain = [not _SENTENCE_END.search(p.rstrip()) for p in paragraphs]
        self.counts = Counter(k for k in self.keys if k)
        self.pairs = Counter(pairwise(self.keys))
        # the first page's header: the repeated paragraphs that open the document
        self.top: set[str] = set()
        for key in self.keys:
            if not key or self.counts[key] < 2:
                break
            self.top.add(key)

    def is_header(self, i: int) -> bool:
        key = self.keys[i]
        if not key or self.counts[key] < 2:
            return False
        if key == self.keys[0]:
            return len(key) <= 100
        partners = self._partners(i)
        if key in self.top:
            return bool(partners)
        return (
            self.counts[key] >= 3
            and self.plain[i]
            and any(self.plain[j] and self.counts[self.keys[j]] >= 3 for j in partners)
        )

    def _partners(self, i: int) -> list[int]:
        """Adjacent paragraphs that repeat next to this one elsewhere too."""
        keys, found = self.keys, []
        if i > 0 and keys[i - 1] and self.pairs[(keys[i - 1], keys[i])] >= 2:
            found.append(i - 1)
        if i + 1 < len(keys) and keys[i + 1] and self.pairs[(keys[i], keys[i + 1])] >= 2:
            found.append(i + 1)
        return found


# --- paragraphs cut by a page break ---------------------------------------------------

_LIST_START = re.compile(r"^(?:[a-zåäö]\)|[ivx]{1,4}[.)]\s|-\s|[a-zåäö]\.\s)")
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")
_HEADING_LINE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})?[.)]?[ \t]|§|#)")


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
    if "\n" not in previous and _HEADING_LINE.match(previous) and len(previous.split()) <= 12:
        return False  # "1. Inledning" is a heading, not a sentence waiting for its end
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
