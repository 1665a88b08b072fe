"""Decisions in the text of an agenda item (beslut: what the meeting itself resolved).

What counts, as a reader of Swedish minutes would put it:

* a label: ``Beslut: …``, ``Beslutat: …``, ``Beslutades: …``, a ``Beslut`` heading in
  a §-protocol, ``Decision: …``; the label's text runs to the end of its paragraph;
* the meeting itself acting, in the preterite or present: ``Chefsgruppen beslutade
  att …``, ``Efter diskussion beslutade chefsgruppen att …``, ``Rådet ställer sig
  bakom …``, ``… och gav Linnea i uppdrag att …``;
* a minute without subject: ``Riktlinjen antas.``, ``Ärendet bordläggs.``,
  ``Agendan godkändes``, ``En arbetsgrupp utsågs …``, ``Beslut tas vid nästa möte``.

What does not: proposals (``Förslag till beslut``, ``AU föreslår …``, ``yrkar``),
questions, the perfect tense (``har beslutat``, ``har ställt sig bakom``), other
bodies (``Regionala samverkansrådet ställde sig bakom …`` in a council's minutes that
are not that council's), passives with another agent (``antogs av
regionfullmäktige``) and paragraphs telling about another time (``I juni
beslutades …``, ``Vid förra mötet …``).

Example:
    >>> [(d.kind.value, d.text) for d in find_decisions("Agendan godkändes. Beslut: Planen antas.")]
    [('procedural', 'Agendan godkändes.'), ('adopted', 'Planen antas.')]
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from storage.parsing.decision_rules import (
    ANY_SELF,
    OTHER_TIME,
    PRETERITE,
    Selves,
    decision_of,
    decision_text,
    self_names_for,
)
from storage.parsing.decision_text import (
    HEADING,
    LIST_MARK,
    Unit,
    inline_points,
    paragraphs,
    sentences,
    tidy,
)
from storage.parsing.records import Decision, DecisionKind

__all__ = ["find_decisions", "self_names_for"]

# A label: its text, to the end of the paragraph, is the decision.
_LABEL = re.compile(
    r"(?:^|(?<=\s))(?:(?:Beslut|Beslutat|Beslutades|BESLUT|Decisions?|Decided|"
    r"Resolved)\s*:|Beslut\s+(?=[A-ZÅÄÖ]))\s*"
)
# Another label ends a `Beslut:` text: "Decided: … Actions: Ahmed to circulate …".
_OTHER_LABEL = re.compile(
    r"^(?:Actions?|Action\s+points?|Åtgärd(?:er)?|Ansvarig|Responsible|Uppföljning|Follow-up"
    r"|Notes?|Noteringar|Kommentar|Comments?|Diskussion|Discussion|Bakgrund|Background)\s*:",
    re.IGNORECASE,
)
_LINE_WORDS = 20  # a decision's further line is short; a longer paragraph is running text
_ITEM_START = re.compile(r"^§\s*\d+")  # a new § ends the sections of the one before
# "Följande beslut fattades:" announces a list of decisions.
_ANNOUNCES = re.compile(
    r"\b(?:följande\s+beslut|beslut\s+(?:fattades|togs)|the\s+following\s+decisions?)\b[^.]*:$",
    re.IGNORECASE,
)
# "Nämnden beslutar" before "1. att …  2. att …": each point is a decision of its own.
_LEAD_VERB = re.compile(
    r"\b(?:beslutar|beslutade|beslöt|decided|resolved)(?P<att>\s+(?:att|to))?"
    r"(?:\s+följande)?\s*:?$",
    re.IGNORECASE,
)


# --- reading an item ----------------------------------------------------------------------


class _Section(enum.Enum):
    RUNNING = "running"  # rules decide sentence by sentence
    PROPOSAL = "proposal"  # under "Förslag till beslut", "Yrkanden": nothing is decided
    DECISION = "decision"  # under a bare "Beslut" heading: the next text is the decision


@dataclass
class _Reader:
    selves: Selves
    section: _Section = _Section.RUNNING
    found: list[Decision] = field(default_factory=list)
    labelled: bool = False  # the paragraph just read ended in a `Beslut:` text

    def read(self, paragraph: list[Unit]) -> None:
        self.labelled = False
        other_time = False
        for unit in paragraph:
            heading = HEADING.match(unit.text)
            if unit.heading and heading:
                self.section = _section_of(heading)
            elif _ITEM_START.match(unit.text):
                self.section = _Section.RUNNING
                other_time = self._unit(unit, other_time)
            elif self.section is _Section.DECISION:
                self.section = _Section.RUNNING
                self._label(unit.text, unit.entries)
            elif self.section is _Section.PROPOSAL and not PRETERITE.search(unit.text):
                continue
            else:
                self.section = _Section.RUNNING
                other_time = self._unit(unit, other_time)

    def _unit(self, unit: Unit, other_time: bool) -> bool:
        text = unit.text
        heading = HEADING.match(text)
        if heading and heading.end() < len(text):
            if heading["proposal"]:
                return other_time
            if heading["decision"]:
                self._label(text[heading.end() :], unit.entries)
                return other_time
            text = text[heading.end() :]
        cuts = list(_LABEL.finditer(text))
        running = text[: cuts[0].start()] if cuts else text
        other_time = self._running(running, [] if cuts else unit.entries, other_time)
        for i, label in enumerate(cuts):
            end = cuts[i + 1].start() if i + 1 < len(cuts) else len(text)
            last = i + 1 == len(cuts)
            self._label(text[label.end() : end], unit.entries if last else [])
        return other_time

    def _running(self, text: str, entries: list[str], other_time: bool) -> bool:
        found = sentences(text)
        if not found:
            for entry in entries:
                other_time = self._running(entry, [], other_time)
        for i, sentence in enumerate(found):
            other_time = other_time or bool(OTHER_TIME.match(sentence))
            listed = entries if i + 1 == len(found) else []
            decided = None if other_time else decision_text(sentence, self.selves)
            if decided is not None:
                self._add(_expand(decided, listed))
            elif listed and _ANNOUNCES.search(sentence) and not other_time:
                self._add(listed)
            else:
                for entry in listed:
                    other_time = self._running(entry, [], other_time)
        return other_time

    def _label(self, text: str, entries: list[str]) -> None:
        """A `Beslut:` text: one decision per sentence that decides on its own."""
        groups: list[str] = []
        for sentence in sentences(text.strip()):
            if _OTHER_LABEL.match(sentence):
                entries = []  # the list under it is that label's, not the decision's
                break
            if groups and decision_text(sentence, self.selves) is None:
                groups[-1] += " " + sentence
            else:
                groups.append(sentence)
        if not groups and not entries:
            self.section = _Section.DECISION  # "Beslut:" alone: the decision follows
            return
        last = groups.pop() if groups else ""
        self._add([*groups, *_expand(last, entries)])
        self.labelled = True

    def continues_label(self, paragraph: list[Unit]) -> bool:
        """Join a last line without a full stop to the `Beslut:` text just before it:
        "Beslut: Att genomföra förstudien." / "Regionen utser representanter till
        styrgrupp" is one decision of two lines that the layout set apart."""
        if not (self.labelled and self.found) or len(paragraph) != 1:
            return False
        unit = paragraph[0]
        line = tidy(unit.text)
        words = line.split()
        if (
            unit.entries
            or unit.heading
            or HEADING.match(line)
            or not 3 <= len(words) <= _LINE_WORDS
            or not line[:1].isupper()
            or line[-1] in ".!?:;)"
            or all(word[:1].isupper() for word in words)  # a name or a title, not a clause
        ):
            return False
        decision = self.found[-1]
        self.found[-1] = replace(decision, text=f"{decision.text} {line}")
        return True

    def _add(self, texts: Sequence[str]) -> None:
        self.found += [decision_of(t, self.selves) for t in texts if tidy(t)]


def _section_of(heading: re.Match[str]) -> _Section:
    if heading["decision"]:
        return _Section.DECISION
    return _Section.PROPOSAL if heading["proposal"] else _Section.RUNNING


def _expand(lead: str, entries: Sequence[str]) -> list[str]:
    """Decision texts from a lead and the list under it.

    "Beslut: 1. … 2. …" gives one decision per point, "Nämnden beslutar 1. att … 2. att …"
    one per point with the lead before it, a clause ending in ":" one decision with its list.
    """
    if not entries and (points := inline_points(lead)):
        lead, entries = points
    lead = lead.strip()
    entries = [e.rstrip(" ,;") for e in entries]  # "1. godkänna redovisningen," is list syntax
    if not entries:
        return [lead]
    if not lead:
        return list(entries)
    if verb := _LEAD_VERB.search(lead):
        base = lead[: verb.start()] + verb[0].split()[0]
        joiner = verb["att"] or ""
        return [f"{base}{'' if _has_att(e) else joiner} {e}" for e in entries]
    return [f"{lead} {'; '.join(entries)}"]


def _has_att(entry: str) -> bool:
    return LIST_MARK.sub("", entry).casefold().startswith(("att ", "to "))


# --- the title of the item ---------------------------------------------------------------

_AGENDA_TITLE = re.compile(
    r"^(?:(?:fastställande|godkännande)\s+av\s+)?(?:dagens\s+)?"
    r"(?:dagordning(?:en)?|agenda(?:n)?|föredragningslista(?:n)?)$",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"^(?:ok|okej|godkänd|godkändes|fastställd|fastställdes|antogs|ja|approved|adopted)\.?$",
    re.IGNORECASE,
)
_ADJUSTER_TITLE = re.compile(
    r"^(?:val\s+av\s+|utse\s+)?\w*justerare\b|^justering\b|^adjusters?\b", re.IGNORECASE
)


def _from_title(title: str, text: str) -> list[Decision]:
    """A procedural point whose text is only the outcome: "Dagordning" / "OK"."""
    title = re.sub(r"^§?\s*\d+(?:\.\d+)*\.?\s*", "", tidy(title)).rstrip(":")
    outcome = tidy(text)
    if not outcome or "?" in outcome or "\n" in text.strip():
        return []
    agenda = _AGENDA_TITLE.match(title) and _CONFIRMED.match(outcome)
    adjuster = _ADJUSTER_TITLE.match(title) and len(outcome) <= 100
    if agenda or adjuster:
        return [Decision(f"{title}: {outcome}", DecisionKind.PROCEDURAL)]
    return []


def find_decisions(text: str, *, self_names: Sequence[str] = (), title: str = "") -> list[Decision]:
    """The decisions the meeting itself took, in order.

    `self_names` are the words by which the minutes name the deciding body
    ("chefsgruppen", "rådet", the group's own name; see `self_names_for`). Reports
    of other bodies' decisions ("Regionala samverkansrådet har ställt sig bakom …")
    are not this meeting's decisions. `title`, when given, lets a procedural point
    whose text is only its outcome ("Dagordning" / "OK") count.

    >>> chefsgrupp = self_names_for(["Chefsgrupp folkhälsa"])
    >>> [d.text for d in find_decisions("Rådet beslutade att anta planen. Vi beslutade "
    ...                                 "att vänta.", self_names=chefsgrupp)]
    ['Vi beslutade att vänta.']
    >>> find_decisions("Beslut: Beslutet hänskjuts till kommande AU i juni")[0].referred_to
    'kommande AU i juni'
    """
    reader = _Reader(Selves.of(self_names or ANY_SELF))
    found = paragraphs(text)
    for index, paragraph in enumerate(found):
        if index + 1 == len(found) and reader.continues_label(paragraph):
            break
        reader.read(paragraph)
    if not reader.found and title:
        return _from_title(title, text)
    return reader.found
