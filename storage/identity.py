"""Is this the same person? Names across documents (owner: people helper; stub)."""

from __future__ import annotations


def person_key(name: str) -> str:
    """A folded key: equal keys are certainly the same written name."""
    raise NotImplementedError


def same_person(a: str, b: str) -> bool:
    """True for spelling variants of one person (Adolfsson/Adolffsson,
    Strid/Stridh, Åhnberg/Ahnberg, Mehtalainen/Mehtäläinen, Lunader/Lunander),
    False for different people sharing a surname (Madde/Ann-Mari Gustafsson)."""
    raise NotImplementedError
