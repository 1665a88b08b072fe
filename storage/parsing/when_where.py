"""When and where a meeting was held, from the labelled lines at the top of
minutes: "Tid: 13-14 oktober 2022", "Plats: Teams", "Tid och plats: …",
"När: 29 maj 2026, fredag kl. 9.00 – 12.00", "Justerat den: 2024-10-01",
"Date:", "Location:", or a line that opens with the date
("2024-09-20, kl. 09.00-12.00. Lokal Eken, Eklundavägen 1").

Example:
    >>> fields = labelled_fields("Tid: 2023-09-08 kl.13.00-16.00 Plats: Teams")
    >>> [(f.label, f.value) for f in fields]
    [('tid', '2023-09-08 kl.13.00-16.00'), ('plats', 'Teams')]
    >>> meeting_mode("Teams"), meeting_mode("Båsenberga hotell, Vingåker")
    (<MeetingMode.DIGITAL: 'digital'>, <MeetingMode.PHYSICAL: 'physical'>)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storage.parsing.dates import When, find_whens, parse_when
from storage.parsing.records import MeetingMode
from storage.registry import fold

# label as written before the colon -> what it tells
_LABELS_AS_WRITTEN: dict[str, str] = {
    **dict.fromkeys(("tid", "när", "sammanträdesdatum", "mötesdatum", "datum och tid"), "when"),
    **dict.fromkeys(("date", "time", "when", "date and time", "datum"), "when"),
    **dict.fromkeys(("plats", "var", "lokal", "mötesplats", "place", "location", "venue"), "place"),
    **dict.fromkeys(("where", "sammanträdeslokal"), "place"),
    **dict.fromkeys(("tid och plats", "plats och tid", "time and place"), "when_place"),
    **dict.fromkeys(("mötesform", "form", "format"), "mode"),
    **dict.fromkeys(("justerat den", "justerat", "justerad", "justeringsdatum"), "adjusted"),
    **dict.fromkeys(("justeringens plats och tid", "protokollet justerat"), "adjusted"),
    **dict.fromkeys(("paragrafer", "paragraf", "diarienummer", "dnr", "sida"), "ignored"),
    **dict.fromkeys(("sekreterare", "protokollförare", "vid protokollet"), "secretary"),
    **dict.fromkeys(("minutes taken by", "minute taker", "secretary"), "secretary"),
}
LABELS: dict[str, str] = {fold(k): v for k, v in _LABELS_AS_WRITTEN.items()}  # folded keys
_LABEL_ALT = "|".join(sorted((re.escape(k) for k in _LABELS_AS_WRITTEN), key=len, reverse=True))
# A label is a line's first words followed by a colon; "Plats:" may also follow a value.
_LABEL = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LABEL_ALT})\s*:\s*", re.IGNORECASE)
# Labels that letterheads also write without a colon: "Sammanträdesdatum 2025-03-12".
_BARE = re.compile(
    r"^(?P<label>sammanträdesdatum|mötesdatum|datum|tid och plats|plats och tid|tid|när"
    r"|justeringens plats och tid|justeringsdatum|justerat den|justerat|justerad|plats)"
    r"\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
_DATE_FIRST = re.compile(r"^\s*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?\d")
_CLOCK = re.compile(
    r"[,.]?\s*(?:(?:kl\.?|klockan)\s*)?\b\d{1,2}(?:[.:]\d{2})?\s*[-–—]\s*\d{1,2}(?:[.:]\d{2})?\b"
    r"|[,.]?\s*(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d{2})?\b",
    re.IGNORECASE,
)
_DIGITAL = re.compile(
    r"\b(?:teams|zoom|skype|webex|google meet|digital[t]?|distans|online|videolänk|"
    r"videomöte|webbmöte|på länk|via länk)\b",
    re.IGNORECASE,
)
# Words that go with a digital place without being a room: "Digitalt via Microsoft Teams".
_DIGITAL_FILLER = re.compile(
    r"\b(?:via|möte|mötet|i|på|microsoft|ms|länk|meeting|by|over|video)\b|[-–]", re.IGNORECASE
)


@dataclass(frozen=True)
class Field:
    label: str  # folded label as written: "tid", "plats", "nar"
    value: str

    @property
    def means(self) -> str:
        return LABELS.get(self.label, "")


def labelled_fields(line: str) -> list[Field]:
    """The "Label: value" pairs of a line; [] when it does not open with a label."""
    matches = list(_LABEL.finditer(line))
    if not matches or line[: matches[0].start()].strip():
        bare = _BARE.match(line.strip())
        if bare and (fold(bare["label"]) == "plats" or re.search(r"\d", bare["value"])):
            return [Field(fold(bare["label"]), bare["value"].strip(" ,;"))]
        return []
    fields = []
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(line)
        fields.append(Field(fold(match["label"]), line[match.end() : end].strip(" ,;")))
    return fields


def opens_with_date(line: str) -> bool:
    """True for a line such as "2024-09-20, kl. 09.00-12.00. Lokal Eken"."""
    return bool(_DATE_FIRST.match(line)) and bool(find_whens(line[:40]))


@dataclass(frozen=True)
class WhenWhere:
    when: When | None = None
    place: str | None = None
    clock_only: str | None = None  # "kl. 13.00–15.30" without a date: needs one


def when_and_place(value: str, *, reference: date | None = None) -> WhenWhere:
    """The time a value gives and what is left of it as the place.

    >>> w = when_and_place("2024-09-20, kl. 09.00-12.00. Lokal Eken, Eklundavägen 1")
    >>> w.when.start.hour, w.place
    (9, 'Lokal Eken, Eklundavägen 1')
    """
    found = find_whens(value, reference=reference)
    if found:
        start, end, when = found[0]
        rest = value[:start] + " " + value[end:]
        return WhenWhere(when, _place_from(rest))
    clock = _CLOCK.search(value)
    if clock:
        rest = value[: clock.start()] + " " + value[clock.end() :]
        return WhenWhere(None, _place_from(rest), clock.group().strip(" ,."))
    return WhenWhere(None, _place_from(value))


def resolve_clock(clock: str, day: date) -> When | None:
    """A bare "kl. 13.00–15.30" on a known day."""
    return parse_when(clock, reference=day)


def _place_from(rest: str) -> str | None:
    text = " ".join(rest.split()).strip(" ,.;:–-")
    text = re.sub(r"^(?:i|på|at|in)\s+", "", text)
    return text or None


def meeting_mode(place: str | None, stated: str | None = None) -> MeetingMode | None:
    """Digital, physical or hybrid, from a stated form ("Mötesform: digitalt") or the place."""
    if stated and (mode := _mode_of(stated)):
        return mode
    if place:
        return _mode_of(place) or MeetingMode.PHYSICAL
    return None


def _mode_of(text: str) -> MeetingMode | None:
    folded = fold(text)
    if "hybrid" in folded:
        return MeetingMode.HYBRID
    if _DIGITAL.search(text):
        rest = _DIGITAL.sub(" ", text)
        rest = _DIGITAL_FILLER.sub(" ", rest).strip(" ,.;:–-")
        return MeetingMode.HYBRID if "fysisk" in folded or len(rest) > 2 else MeetingMode.DIGITAL
    return MeetingMode.PHYSICAL if "fysisk" in folded or "physical" in folded else None
