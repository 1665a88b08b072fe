"""Adaptive Cards built from Answers: what a person sees, and what stays hidden
behind "Visa fler"."""

from __future__ import annotations

import json

from teams_fakes import card_texts, open_urls

from bot.answers import Answer, DecisionFact, MeetingFact, PersonFact, Source
from bot.cards import answer_card, plain_text

MEETING = MeetingFact(
    group="Chefsgrupp folkhälsa",
    start="2026-08-28T09:00:00+02:00",
    end="2026-08-28T12:00:00+02:00",
    place="Länsgården, Örebro",
    status="planned",
    mode="physical",
    meeting_id=41,
)


def person(number: int, present: bool = True) -> PersonFact:
    return PersonFact(
        name=f"Ledamot Nummer{number}",
        organization="Kumla kommun",
        role="ledamot",
        group="Chefsgrupp folkhälsa",
        meeting_date="2025-05-16",
        present=present,
    )


def decision(number: int, text: str = "Gruppen beslutade att godkänna rapporten.") -> DecisionFact:
    return DecisionFact(
        group="Chefsgrupp folkhälsa",
        meeting_date="2025-05-16",
        item=str(number),
        title=f"Ärende {number}",
        text=text,
        document="Minnesanteckningar 2025-05-16",
    )


def calendar(meeting_id: int) -> str:
    return f"https://bot.example/calendar/{meeting_id}.ics?sig=x"


def test_card_shows_text_facts_and_sources() -> None:
    answer = Answer(
        intent="next_meeting",
        text="Nästa möte är fredag 28 augusti 2026 kl. 09.00.",
        meetings=[MEETING],
        sources=[Source("Minnesanteckningar 2025-05-16", "2025-05-16", "9")],
    )
    card = answer_card(answer, calendar_url=calendar)
    texts = card_texts(card)
    assert card["version"] == "1.5"
    assert texts[0] == answer.text
    assert "Möten" in texts
    assert "fredag 28 augusti 2026 kl. 09.00–12.00" in texts
    assert "Chefsgrupp folkhälsa · Länsgården, Örebro · fysiskt" in texts
    assert "Minnesanteckningar 2025-05-16 · 2025-05-16 · punkt 9" in texts
    assert open_urls(card) == [calendar(41)]
    assert "actions" not in card  # nothing left over
    json.dumps(card)  # plain JSON


def test_plain_text_is_the_answer_text() -> None:
    answer = Answer(intent="help", text="Fråga mig om möten.")
    assert plain_text(answer) == "Fråga mig om möten."


def test_no_calendar_button_without_a_link_or_a_stored_meeting() -> None:
    unstored = MeetingFact("SSR", "2026-01-09T00:00:00+01:00", None, None, "planned")
    answer = Answer(intent="meetings", text="Två möten.", meetings=[MEETING, unstored])
    assert open_urls(answer_card(answer)) == []
    assert open_urls(answer_card(answer, calendar_url=calendar)) == [calendar(41)]
    assert "fredag 9 januari 2026" in card_texts(answer_card(answer))  # the day only


def test_at_most_ten_facts_are_shown_and_the_rest_behind_show_more() -> None:
    people = [person(n, present=n != 3) for n in range(1, 15)]
    answer = Answer(
        intent="attendance", text="14 personer.", people=people, decisions=[decision(1)]
    )
    card = answer_card(answer)
    shown = card_texts({"body": card["body"]})
    assert "Punkt 1: Ärende 1" in shown  # decisions come before people
    assert sum("Ledamot Nummer" in t for t in shown) == 9
    more = card["actions"][0]
    assert more["type"] == "Action.ShowCard"
    assert more["title"] == "Visa fler (5)"
    hidden = card_texts(more["card"])
    assert [t.split(":")[0] for t in hidden if "Ledamot" in t] == [
        f"Ledamot Nummer{n}" for n in range(10, 15)
    ]
    absent = next(t for t in shown if t.startswith("Ledamot Nummer3:"))
    assert absent.endswith("frånvarande")


def test_a_huge_answer_stays_small_and_says_how_many_were_left_out() -> None:
    answer = Answer(intent="people", text="Många.", people=[person(n) for n in range(500)])
    card = answer_card(answer)
    assert len(json.dumps(card).encode()) < 28_000  # Teams' message limit
    assert card["actions"][0]["title"] == "Visa fler (490)"
    assert "… och 450 till. Ställ en smalare fråga för att se dem." in card_texts(card)


def test_sources_are_deduplicated_and_capped() -> None:
    sources = [Source(f"Protokoll {n}", "2024-01-01", str(n)) for n in range(8)]
    answer = Answer(intent="search", text="Träffar.", sources=sources + sources[:2])
    card = answer_card(answer)
    shown = card_texts({"body": card["body"]})
    assert sum(t.startswith("Protokoll") for t in shown) == 5
    assert card["actions"][0]["title"] == "Visa fler (3)"


def test_long_decisions_are_cut_at_a_word() -> None:
    text = "Beslutade att " + "utreda vidare " * 100
    card = answer_card(
        Answer(intent="decisions", text="Ett beslut.", decisions=[decision(7, text)])
    )
    body = next(t for t in card_texts(card) if t.startswith("Beslutade"))
    assert len(body) <= 602 and body.endswith(" …")
    assert "Punkt 7: Ärende 7" in card_texts(card)


def test_english_answers_get_english_labels() -> None:
    cancelled = MeetingFact(
        "Chefsgrupp folkhälsa",
        "2025-03-14T13:00:00+01:00",
        None,
        None,
        "cancelled",
        mode="digital",
        meeting_id=3,
    )
    answer = Answer(
        intent="meetings",
        text="One meeting.",
        meetings=[cancelled],
        sources=[Source("Protocol", "2025-01-10", "4")],
        language="en",
    )
    card = answer_card(answer, calendar_url=calendar)
    texts = card_texts(card)
    assert "Meetings" in texts and "Sources" in texts
    assert "Chefsgrupp folkhälsa · online · CANCELLED" in texts
    assert "Protocol · 2025-01-10 · item 4" in texts


def test_a_heading_goes_above_the_text() -> None:
    card = answer_card(Answer(intent="help", text="Fråga om möten."), heading="Hej!")
    assert card["body"][0]["text"] == "Hej!"
    assert card["body"][1]["items"][0]["text"] == "Fråga om möten."


def test_each_line_of_the_answer_is_its_own_text_block() -> None:
    text = "Möten under 2026:\n• fredag 29 maj\n• fredag 28 augusti\n\n  Källa: protokoll 2026"
    container = answer_card(Answer(intent="meetings", text=text))["body"][0]
    assert [(b["text"], b.get("spacing")) for b in container["items"]] == [
        ("Möten under 2026:", None),
        ("• fredag 29 maj", "None"),
        ("• fredag 28 augusti", "None"),
        ("Källa: protokoll 2026", "Medium"),
    ]


def test_paragraph_numbers_and_places_read_naturally() -> None:
    protocol = DecisionFact(
        "Regionstyrelsen", "2025-02-04", "§ 12", "Budget", "Antogs.", "Protokoll"
    )
    online = MeetingFact("SSR", "2026-02-06T09:00:00+01:00", None, "Digitalt", "planned", "digital")
    card = answer_card(Answer(intent="x", text="Svar.", meetings=[online], decisions=[protocol]))
    texts = card_texts(card)
    assert "§ 12: Budget" in texts
    assert "SSR · Digitalt" in texts  # the mode is not repeated after the place


def test_a_joint_meeting_names_each_group_once() -> None:
    joint = MeetingFact(
        "Chefsgrupp A + Chefsgrupp B",
        "2026-12-11T13:00:00+01:00",
        None,
        None,
        "planned",
        joint_with=("skolchefer", "Chefsgrupp B"),
    )
    texts = card_texts(answer_card(Answer(intent="x", text="Svar.", meetings=[joint])))
    assert "Chefsgrupp A + Chefsgrupp B · gemensamt med skolchefer" in texts


def test_many_long_decisions_still_fit_in_one_teams_message() -> None:
    long_text = "Beslutade att " + "fördela medel till länsdelarna enligt förslaget " * 12
    decisions = [decision(n, long_text) for n in range(120)]
    card = answer_card(Answer(intent="decisions", text="Många beslut.", decisions=decisions))
    assert len(json.dumps(card).encode()) <= 24_000
    more = card["actions"][0]
    assert more["title"] == "Visa fler (110)"
    hidden = card_texts(more["card"])
    assert any(
        t.startswith("… och ") and t.endswith("Ställ en smalare fråga för att se dem.")
        for t in hidden
    )


def test_a_very_long_answer_text_is_cut_with_a_note() -> None:
    text = "\n".join(f"• Rad {n} " + "ord " * 30 for n in range(300))
    card = answer_card(Answer(intent="search", text=text))
    lines = card["body"][0]["items"]
    assert len(lines) <= 41
    assert lines[-1]["text"] == "… (svaret är förkortat)"
    assert len(json.dumps(card).encode()) <= 24_000
