"""When minutes were checked and signed (justerade), as they say it themselves:
"Justerat den: 2024-10-01 via e-post", "Justeringsdatum 2023-09-15",
"Protokollet justerades digitalt den 3 oktober 2022".

    >>> adjusted_on("Justerat den: 2024-10-01 via e-post.", date(2024, 9, 20))
    Adjusted(day=datetime.date(2024, 10, 1), how='via e-post')

Only a date written right after the word counts ("vi inväntar ett justerat protokoll
från …" says nothing of when), and only one on or after the meeting's day and
within half a year of it: a justering is days or weeks after the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storage.parsing.dates import find_whens

# how the minutes were checked, where they say it
_HOW = r"digitalt|elektroniskt|via\s+e-?post|per\s+e-?post|per\s+capsulam"
_THEN = rf"(?:\s+(?P<before>{_HOW}))?(?:\s+(?:den|datum|dag))?\s*:?\s*"
# the date right after: a line that begins so ("Justerat den: …", "Justeringsdatum …"),
# or a sentence on the minutes ("Protokollet justerades digitalt den …")
_LABEL = re.compile(
    r"^[ \t]*(?:protokollet\s+)?(?:justerades|justerat|justerad|justeringsdatum|justering"
    r"|justeringen\s+(?:skedde|gjordes))\b" + _THEN,
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE = re.compile(
    r"\b(?:protokollet|minnesanteckningarna)\s+(?:har\s+|är\s+)?(?:justerades|justerats|justerat)\b"
    + _THEN,
    re.IGNORECASE,
)
# a formal protocol's "Justeringens plats och tid: Stadshuset, 2024-10-03 kl. 10.00":
# the first date on the line
_PLACE_AND_TIME = re.compile(
    r"^[ \t]*justeringens\s+(?:plats\s+och\s+)?tid\b[ \t:]*(?P<line>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_HOW_AFTER = re.compile(rf"[\s,]*(?P<how>{_HOW})\b", re.IGNORECASE)
# a justering is days or weeks after the meeting
LATEST = timedelta(days=183)


@dataclass(frozen=True)
class Adjusted:
    day: date
    how: str  # "via e-post", "digitalt" or ""


def adjusted_on(text: str, meeting_day: date) -> Adjusted | None:
    """The day the minutes of the meeting on `meeting_day` say they were checked."""
    said = [
        (match.start(), match.end(), match.group("before") or "", True)
        for pattern in (_LABEL, _SENTENCE)
        for match in pattern.finditer(text)
    ]
    said += [(m.start(), m.start("line"), "", False) for m in _PLACE_AND_TIME.finditer(text)]
    for _, end, before, right_after in sorted(said):
        rest = text[end : end + 80]
        if not right_after:
            rest = rest.split("\n", 1)[0]
        found = find_whens(rest, reference=meeting_day)
        if not found or (right_after and found[0][0] != 0):
            continue
        _, date_end, when = found[0]
        day = when.start.date()
        if not meeting_day <= day <= meeting_day + LATEST:
            continue
        after = _HOW_AFTER.match(rest, date_end)
        how = before or (after.group("how") if after else "")
        return Adjusted(day, " ".join(how.lower().split()))
    return None
