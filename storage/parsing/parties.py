"""Swedish political parties as attendance lists write them after a name.

Example:
    >>> party_of("Socialdemokraterna"), party_of("kd"), party_of("Kumla")
    ('(S)', '(KD)', None)
"""

from __future__ import annotations

from storage.registry import fold

PARTIES = {
    "S": "socialdemokraterna",
    "M": "moderaterna",
    "C": "centerpartiet",
    "KD": "kristdemokraterna",
    "L": "liberalerna",
    "V": "vansterpartiet",
    "MP": "miljopartiet",
    "SD": "sverigedemokraterna",
    "FP": "folkpartiet",
}
_PARTY_BY_NAME = {name: short for short, name in PARTIES.items()}


def party_of(text: str) -> str | None:
    """ "(S)" for "S", "(S)" or "Socialdemokraterna"."""
    key = text.strip(" ()").upper()
    if key in PARTIES:
        return f"({key})"
    short = _PARTY_BY_NAME.get(fold(text))
    return f"({short})" if short else None
