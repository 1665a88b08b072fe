"""Decisions in the text of an agenda item (owner: decisions helper; stub)."""

from __future__ import annotations

from collections.abc import Sequence

from storage.parsing.records import Decision


def find_decisions(text: str, *, self_names: Sequence[str] = ()) -> list[Decision]:
    """The decisions the meeting itself took, in order.

    `self_names` are the words by which the minutes name the deciding body
    ("chefsgruppen", "rådet", the group's own name). Reports of other bodies'
    decisions ("Regionala samverkansrådet har ställt sig bakom ...") are not
    this meeting's decisions.
    """
    raise NotImplementedError
