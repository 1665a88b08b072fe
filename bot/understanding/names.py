"""Names known before any minutes are loaded: the registry's groups and
municipalities, the organisations that sit in every group, and the English
names people use for the groups.

Example:
    >>> dict(BUILTIN_GROUPS)["public health council"]
    'Specifika samverkansrådet för folkhälsa'
    >>> ("kumla kommun", "Kumla") in municipality_keys()
    True
"""

from __future__ import annotations

from storage.registry import (
    GROUP_FAMILIES,
    KNOWN_GROUPS,
    MUNICIPALITIES,
    REGION,
    fold,
    group_aliases,
)

_CHEFSGRUPP_SVO, _CHEFSGRUPP_FH, _SSR_SVO, _SSR_FH = (g.name for g in KNOWN_GROUPS)

# English names for the groups, as an English-speaking colleague would say them.
_ENGLISH_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        (
            "management group",
            "the management group",
            "management group for social welfare",
            "social welfare management group",
            "welfare management group",
            "managers group",
            "heads group",
        ),
        _CHEFSGRUPP_SVO,
    ),
    **dict.fromkeys(
        (
            "public health management group",
            "public health managers",
            "public health managers group",
            "management group for public health",
        ),
        _CHEFSGRUPP_FH,
    ),
    **dict.fromkeys(
        (
            "social welfare council",
            "welfare council",
            "council for social welfare",
            "specific council for social welfare",
            "collaboration council for social welfare",
        ),
        _SSR_SVO,
    ),
    **dict.fromkeys(
        (
            "public health council",
            "council for public health",
            "specific council for public health",
            "collaboration council for public health",
        ),
        _SSR_FH,
    ),
}

BUILTIN_GROUPS: tuple[tuple[str, str], ...] = (
    *((group.name, group.name) for group in KNOWN_GROUPS),
    *group_aliases().items(),
    *_ENGLISH_GROUPS.items(),
    # a family's name stands for each of its groups (the question names several)
    *((alias, name) for alias, names in GROUP_FAMILIES.items() for name in names),
)

BUILTIN_ORGANIZATIONS: tuple[tuple[str, str], ...] = (
    *(
        (alias, REGION)
        for alias in (
            REGION,
            "Region Örebro",
            "Örebro län",
            "Örebro läns landsting",
            "regionen",
            "region",
            "landstinget",
        )
    ),
    *((alias, "RF-SISU") for alias in ("RF-SISU", "RF SISU Örebro län", "RF-SISU Örebro län")),
    *((alias, "RF-SISU") for alias in ("RFSISU", "Riksidrottsförbundet")),
    *((alias, "ÖLBF") for alias in ("ÖLBF", "Örebro läns bildningsförbund")),
)


def municipality_keys() -> tuple[tuple[str, str], ...]:
    """(folded way of writing, municipality): "kumla", "kumla kommun", "kumlas kommun"."""
    keys: list[tuple[str, str]] = []
    for name in MUNICIPALITIES:
        key = fold(name)
        keys += [(key, name), (f"{key} kommun", name), (f"{key}s kommun", name)]
        keys += [(f"{key} municipality", name), (f"municipality of {key}", name)]
    return tuple(keys)
