"""Decisions found in agenda-item text: every decision of the five real minutes,
item by item, and invented layouts (§ protocols, lists, English minutes, reports
that are not decisions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.parsing.decisions import find_decisions, self_names_for
from storage.parsing.records import Decision, DecisionKind

MINUTES = Path(__file__).resolve().parents[3] / "shared" / "minutes"
SVO = ["Chefsgrupp för samverkan social välfärd samt vård och omsorg"]
FOLKHALSA = ["Chefsgrupp folkhälsa"]
SSR = [
    "Specifika samverkansrådet för social välfärd samt vård och omsorg",
    "Specifika samverkansrådet för folkhälsa",
]
DECIDED = DecisionKind.DECIDED
ENDORSED = DecisionKind.ENDORSED
ADOPTED = DecisionKind.ADOPTED
POSTPONED = DecisionKind.POSTPONED
NOTED = DecisionKind.NOTED
PROCEDURAL = DecisionKind.PROCEDURAL


def minutes(prefix: str) -> str:
    files = sorted(MINUTES.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"the real minutes are not at {MINUTES}")
    return files[0].read_text(encoding="utf-8")


def cut(text: str, starts: list[str]) -> list[str]:
    """The text after each line starting with one of `starts` (in order) up to the next."""
    lines = text.split("\n")
    found: list[int] = []
    for start in starts:
        after = found[-1] + 1 if found else 0
        found.append(next(i for i in range(after, len(lines)) if lines[i].startswith(start)))
    bodies = []
    for n, (i, start) in enumerate(zip(found, starts, strict=True)):
        end = found[n + 1] if n + 1 < len(found) else len(lines)
        bodies.append("\n".join([lines[i][len(start) :], *lines[i + 1 : end]]))
    return bodies


def decisions_per_item(
    prefix: str, starts: list[str], groups: list[str]
) -> list[tuple[str, list[Decision]]]:
    names = self_names_for(groups)
    bodies = cut(minutes(prefix), starts)
    return [
        (start.strip(), find_decisions(body, self_names=names))
        for start, body in zip(starts, bodies, strict=True)
    ]


# --- the real minutes -------------------------------------------------------------------


def test_every_decision_of_the_2022_chefsgrupp_internat() -> None:
    starts = [
        "1. Inledning",
        "2. Dagens agenda",
        "3. Samledning",
        "4. Föregående möte",
        "5. Rapport från au",
        "6. Nära vård",
        "Mellanvårdsplatser – utredningsdirektiv",
        "Mobila team – rapport från utredning",
        "7. Samverkansorganisationen",
        "Fokusgrupperna – bemanning och uppstart",
        "Gemensam uppdragsbeskrivning – samverkansledarna",
        "Länsdelsnivåns funktion",
        "Val av AU för 2023",
        "8. Samsjuklighet",
        "Pilot mellan psykiatri och Karlskoga kommun",
        "9. Komplexa ärenden",
        "10. Suicidsamordning",
        "11. Skapa bästa möjliga förutsättningar",
        "12. Mötestider 2023",
        "13. Kort utvärdering",
    ]
    assert decisions_per_item("000", starts, SVO) == [
        ("1. Inledning", []),
        ("2. Dagens agenda", [Decision("Agendan godkändes", PROCEDURAL)]),
        ("3. Samledning", []),
        (
            "4. Föregående möte",
            [
                Decision(
                    "Protokollet från föregående möte lades med godkännande till handlingarna",
                    NOTED,
                )
            ],
        ),
        ("5. Rapport från au", [Decision("Chefsgruppen beslutade i enlighet med förslaget.")]),
        # "Symbolen, som det specifika samverkansrådet … har ställt sig bakom" is a report
        ("6. Nära vård", []),
        ("Mellanvårdsplatser – utredningsdirektiv", []),
        ("Mobila team – rapport från utredning", []),
        ("7. Samverkansorganisationen", []),
        (
            "Fokusgrupperna – bemanning och uppstart",
            [
                Decision(
                    "Chefsgruppen ställde sig bakom att välfärd och folkhälsa kan arbeta vidare "
                    "med bemanningen.",
                    ENDORSED,
                )
            ],
        ),
        (
            "Gemensam uppdragsbeskrivning – samverkansledarna",
            [Decision("Chefsgruppen beslutade att anta uppdragsbeskrivningen", ADOPTED)],
        ),
        (
            "Länsdelsnivåns funktion",
            [
                Decision(
                    "Chefsgruppen beslutar att ge välfärd och folkhälsa ett uppdrag att genomföra "
                    "en uppföljning och utvärdering av länsdelsgrupperna"
                )
            ],
        ),
        ("Val av AU för 2023", []),
        ("8. Samsjuklighet", []),
        (
            # "Kan chefsgruppen ställa sig bakom att testa detta …?" is the question
            "Pilot mellan psykiatri och Karlskoga kommun",
            [
                Decision(
                    "Chefsgruppen ställer sig positiva till ett pilotprojekt kring arbete med "
                    "samsjuklighetsfrågan mellan Karlskoga kommun och psykiatri.",
                    ENDORSED,
                )
            ],
        ),
        ("9. Komplexa ärenden", []),
        (
            "10. Suicidsamordning",
            [Decision("Chefsgruppen beslutade att ställa sig bakom förslaget", ENDORSED)],
        ),
        ("11. Skapa bästa möjliga förutsättningar", []),
        ("12. Mötestider 2023", []),
        ("13. Kort utvärdering", []),
    ]


def test_every_decision_of_the_2023_chefsgrupp_meeting() -> None:
    starts = [f"{n}. " for n in range(1, 15)]
    found = dict(decisions_per_item("001", starts, SVO))
    assert found == {
        "1.": [],
        "2.": [Decision("Agendan godkändes.", PROCEDURAL)],
        "3.": [Decision("Minnesanteckningar läggs till handlingarna.", NOTED)],
        # "I juni diskuterades och beslutades om styrgrupp …" reports the AU
        "4.": [],
        "5.": [],
        "6.": [],
        "7.": [],
        # the decision's second line is a paragraph of its own, without a full stop
        "8.": [
            Decision(
                "Att genomföra förstudien. "
                "Regionen utser representanter till styrgrupp och arbetsgrupp"
            )
        ],
        "9.": [],
        "10.": [],
        "11.": [
            Decision(
                "Egenvården lyfts ut och beslut tas i chefsgruppen under hösten.",
                POSTPONED,
                "chefsgruppen under hösten",
            ),
            Decision(
                "Ställer sig bakom förslaget till formulering avseende inskrivning i kommunal "
                "hälso- och sjukvård.",
                ENDORSED,
            ),
            Decision("Processen går till politisk beredning och beslut"),
        ],
        "12.": [
            Decision(
                "Chefsgruppen beslutade att den GAP analys som genomförts utifrån Vårdförloppet "
                "för utredning av kognitiv svikt kan ligga till grund för utarbetande av ett nytt "
                "styrdokument för samverkan kring personer med kognitiv svikt."
            )
        ],
        "13.": [
            Decision(
                "Fortsätta med befintligt arbetssätt då systemet inte stödjer behovet två olika "
                "huvudmän har för att samarbeta för personens/pati-ents bästa. Avvakta till "
                "Cosmicinförandet då Mitt vaccin blir integrerat, möjligtvis ger det bättre "
                "förutsättningar för smidigt arbetssätt."
            )
        ],
        "14.": [],
    }


def test_every_decision_of_the_2024_joint_council_meeting() -> None:
    # One table cell holds both title and text; the whole cell is the item's text.
    starts = [f"{n}.\t" for n in range(1, 15)]
    found = dict(decisions_per_item("002", starts, SSR))
    assert found == {
        "1.": [
            Decision(
                "Mötet öppnas och justerare utses, Bechet öppnar mötet och hälsar deltagarna "
                "välkomna.",
                PROCEDURAL,
            )
        ],
        "2.": [Decision("Dagordningen fastställs.", PROCEDURAL)],
        "3.": [Decision("Val av justerare Siw Lunander, Hallsbergs kommun.", PROCEDURAL)],
        "4.": [
            Decision(
                "Protokollet från föregående möte fastställdes och lades till handlingarna.",
                NOTED,
            )
        ],
        # "Chefsgruppen har även beslutat om …", "Det har beslutats om …": another body
        "5.": [],
        "6.": [],
        "7.": [],
        "8.": [],
        "9.": [],
        "10.": [],
        "11.": [],
        "12.": [],
        # "Regionala samverkansrådet har ställt sig bakom förslag …": another council
        "13.": [],
        "14.": [],
    }


def test_every_decision_of_the_2020_folkhalsa_meeting() -> None:
    starts = [*(f"{n}. " for n in range(1, 9)), "Från protokoll", "9. ", "10. "]
    found = dict(decisions_per_item("003", starts, FOLKHALSA))
    assert found == {
        "1.": [Decision("Anteckningarna från mötet 2020-01-24 lades till handlingarna.", NOTED)],
        "2.": [],
        "3.": [],  # "Beslut om medel tas före sommaren 2020": the funder's, not a postponement
        "4.": [
            Decision(
                "Chefsgruppen uppfattning var efter diskussion att sammanställningen inför "
                "redovisning i det specifika samverkansrådet ska ”trattas ner” ytterligare och "
                "gav Linnea i uppdrag att genomföra detta."
            )
        ],
        "5.": [
            Decision(
                "Chefsgruppen diskuterade förslaget och beslutade dels att arbetet med "
                "samverkansplanerna ska kompletteras med de synpunkter som framkom under "
                "uppföljningsdagen den 28 februari, dels att ett gemensamt dokument som beskriver "
                "processen framåt (vad, inte hur) ska tas fram till chefsgruppsmötet den 5 juni."
            ),
            Decision(
                "En arbetsgrupp utsågs bestående av Peter Björklund, Cecilia Ljung, Annika "
                "Karlsson Juliussen, representant från Örebro kommun samt Linnea Hedkvist."
            ),
            Decision(
                "Efter diskussion beslutade chefsgruppen att förslaget ska tas som rekommendation "
                "i fortsatt mejlväxling."
            ),
        ],
        "6.": [Decision("Chefsgruppen beslutade att lägga informationen till handlingarna", NOTED)],
        "7.": [
            Decision("Arbetsgruppen fick i uppdrag att återkomma med budget för de två spåren."),
            Decision("Chefsgruppen beslutade i enlighet med förslaget."),
        ],
        "8.": [],
        "Från protokoll": [
            Decision(
                "Sammanställningen av protokoll från olika grupperingar inom den regionala "
                "samverkansstrukturen och regionens politiska organisation lades till "
                "handlingarna.",
                NOTED,
            )
        ],
        "9.": [
            Decision(
                "Chefsgruppen beslutade att höstens möten hålls: 26 augusti kl 13.15 – 16.15; "
                "13 oktober kl 14.00 – 16.30; 16 oktober eftermiddag (gemensamt möte med "
                "chefsgrupp för social välfärd samt vård och omsorg); 10 december kl 8.30 – 16.00"
            )
        ],
        "10.": [],
    }


def test_every_decision_of_the_2026_chefsgrupp_table() -> None:
    # Rows "6.<TAB>Title<TAB>text…": the first cell is the title, the rest the text.
    starts = [*(f"{n}.\t" for n in range(1, 10)), *(f"{n}\t" for n in range(10, 14))]
    names = self_names_for(SVO)
    found = {}
    for start, row in zip(starts, cut(minutes("004"), starts), strict=True):
        title, _, text = row.partition("\t")
        found[start.strip()] = find_decisions(text, self_names=names, title=title)
    assert found == {
        "1.": [],
        "2.": [Decision("Dagordning: OK", PROCEDURAL)],
        "3.": [],  # "Hjälpmedelsfrågan lyftes på KCRD – beslut att inte gå vidare": KCRD's
        "4.": [],  # "SAMS-gruppen förslag till riktlinje … antagen" inside "Rapport från AU"
        "5.": [],
        "6.": [
            Decision(
                "Beslutet hänskjuts till kommande AU i juni månad",
                POSTPONED,
                "kommande AU i juni månad",
            ),
            Decision(
                "Ny diskussion och beslutsförslag i augusti månads möte.",
                POSTPONED,
                "augusti månads möte",
            ),
        ],
        "7.": [Decision("Riktlinjen antas med ovan nämnt tillägg.", ADOPTED)],
        "8.": [
            Decision(
                "Det länsgemensamma uppdraget runt implementering avslutas hösten 2026 och "
                "fortsatt implementering övergår i ordinarie drift. De utvecklingsområden som "
                "identifierats i rapporten överlämnas till Chefsgrupp social välfärd samt vård "
                "och omsorg för fortsatt hantering"
            ),
            Decision(
                "Beslut under höstens sista möte efter att innehållet arbetats igenom.",
                POSTPONED,
                "höstens sista möte",
            ),
        ],
        "9.": [],
        "10": [],
        "11": [],
        "12": [],
        "13": [],
    }


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # how the item parser cuts the 2024 table cells: title apart from text
        (
            "Val av justerare",
            "Siw Lunander, Hallsbergs kommun.",
            "Val av justerare: Siw Lunander, Hallsbergs kommun.",
        ),
        ("Fastställande av dagordning", "Dagordningen fastställs.", "Dagordningen fastställs."),
        ("3. Dagordning", "Godkänd", "Dagordning: Godkänd"),
    ],
)
def test_a_procedural_title_with_only_its_outcome(title: str, text: str, expected: str) -> None:
    assert find_decisions(text, title=title) == [Decision(expected, PROCEDURAL)]


def test_a_title_alone_decides_nothing() -> None:
    text = "Bechet öppnar mötet och hälsar deltagarna välkomna."
    assert find_decisions(text, title="Mötet öppnas och justerare utses") == []
    assert find_decisions("Närvaro", title="Inledning") == []


# --- invented layouts ---------------------------------------------------------------------

NAMNDEN = self_names_for(["Socialnämnden"])
RADET = self_names_for(SSR)
CHEFSGRUPPEN = self_names_for(SVO)

FORMAL_PROTOCOL = """\
§ 12 Budget 2025 för nämndens verksamhet

Ärendebeskrivning
Förvaltningen har tagit fram ett förslag till budget. Kommunfullmäktige beslutade
2024-06-12 om ramarna för nämnden.

Förslag till beslut
Nämnden beslutar att anta budgeten för 2025.

Yrkanden
Anna Berg (S) yrkar bifall till förvaltningens förslag.
Per Lind (M) yrkar att nämnden beslutar att återremittera ärendet.

Propositionsordning
Ordföranden ställer proposition på yrkandena och finner att nämnden beslutar enligt
Anna Bergs yrkande.

Beslut
Nämnden beslutar att anta budgeten för 2025.
Beslutet justeras omedelbart.

Reservation
Per Lind (M) reserverar sig mot beslutet.
"""


def test_a_formal_protocol_decides_under_beslut_only() -> None:
    assert find_decisions(FORMAL_PROTOCOL, self_names=NAMNDEN) == [
        Decision("Nämnden beslutar att anta budgeten för 2025.", ADOPTED),
        Decision("Beslutet justeras omedelbart.", PROCEDURAL),
    ]


def test_a_protocol_paragraph_on_one_line() -> None:
    text = "§ 12 Budget 2025 Beslut Nämnden beslutar att anta budgeten för 2025."
    assert find_decisions(text, self_names=NAMNDEN) == [
        Decision("Nämnden beslutar att anta budgeten för 2025.", ADOPTED)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beslut:\n1. Nämnden godkänner redovisningen.\n"
            "2. Nämnden ger förvaltningen i uppdrag att återkomma i mars.",
            [
                Decision("Nämnden godkänner redovisningen.", ADOPTED),
                Decision("Nämnden ger förvaltningen i uppdrag att återkomma i mars."),
            ],
        ),
        (
            "Beslut: 1. Att godkänna redovisningen. 2. Att bordlägga frågan om lokaler till "
            "nästa sammanträde.",
            [
                Decision("Att godkänna redovisningen.", ADOPTED),
                Decision(
                    "Att bordlägga frågan om lokaler till nästa sammanträde.",
                    POSTPONED,
                    "nästa sammanträde",
                ),
            ],
        ),
        (
            "Nämnden beslutar att:\n1. godkänna redovisningen,\n"
            "2. lägga rapporten till handlingarna.",
            [
                Decision("Nämnden beslutar att godkänna redovisningen", ADOPTED),
                Decision("Nämnden beslutar att lägga rapporten till handlingarna.", NOTED),
            ],
        ),
        (
            "Mötet beslutade att\n- välja Anna Berg till ordförande\n- ha nästa möte i maj",
            [
                Decision("Mötet beslutade att välja Anna Berg till ordförande"),
                Decision("Mötet beslutade att ha nästa möte i maj"),
            ],
        ),
        (
            "Nämnden beslutade att höstens möten hålls:\n\n26 augusti kl 13\n\n"
            "13 oktober kl 14\n\nTeman för mötena diskuteras senare.",
            [
                Decision(
                    "Nämnden beslutade att höstens möten hålls: 26 augusti kl 13; 13 oktober kl 14"
                )
            ],
        ),
        (
            "Följande beslut fattades:\n- Planen antas.\n- Ärendet om lokaler bordläggs.",
            [
                Decision("Planen antas.", ADOPTED),
                Decision("Ärendet om lokaler bordläggs.", POSTPONED),
            ],
        ),
        (
            "Beslut:\n\nAtt genomföra förstudien.\n\nRegionen utser representanter.",
            [Decision("Att genomföra förstudien.")],
        ),
        (
            "Beslut: Planen antas\nmed tillägget om samtycke.\n\nNästa punkt diskuterades.",
            [Decision("Planen antas med tillägget om samtycke.", ADOPTED)],
        ),
        (
            "Beslut: Ärendet återremitteras till arbetsutskottet. Beslutet justeras omedelbart.",
            [
                Decision(
                    "Ärendet återremitteras till arbetsutskottet.", POSTPONED, "arbetsutskottet"
                ),
                Decision("Beslutet justeras omedelbart.", PROCEDURAL),
            ],
        ),
    ],
)
def test_labels_and_lists(text: str, expected: list[Decision]) -> None:
    assert find_decisions(text, self_names=NAMNDEN) == expected


def test_the_self_names_decide_whose_decision_it_is() -> None:
    text = (
        "Samverkansrådet beslutar att ställa sig bakom handlingsplanen. "
        "Regionala samverkansrådet ställde sig bakom förslaget. "
        "Chefsgruppen beslutade att anta riktlinjen. "
        "Specifika samverkansrådet beslutade att bjuda in forskaren. "
        "Rådet beslutar att lägga rapporten till handlingarna."
    )
    assert find_decisions(text, self_names=RADET) == [
        Decision("Samverkansrådet beslutar att ställa sig bakom handlingsplanen.", ENDORSED),
        Decision("Specifika samverkansrådet beslutade att bjuda in forskaren."),
        Decision("Rådet beslutar att lägga rapporten till handlingarna.", NOTED),
    ]
    assert find_decisions(text, self_names=CHEFSGRUPPEN) == [
        Decision("Chefsgruppen beslutade att anta riktlinjen.", ADOPTED)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chefsgruppen har även beslutat om en reviderad överenskommelse.",
        "Vid förra mötet beslutade chefsgruppen att ta fram en plan. Dessutom togs budgeten.",
        "I juni diskuterades och beslutades om styrgrupp. Dessutom beslutades om uppdraget.",
        "Det har beslutats om ny samverkanstruktur för barn och unga.",
        "Riktlinjen antogs av regionfullmäktige i maj.",
        "Kan chefsgruppen ställa sig bakom att testa detta i Karlskoga?",
        "Projektet föreslår att chefsgruppen fattar beslut i oktober.",
        "Arbetsutskottet föreslår att avvakta uppföljningen.",
        "Förslag till beslut: Chefsgruppen beslutar att anta planen.",
        "Inriktningsbeslut föreslås. Förslag till beslut 12 617 301 kr på totalen.",
        "Önskar beslut om riktlinjen och uppdrag om fortsatt implementering.",
        "Hjälpmedelsfrågan lyftes på KCRD – beslut att inte gå vidare.",
        "SAMS-gruppen förslag till riktlinje ang. HLR vid palliativ vård antagen.",
        "Beslut om medel tas före sommaren 2020.",
        "Projektet har ett förslag till överenskommelse som styrgruppen ställt sig bakom.",
        "Chefsgruppen informerades om att regionstyrelsen beslutade att avveckla verksamheten.",
        "Hittills beslutade aktiviteter är att ta fram en plan.",
        "Chefsgruppen gör prioriteringar och fastställer planen.",
        "Överenskommelsen ska antas av respektive part.",
        "Fokusgrupperna har inga beslutsmandat.",
    ],
)
def test_reports_proposals_and_questions_are_not_decisions(text: str) -> None:
    assert find_decisions(text, self_names=CHEFSGRUPPEN) == []


@pytest.mark.parametrize(
    ("text", "referred_to"),
    [
        ("Ärendet bordläggs.", None),
        ("Frågan återremitteras till arbetsutskottet.", "arbetsutskottet"),
        ("Beslut tas vid nästa möte.", "nästa möte"),
        ("Beslut i frågan fattas på sammanträdet i oktober.", "sammanträdet i oktober"),
        (
            "Chefsgruppen beslutade att skjuta upp frågan till mötet i september.",
            "mötet i september",
        ),
        ("Beslutet hänskjuts till kommande AU i juni månad", "kommande AU i juni månad"),
    ],
)
def test_postponed_questions_and_where_they_went(text: str, referred_to: str | None) -> None:
    assert find_decisions(text, self_names=CHEFSGRUPPEN) == [Decision(text, POSTPONED, referred_to)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group decided to continue the pilot in Karlskoga.", DECIDED),
        ("Decision: The guideline is adopted.", ADOPTED),
        ("The agenda was approved.", PROCEDURAL),
        ("The minutes of the previous meeting were approved.", NOTED),
        ("The group endorsed the action plan.", ENDORSED),
        ("It was agreed that Anna calls the next meeting.", DECIDED),
    ],
)
def test_english_minutes(text: str, expected: DecisionKind) -> None:
    found = find_decisions(text, self_names=self_names_for(FOLKHALSA))
    assert [(d.kind, d.text) for d in found] == [(expected, text.removeprefix("Decision: "))]


def test_english_postponement_and_reports() -> None:
    text = (
        "The question was postponed to the meeting in June. "
        "The board has decided to close the project. "
        "In June the group decided to stop. "
        "Can the group support the proposal?"
    )
    assert find_decisions(text, self_names=self_names_for(FOLKHALSA)) == [
        Decision(
            "The question was postponed to the meeting in June.", POSTPONED, "the meeting in June"
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<p>Diskussion om planen.</p> <p>Beslut: Planen <i>antas</i> med tillägg.</p>",
            Decision("Planen antas med tillägg.", ADOPTED),
        ),
        (
            "<p><i>Diskussion:</i> Chefsgruppen beslutade att Anna <b>kallar</b> till mötet.</p>",
            Decision("Chefsgruppen beslutade att Anna kallar till mötet."),
        ),
        (
            "Föregående möte och protokoll *Se tidigare minnesanteckningar Länk* Protokollet "
            "från föregående möte fastställdes och lades till handlingarna.",
            Decision(
                "Protokollet från föregående möte fastställdes och lades till handlingarna.", NOTED
            ),
        ),
        (
            "Fastställande av dagordning Dagordningen fastställs.",
            Decision("Dagordningen fastställs.", PROCEDURAL),
        ),
        (
            "Rapporten från Maria Lindborg om Region Örebro län lades till handlingarna.",
            Decision(
                "Rapporten från Maria Lindborg om Region Örebro län lades till handlingarna.",
                NOTED,
            ),
        ),
        (
            "Till justerare valdes Per Lind.",
            Decision("Till justerare valdes Per Lind.", PROCEDURAL),
        ),
        ("Vi ställer oss bakom förslaget.", Decision("Vi ställer oss bakom förslaget.", ENDORSED)),
    ],
)
def test_markup_titles_run_in_and_other_wording(text: str, expected: Decision) -> None:
    assert find_decisions(text, self_names=CHEFSGRUPPEN) == [expected]


def test_without_self_names_any_body_acting_now_is_the_meeting() -> None:
    text = "Nämnden beslutade att anta planen. Styrelsen har beslutat att vänta."
    assert find_decisions(text) == [Decision("Nämnden beslutade att anta planen.", ADOPTED)]


# --- self names ---------------------------------------------------------------------------


def test_self_names_of_a_chefsgrupp() -> None:
    names = self_names_for(SVO)
    assert {"chefsgruppen", "gruppen", "mötet", "vi"} <= set(names)
    assert "rådet" not in names


def test_self_names_of_the_councils() -> None:
    names = self_names_for(SSR)
    assert {"rådet", "råden", "samverkansrådet", "samverkansråden", "mötet", "vi"} <= set(names)
    assert "specifika samverkansrådet för folkhälsa" in names
    assert "chefsgruppen" not in names


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("Socialnämnden", {"socialnämnden", "nämnden"}),
        ("Regionstyrelsen", {"regionstyrelsen", "styrelsen"}),
        ("AU för social välfärd", {"utskottet", "arbetsutskottet"}),
        ("Arbetsutskottet", {"arbetsutskottet", "utskottet"}),
        ("Styrgrupp psykisk hälsa", {"styrgruppen", "gruppen"}),
    ],
)
def test_self_names_of_other_bodies(group: str, expected: set[str]) -> None:
    names = self_names_for([group])
    assert expected | {"mötet", "vi"} <= set(names)
