"""The sample minutes shipped for a fresh machine (fictional groups and people, in
the layouts of the real minutes) load and answer like real ones."""

from __future__ import annotations

from datetime import datetime

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing import parse_text
from storage.parsing.records import STOCKHOLM, DecisionKind, MeetingStatus, Role
from storage.store import Store
from tests.conftest import SAMPLES

NOV_1 = datetime(2026, 11, 1, 10, tzinfo=STOCKHOLM)


def parsed(name: str):  # type: ignore[no-untyped-def]
    return parse_text((SAMPLES / name).read_text(encoding="utf-8"), source_name=name)


def test_unknown_groups_are_read_from_their_titles() -> None:
    assert parsed("2026-09-11_chefsgrupp_barn_och_unga.txt").meeting.groups == (
        "Chefsgrupp för samverkan kring barn och unga",
    )
    assert parsed("2026-10-02_samverkansrad_utbildning.txt").meeting.groups == (
        "Specifika samverkansrådet för utbildning och arbetsmarknad",
    )
    assert parsed("2026-10-23_chefsgrupp_barn_och_unga.md").meeting.groups == (
        "Chefsgrupp för samverkan kring barn och unga",
    )


def test_sample_details() -> None:
    september = parsed("2026-09-11_chefsgrupp_barn_och_unga.txt")
    absent = [a.name for a in september.attendees if not a.present]
    assert absent == ["Oskar Nyberg"]
    secretary = [a.name for a in september.attendees if a.role == Role.SECRETARY]
    assert secretary == ["Sofia Berglund"]
    kinds = [
        d.kind
        for item in september.items
        for d in item.decisions
        if d.kind != DecisionKind.PROCEDURAL
    ]
    assert DecisionKind.ENDORSED in kinds and DecisionKind.POSTPONED in kinds
    moved = [m for m in september.schedule if m.status == MeetingStatus.MOVED]
    assert [
        (m.start.date().isoformat(), m.moved_from.date().isoformat() if m.moved_from else None)
        for m in moved
    ] == [("2027-02-12", "2027-02-05")]

    october = parsed("2026-10-23_chefsgrupp_barn_och_unga.md")
    chair = [a.name for a in october.attendees if a.role == Role.CHAIR]
    assert chair == ["Henrik Åberg"]  # written "Åberg Henrik – ordf."


def test_samples_answer_questions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(f"sqlite:///{tmp_path / 'samples.db'}")
    assert load_paths(store, [SAMPLES]).count("loaded") == 3
    assistant = Assistant(store)
    ask = lambda q: assistant.answer(q, AskContext(now=NOV_1))  # noqa: E731
    next_meeting = ask("nästa möte för chefsgruppen för samverkan kring barn och unga")
    # the October minutes moved the November meeting: 13 November is gone
    assert next_meeting.meetings[0].start.startswith("2026-11-20T09:00")
    assert not any(m.start.startswith("2026-11-13") for m in next_meeting.meetings)
    funding = ask("vad beslutades om ungdomsmottagningarna?")
    assert [d.kind for d in funding.decisions][:2] == ["decided", "postponed"]
    assert "Följdes upp" in funding.text  # the postponed question, decided in October
    who = ask("vem representerar Kumla?")
    assert {p.name for p in who.people} >= {"Viktor Strand", "Elin Sjödin"}
    store.close()
