"""Markup inside extracted minutes text (HTML cells, markdown bold) made plain.

Word and PDF exports of tables carry HTML in their cells: `<p>` paragraphs,
`<i>` presenters, `<ol>`/`<ul>` lists, entities. Block elements become
paragraph breaks, `<i>`/`<em>` become `*…*` (the presenters of an agenda item
are often the only italic text), struck text becomes `~~…~~`, bold and other
inline markup disappear. Text outside the tags, tabs included, stays as it is,
so the tab-separated rows of a table keep their cells.

Example:
    >>> html_to_text("6.\\t<p>Aktuellt <i>Ingmar Ångman</i></p> <p>Det kommer.</p>")
    '6.\\tAktuellt *Ingmar Ångman*\\n\\nDet kommer.'
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TAG = re.compile(
    r"</?(?:p|br|i|em|b|strong|ol|ul|li|table|thead|tbody|tr|td|th|div|span|h[1-6]"
    r"|s|del|strike|u|a|font|sup|sub|blockquote)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")
# A Markdown table row "| a | b |" and the rule under its header "|---|:--:|".
_PIPE_ROW = re.compile(r"(?m)^[ \t]*\|(?P<cells>.*\|.*)\|[ \t]*$")
_PIPE_RULE = re.compile(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\n?")

_BLOCKS = frozenset(
    ("p", "div", "ol", "ul", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
)
_ITALIC = frozenset(("i", "em"))
_STRUCK = frozenset(("s", "del", "strike"))
_HIDDEN = frozenset(("script", "style", "title"))  # <title> repeats the heading, if any


def has_markup(text: str) -> bool:
    """True when `text` holds HTML tags or entities worth converting."""
    return bool(_TAG.search(text) or _ENTITY.search(text))


def strip_bold(text: str) -> str:
    """Markdown `**bold**` as plain text; `~~struck~~` is meaning, not style, and stays.

    >>> strip_bold("- **Egenvård** och ~~Anna~~")
    '- Egenvård och ~~Anna~~'
    """
    return _BOLD.sub(r"\1", text)


def pipe_tables_to_tabs(text: str) -> str:
    """Markdown pipe tables as the tab-separated rows Word and PDF tables give,
    so one table reader serves every format; the header rule goes.

    >>> pipe_tables_to_tabs("| Namn | Roll |\\n|---|---|\\n| Anna Ek | Ledamot |")
    'Namn\\tRoll\\nAnna Ek\\tLedamot'
    """
    if "|" not in text:
        return text
    text = _PIPE_RULE.sub("", text)
    return _PIPE_ROW.sub(
        lambda row: "\t".join(cell.strip() for cell in row["cells"].split("|")), text
    )


def html_to_text(text: str) -> str:
    """Plain text with paragraph breaks from text that mixes plain lines and HTML."""
    if not _TAG.search(text):
        return html.unescape(text) if _ENTITY.search(text) else text
    builder = _TextBuilder()
    builder.feed(text)
    builder.close()
    return builder.text()


class _TextBuilder(HTMLParser):
    """Collects the text, turning block tags into breaks only where a cell has text.

    A `<p>` right after a row's number and tab ("6.\\t<p>Title") opens the cell,
    it does not start a new paragraph; a `<p>` after text in the same cell does.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._cell_has_text = False
        self._pending_break = False
        self._pending_marks: list[str] = []
        self._open_marks: list[bool] = []
        self._hidden = 0
        self._first_cell = True

    def text(self) -> str:
        return "".join(self._out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self._request_break()
        elif tag == "br":
            self._emit("\n")
        elif tag == "li":
            self._flush_break()
            self._emit("\n- " if self._cell_has_text else "- ")
        elif tag == "tr":
            self._flush_break()
            self._first_cell = True
            if self._cell_has_text:
                self._emit("\n")
        elif tag in ("td", "th"):
            # a paragraph closed at the end of the last cell ends with that cell
            self._pending_break = False
            if not self._first_cell:
                self._emit("\t")
            self._first_cell = False
        elif tag in _ITALIC:
            self._pending_marks.append("*")
            self._open_marks.append(False)
        elif tag in _STRUCK:
            self._pending_marks.append("~~")
            self._open_marks.append(False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._emit("\n")
        elif tag in _BLOCKS:
            self._request_break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._request_break()
        elif tag in ("td", "th"):
            # Word wraps every cell's text in <p>: its close ends the cell, not a paragraph
            self._pending_break = False
        elif (tag in _ITALIC or tag in _STRUCK) and self._open_marks:
            emitted = self._open_marks.pop()
            mark = "*" if tag in _ITALIC else "~~"
            if emitted:
                self._close_mark(mark)
            elif self._pending_marks:
                self._pending_marks.pop()

    def handle_data(self, data: str) -> None:
        if self._hidden or not data:
            return
        if self._pending_break:
            if not data.strip():
                if "\n" in data:
                    self._pending_break = False
                    self._emit(data)
                return
            self._pending_break = False
            if data[0] in "\n\t":
                self._emit(data)
                return
            self._trim_trailing_spaces()
            self._emit("\n\n")
            data = data.lstrip(" ")
        if self._pending_marks and data.strip():
            lead = data[: len(data) - len(data.lstrip())]
            self._emit(lead + "".join(self._pending_marks))
            self._open_marks[-len(self._pending_marks) :] = [True] * len(self._pending_marks)
            self._pending_marks.clear()
            data = data.lstrip()
        self._emit(data)

    def _close_mark(self, mark: str) -> None:
        # "*Ingmar Ångman *" reads worse than "*Ingmar Ångman* ": keep the space outside
        last = self._out[-1] if self._out else ""
        stripped = last.rstrip(" ")
        if stripped != last:
            self._out[-1] = stripped
            self._out.append(mark + " ")
        else:
            self._out.append(mark)

    def _flush_break(self) -> None:
        if self._pending_break:
            self._pending_break = False
            self._trim_trailing_spaces()
            self._emit("\n\n")

    def _trim_trailing_spaces(self) -> None:
        while self._out and not self._out[-1].strip(" "):
            self._out.pop()
        if self._out:
            self._out[-1] = self._out[-1].rstrip(" ")

    def _request_break(self) -> None:
        if self._cell_has_text:
            self._pending_break = True

    def _emit(self, piece: str) -> None:
        if not piece:
            return
        self._out.append(piece)
        cut = max(piece.rfind("\n"), piece.rfind("\t"))
        tail = piece[cut + 1 :]
        if cut >= 0:
            self._cell_has_text = bool(tail.strip())
        else:
            self._cell_has_text = self._cell_has_text or bool(tail.strip())
