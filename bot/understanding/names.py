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

import itertools

from bot.understanding.text import word_set
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
            "social welfare group",
            "welfare group",
            "social welfare meeting",
            "social welfare meetings",
            "welfare meeting",
            "welfare meetings",
        ),
        _CHEFSGRUPP_SVO,
    ),
    **dict.fromkeys(
        (
            "public health management group",
            "public health managers",
            "public health managers group",
            "management group for public health",
            # "the next public health meeting": the group's own meetings
            "public health group",
            "public health meeting",
            "public health meetings",
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
            "specific collaboration council for social welfare",
            "social welfare collaboration council",
        ),
        _SSR_SVO,
    ),
    **dict.fromkeys(
        (
            "public health council",
            "council for public health",
            "specific council for public health",
            "collaboration council for public health",
            "specific collaboration council for public health",
            "public health collaboration council",
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


# The last words of an organisation named for its place ("Sala kommun", "Västerås stad").
_PLACE_OWNERS = word_set("kommun stad municipality")


def organization_places(key: str) -> tuple[str, ...]:
    """The place an organisation is named for (folded, as `key` is), by which people
    ask for it: "vem representerar Sala?" means Sala kommun.

    >>> organization_places("kopings kommun"), organization_places("region vastmanland")
    (('koping', 'kopings'), ('vastmanland',))
    """
    words = key.split()
    if len(words) < 2:
        return ()
    if words[-1] in _PLACE_OWNERS:
        place = " ".join(words[:-1])
    elif words[0] == "region":
        place = " ".join(words[1:])
    else:
        return ()
    # "Köpings kommun": the genitive s is no part of the place's name ("Västerås stad")
    genitive = words[-1] == "kommun" and place.endswith("s") and len(place) > _SHORTEST
    forms = {place, place[:-1]} if genitive else {place}
    return tuple(sorted(f for f in forms if len(f) >= 3))


# Words after which a group's name goes on to say whose or what it is ("Socialnämnden
# i Karlskoga kommun", "Länsgruppen för barnhälsa", "Steering Group for Digital Health").
_NAME_PREPOSITIONS = word_set("i for inom pa vid av om in of on at")
# An owner written last, that people leave out: "… i Karlskoga kommun".
_OWNER_WORDS = word_set("kommun kommuns municipality lan lans region regionen")
_SHORTEST = 5
# Heads too general to name one group ("Gruppen för barnhälsa" is not "gruppen").
_GENERIC = word_set(
    """
    grupp gruppen grupper rad radet namnd namnden utskott utskottet styrelse styrelsen
    forum forumet natverk natverket group committee council board network team
    """
)
_JOINING = word_set("och samt eller and or")


def group_short_forms(key: str) -> tuple[str, ...]:
    """The shorter ways people say a group's name (folded, as `key` is): without its
    owner ("kommun"), its head noun without what follows or a genitive before it,
    in definite and indefinite form.

    >>> group_short_forms("socialnamnden i karlskoga kommun")
    ('socialnamnd', 'socialnamnd i karlskoga', 'socialnamnden', 'socialnamnden i karlskoga')
    >>> group_short_forms("kommunstyrelsens arbetsutskott")
    ('arbetsutskott',)
    >>> group_short_forms("samverkansnamnden bergslagen")
    ('samverkansnamnd', 'samverkansnamnd bergslagen', 'samverkansnamnden')
    """
    words = key.split()
    while len(words) > 1 and words[-1] in _OWNER_WORDS:
        words = words[:-1]
    forms = {" ".join(words)}
    # "kommunstyrelsens arbetsutskott": the genitive says whose, the head follows
    while len(words) > 1 and words[0].endswith("s") and words[1] not in _NAME_PREPOSITIONS:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if i and w in _NAME_PREPOSITIONS), len(words))
    head = words[:cut]
    forms.add(" ".join(head))
    if len(head) > 1 and head[0].endswith(("en", "et")):
        forms.add(head[0])  # "Samverkansnämnden Bergslagen": the nämnd is "samverkansnämnden"
    if len(head) > 2 and not _JOINING.intersection(head):
        forms.add(" ".join(head[-2:]))  # "regional steering group": "steering group"
    for form in list(forms):
        first, _, rest = form.partition(" ")
        if first.endswith(("en", "et")) and len(first) > _SHORTEST + 2:
            forms.add(f"{first[:-2]} {rest}".strip())  # "socialnämnden" -> "socialnämnd"
    forms.update(_compounds(words, cut))
    forms.discard(key)
    return tuple(sorted(f for f in forms if len(f) >= _SHORTEST and f not in _GENERIC))


# The kind of body a group's head noun ends in, and how a compound ends with it
# ("Länsgruppen för barnhälsa" is the "barnhälsogruppen").
_BODIES = ("utskott", "natverk", "styrelse", "forum", "grupp", "namnd", "rad")
_ENGLISH_BODIES = word_set("group committee council board network team forum")
_TOPIC_PREPOSITIONS = word_set("for om inom on")


def _compounds(words: list[str], cut: int) -> set[str]:
    """ "<head> för <topic>" as people compound it: "länsgruppen för barnhälsa" ->
    "barnhalsogrupp", "barnhalsagrupp", "barnhalsgrupp", "barnhalsasgrupp";
    "steering group for digital health" -> "digital health group"."""
    if cut >= len(words) or cut == 0 or words[cut] not in _TOPIC_PREPOSITIONS:
        return set()  # "socialnämnden i Karlskoga" is no "karlskoganämnd"
    head = words[cut - 1]
    topic = list(itertools.takewhile(lambda w: w not in _NAME_PREPOSITIONS, words[cut + 1 :]))
    if not topic:
        return set()
    if head in _ENGLISH_BODIES:  # "digital health group", "digital health steering group"
        return {f"{' '.join(topic)} {head}", f"{' '.join(topic)} {' '.join(words[:cut][-2:])}"}
    body = next(
        (b for b in _BODIES if head.removesuffix("en").removesuffix("et").endswith(b)), None
    )
    if body is None or len(topic) != 1:
        return set()
    stem = topic[0]
    joints = {stem, f"{stem}s"} | ({f"{stem[:-1]}o", stem[:-1]} if stem.endswith("a") else set())
    return {f"{joint}{body}" for joint in joints}
