"""English words of the welfare, health and collaboration domain in the Swedish
the minutes use, so an English question's subject can be looked for in them.

Phrases are read before words ("home health care" is one thing, "care" another),
longest first; words without an entry stay as written (names, Swedish words).
A run of two or more translated words is also offered joined ("suicide
coordination" -> "suicidsamordning"), since Swedish writes such compounds as one
word and the search matches word beginnings.

Example:
    >>> to_swedish("suicide coordination")
    ('suicid samordning', 'suicidsamordning')
    >>> to_swedish("elderly care")
    ('äldreomsorg', 'äldre vård', 'äldrevård')
    >>> to_swedish("projekt CROSS")
    ()
"""

from __future__ import annotations

import re
from functools import cache

from bot.understanding.text import word_set

# English -> Swedish, one pair a line ("english = svenska"). Several English forms
# may share a Swedish word; a Swedish side may be a phrase.
_PAIRS = """
suicide = suicid
suicides = suicid
suicidal = suicid
suicide prevention = suicidprevention
prevention = prevention
preventive = förebyggande
coordination = samordning
coordinator = samordnare
coordinators = samordnare
collaboration = samverkan
cooperation = samverkan
collaboration council = samverkansråd
home health care = hälso- och sjukvård i hemmet
home healthcare = hälso- och sjukvård i hemmet
home care = hemtjänst
health care = hälso- och sjukvård
healthcare = hälso- och sjukvård
health and medical care = hälso- och sjukvård
mental health = psykisk hälsa
mental illness = psykisk ohälsa
mental ill health = psykisk ohälsa
psychiatry = psykiatri
psychiatric = psykiatri
funds = medel
funding = medel
fund = medel
care = vård
nursing = omvårdnad
money = medel
grants = medel
grant = medel
budget = budget
allocation = fördelning
distribution = fördelning
guideline = riktlinje
guidelines = riktlinje
agreement = överenskommelse
email = mejl
e-mail = mejl
agreements = överenskommelse
elderly care = äldreomsorg
care of the elderly = äldreomsorg
elderly = äldre
older people = äldre
children and young people = barn och unga
children and youth = barn och unga
children and young persons = barn och unga
young people = unga
youth = unga
children = barn
child = barn
school = skola
schools = skola
public health = folkhälsa
health = hälsa
dementia = demens
cognitive impairment = kognitiv svikt
medication = läkemedel
medications = läkemedel
medicines = läkemedel
medicine = läkemedel
drugs = läkemedel
self care = egenvård
self-care = egenvård
selfcare = egenvård
gang crime = gängkriminalitet
gang violence = gängkriminalitet
gangs = gängkriminalitet
crime = kriminalitet
violence in close relationships = våld i nära relationer
domestic violence = våld i nära relationer
intimate partner violence = våld i nära relationer
violence = våld
addiction = beroende
substance abuse = missbruk
abuse = missbruk
dependence = beroende
co-occurring disorders = samsjuklighet
comorbidity = samsjuklighet
dual diagnosis = samsjuklighet
disability = funktionsnedsättning
disabilities = funktionsnedsättning
social services = socialtjänst
social service = socialtjänst
social services act = socialtjänstlag
social welfare = social välfärd
welfare = välfärd
primary care = primärvård
close care = nära vård
local care = nära vård
community care = nära vård
specialist care = specialiserad vård
specialised care = specialiserad vård
specialized care = specialiserad vård
discharge = utskrivning
hospital discharge = utskrivning
rehabilitation = rehabilitering
habilitation = habilitering
assistive devices = hjälpmedel
aids = hjälpmedel
palliative care = palliativ vård
cpr = hlr
vaccination = vaccination
vaccine = vaccin
infection control = smittskydd
parenting support = föräldraskapsstöd
parenthood = föräldraskap
family centre = familjecentral
family center = familjecentral
survey = enkät
questionnaire = enkät
follow-up = uppföljning
follow up = uppföljning
follow-up day = uppföljningsdag
follow up day = uppföljningsdag
hygiene nurse = hygiensjuksköterska
nurse = sjuksköterska
nurses = sjuksköterskor
evaluation = utvärdering
report = rapport
project = projekt
pilot = pilot
steering group = styrgrupp
working group = arbetsgrupp
working groups = arbetsgrupp
focus group = fokusgrupp
focus groups = fokusgrupp
steering groups = styrgrupp
network = nätverk
networks = nätverk
management group = chefsgrupp
municipality = kommun
municipalities = kommun
region = region
county = län
staffing = bemanning
recruitment = rekrytering
competence = kompetens
skills = kompetens
training = utbildning
education = utbildning
conference = konferens
seminar = seminarium
workshop = workshop
residential meeting = internat
retreat = internat
away day = internat
schedule = mötesplanering
action plan = handlingsplan
plan = plan
roadmap = färdplan
strategy = strategi
digitalisation = digitalisering
digitalization = digitalisering
e-health = e-hälsa
ehealth = e-hälsa
police = polis
probation = frivård
emergency = akut
crisis support = krisstöd
loneliness = ensamhet
physical activity = fysisk aktivitet
housing = boende
homelessness = hemlöshet
employment = sysselsättning
integration = integration
equality = jämlikhet
gender equality = jämställdhet
sustainability = hållbarhet
sustainable development = hållbar utveckling
research = forskning
knowledge support = kunskapsstöd
knowledge management = kunskapsstyrning
patient safety = patientsäkerhet
deviations = avvikelser
incidents = avvikelser
transport = sjukresor
patient transport = sjukresor
referral = remiss
consultation = remiss
"""

# Words the minutes spell more than one way, one set a line: a subject holding one
# is looked for with each of the others too ("mejlkultur" finds "mailkultur").
_SPELLINGS = """
mejl mail e-post epost
webbinarium webinarium
"""

# Small words that a phrase may hold but that are never translated alone.
_SMALL = word_set("the a an of and or in for to on with about")


@cache
def _glossary() -> dict[tuple[str, ...], str]:
    pairs: dict[tuple[str, ...], str] = {}
    for line in _PAIRS.strip().splitlines():
        english, swedish = (part.strip() for part in line.split("="))
        pairs[tuple(_words(english))] = swedish
    return pairs


@cache
def _longest() -> int:
    return max(len(key) for key in _glossary())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def phrase_starts(keys: list[str]) -> frozenset[int]:
    """The indices of `keys` (folded words) inside a glossary phrase of two or more
    words ("gang crime"): they belong to a subject even where one of them alone is a
    small word ("gang" is Swedish "gång")."""
    glossary = _glossary()
    inside: set[int] = set()
    for start in range(len(keys)):
        for size in range(min(_longest(), len(keys) - start), 1, -1):
            if tuple(keys[start : start + size]) in glossary:
                inside.update(range(start, start + size))
                break
    return frozenset(inside)


def to_swedish(topic: str) -> tuple[str, ...]:
    """The topic in Swedish (and, for a run of translated words, the run joined as
    one compound), or () when no word of it has an entry."""
    words = _words(topic)
    found: list[str] = []
    # phrases first ("elderly care" -> "äldreomsorg"), then word by word ("äldre vård")
    for longest in (_longest(), 1):
        parts = _translated(words, longest)
        if parts is None:
            continue  # "social services act" is a phrase only: no word of it alone has one
        separate = " ".join(parts)
        joined = _compound(parts)
        found += [separate, joined] if joined and joined != separate else [separate]
    return tuple(dict.fromkeys(found))


@cache
def _spelling_sets() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in _SPELLINGS.strip().splitlines())


def spellings(topic: str) -> tuple[str, ...]:
    """The topic with a word the minutes spell several ways spelt each other way.

    >>> spellings("mejlkultur")
    ('mailkultur', 'e-postkultur', 'epostkultur')
    >>> spellings("suicidprevention")
    ()
    """
    lowered = topic.lower()
    found: list[str] = []
    for variants in _spelling_sets():
        for spelt in variants:
            at = lowered.find(spelt)
            if at < 0:
                continue
            capital = topic[at].isupper()
            found += [
                topic[:at] + (other.capitalize() if capital else other) + topic[at + len(spelt) :]
                for other in variants
            ]
            break
    return tuple(t for t in dict.fromkeys(found) if t.lower() != lowered)


def _translated(words: list[str], longest: int) -> list[str] | None:
    """The words in Swedish, glossary entries of up to `longest` words read as one,
    small words left out; None when no word has an entry."""
    glossary = _glossary()
    parts: list[str] = []
    translated = False
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            swedish = glossary.get(tuple(words[i : i + size]))
            if swedish is not None and (size > 1 or words[i] not in _SMALL):
                parts.append(swedish)
                translated = True
                i += size
                break
        else:
            if words[i] not in _SMALL:
                parts.append(words[i])
            i += 1
    return parts if translated else None


def _compound(parts: list[str]) -> str | None:
    """Single Swedish words joined as one compound ("suicid" + "samordning")."""
    if len(parts) < 2 or any(" " in p or "-" in p for p in parts):
        return None
    return "".join(parts)
