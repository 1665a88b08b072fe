"""Block Kit rendering of answers: what a reader sees, and Slack's size limits."""

from __future__ import annotations

import json
from typing import Any

from bot.answers import Answer, DecisionFact, MeetingFact, PersonFact, Source
from bot.blocks import render_answer, split_text


def assert_within_slack_limits(blocks: list[dict[str, Any]]) -> None:
    """The limits Slack enforces on a message (it rejects the whole message otherwise)."""
    assert 0 < len(blocks) <= 50
    for block in blocks:
        if block["type"] == "section":
            assert "text" in block or "fields" in block
            if "text" in block:
                assert 0 < len(block["text"]["text"]) <= 3000
            for field in block.get("fields", []):
                assert 0 < len(field["text"]) <= 2000
            assert len(block.get("fields", [])) <= 10
        elif block["type"] == "context":
            assert 0 < len(block["elements"]) <= 10
            assert all(0 < len(e["text"]) <= 3000 for e in block["elements"])
        else:
            raise AssertionError(f"unexpected block type {block['type']}")


def all_text(blocks: list[dict[str, Any]]) -> str:
    texts: list[str] = []
    for block in blocks:
        if "text" in block:
            texts.append(block["text"]["text"])
        texts += [f["text"] for f in block.get("fields", [])]
        texts += [e["text"] for e in block.get("elements", [])]
    return "\n".join(texts)


MEETING = MeetingFact(
    group="Chefsgrupp folkhälsa",
    start="2026-03-12T13:00:00+01:00",
    end="2026-03-12T15:30:00+01:00",
    place="Region Örebro län, Eklundavägen 2",
    status="planned",
    mode="hybrid",
)
DECISION = DecisionFact(
    group="Chefsgrupp folkhälsa",
    meeting_date="2024-05-16",
    item="6",
    title="Handlingsplan ANDTS",
    text="Chefsgruppen beslutade att ställa sig bakom handlingsplanen.",
    document="Minnesanteckningar chefsgrupp folkhälsa 2024-05-16.txt",
)
PERSON = PersonFact(
    name="Linnea Hedkvist",
    organization="Lekebergs kommun",
    role="ordförande",
    group="Chefsgrupp folkhälsa",
    meeting_date="2024-05-16",
    present=True,
)
SOURCE = Source(document=DECISION.document, meeting_date="2024-05-16", item="6")


def test_an_answer_reads_as_text_then_facts_then_sources() -> None:
    answer = Answer(
        intent="decisions",
        text="Chefsgruppen tog ett beslut om ANDTS.",
        meetings=[MEETING],
        decisions=[DECISION],
        people=[PERSON],
        sources=[SOURCE, SOURCE],
    )
    message = render_answer(answer)
    blocks = message.blocks
    assert_within_slack_limits(blocks)
    assert message.text == "Chefsgruppen tog ett beslut om ANDTS."
    assert blocks[0] == {"type": "section", "text": {"type": "mrkdwn", "text": answer.text}}

    text = all_text(blocks)
    assert "*tors 12 mars 2026 13:00–15:30* · Chefsgrupp folkhälsa" in text
    assert "Region Örebro län, Eklundavägen 2 · hybrid" in text
    assert "*6. Handlingsplan ANDTS* — Chefsgrupp folkhälsa, 16 maj 2024" in text
    assert ">Chefsgruppen beslutade att ställa sig bakom handlingsplanen." in text
    assert "*Linnea Hedkvist*\nLekebergs kommun · ordförande" in text
    assert blocks[-1]["type"] == "context"
    sources = [e["text"] for e in blocks[-1]["elements"]]
    # The same source twice is shown once.
    assert sources == ["*Källor:*", f"📄 {DECISION.document} · 16 maj 2024 · punkt 6"]


def test_english_answers_get_english_labels_and_dates() -> None:
    answer = Answer(
        intent="decisions",
        text="One decision.",
        meetings=[MEETING],
        sources=[SOURCE],
        language="en",
    )
    text = all_text(render_answer(answer).blocks)
    assert "*Meetings*" in text
    assert "Thu 12 Mar 2026 13:00–15:30" in text
    assert "16 May 2024 · item 6" in text


def test_cancelled_moved_and_day_only_meetings_say_so() -> None:
    meetings = [
        MeetingFact(
            group="AU", start="2025-02-10T09:00:00+01:00", end=None, place=None, status="cancelled"
        ),
        MeetingFact(
            group="AU",
            start="2025-03-03T09:00:00+01:00",
            end=None,
            place=None,
            status="moved",
            moved_from="2025-02-24T09:00:00+01:00",
        ),
        MeetingFact(
            group="AU", start="2025-08-28T00:00:00+02:00", end=None, place=None, status="planned"
        ),
    ]
    lines = all_text(
        render_answer(Answer(intent="meetings", text="Tre möten.", meetings=meetings)).blocks
    )
    assert "~mån 10 feb. 2025 09:00~ · AU · inställt" in lines
    assert "*mån 3 mars 2025 09:00* · AU · flyttat från mån 24 feb. 2025 09:00" in lines
    assert "*tors 28 aug. 2025* · AU" in lines


def test_postponed_decisions_say_where_they_went() -> None:
    decision = DecisionFact(
        group="AU",
        meeting_date="2023-01-20",
        item="§ 12",
        title="Budget",
        text="Frågan bordläggs.",
        document="au.txt",
        kind="postponed",
        referred_to="AU i juni",
    )
    text = all_text(
        render_answer(Answer(intent="decisions", text="Ett beslut.", decisions=[decision])).blocks
    )
    assert "*§ 12 Budget* — AU, 20 jan. 2023 — _hänskjutet till AU i juni_" in text


def test_people_in_several_groups_show_the_group_and_repeats_are_dropped() -> None:
    council = PersonFact(**{**PERSON.__dict__, "group": "Specifika samverkansrådet för folkhälsa"})
    blocks = render_answer(
        Answer(intent="representatives", text="x", people=[PERSON, council, PERSON])
    ).blocks
    fields = [f["text"] for b in blocks for f in b.get("fields", [])]
    assert fields == [
        "*Linnea Hedkvist*\nLekebergs kommun · ordförande · Chefsgrupp folkhälsa",
        f"*Linnea Hedkvist*\nLekebergs kommun · ordförande · {council.group}",
    ]
    # One group: it goes without saying.
    blocks = render_answer(Answer(intent="attendance", text="x", people=[PERSON, PERSON])).blocks
    assert [f["text"] for b in blocks for f in b.get("fields", [])] == [
        "*Linnea Hedkvist*\nLekebergs kommun · ordförande"
    ]


def test_mrkdwn_characters_in_minutes_are_escaped() -> None:
    person = PersonFact(
        name="Anna <Berg>",
        organization="A & B",
        role=None,
        group=None,
        meeting_date=None,
        present=False,
    )
    message = render_answer(Answer(intent="people", text="Se <här> & där", people=[person]))
    text = all_text(message.blocks)
    assert "Se &lt;här&gt; &amp; där" in text
    assert "*Anna &lt;Berg&gt;*\nA &amp; B · _frånvarande_" in text
    # The fallback is plain text, not mrkdwn.
    assert message.text == "Se <här> & där"


def test_a_huge_answer_stays_within_slack_limits_and_says_what_was_left_out() -> None:
    long_paragraphs = "\n\n".join(f"Stycke {i}: " + "ord " * 400 for i in range(12))
    answer = Answer(
        intent="everything",
        text=long_paragraphs,
        meetings=[MEETING] * 60,
        decisions=[DECISION] * 30,
        people=[PersonFact(**{**PERSON.__dict__, "name": f"Person {i}"}) for i in range(100)],
        sources=[Source(document=f"dok {i}.txt", meeting_date=None, item=None) for i in range(40)],
    )
    message = render_answer(answer)
    assert_within_slack_limits(message.blocks)
    assert len(message.text) <= 3000
    assert message.text.endswith("…")
    text = all_text(message.blocks)
    assert "… och 50 till" in text  # meetings: 10 of 60 shown
    assert "… och 25 till" in text  # decisions: 5 of 30
    assert "… och 80 till" in text  # people: 20 of 100
    assert "… och 32 till" in text  # sources: 8 of 40
    assert "… (svaret är förkortat)" in text
    # Slack also caps a message's JSON; stay well inside it.
    assert len(json.dumps(message.blocks)) < 40_000


def test_a_long_decision_text_is_shortened_at_a_word() -> None:
    decision = DecisionFact(**{**DECISION.__dict__, "text": "beslut " * 2000})
    blocks = render_answer(Answer(intent="decisions", text="x", decisions=[decision])).blocks
    assert_within_slack_limits(blocks)
    quoted = next(
        b["text"]["text"] for b in blocks if ">beslut" in b.get("text", {}).get("text", "")
    )
    assert quoted.endswith("beslut…")
    assert len(quoted) < 800


def test_an_empty_answer_text_still_makes_a_valid_message() -> None:
    for text in ("", " \n "):
        message = render_answer(Answer(intent="unknown", text=text, found=False))
        assert_within_slack_limits(message.blocks)
        assert message.text == "(inget svar)"


def test_split_text_prefers_paragraphs_then_lines_then_words() -> None:
    assert split_text("aaa\n\nbbb ccc", 8) == ["aaa", "bbb ccc"]
    assert split_text("aaa\nbbb ccc", 8) == ["aaa", "bbb ccc"]
    assert split_text("aaa bbb ccc", 8) == ["aaa bbb", "ccc"]
    assert split_text("a" * 10, 4) == ["aaaa", "aaaa", "aa"]
