"""Decisions of meetings held at the same time are listed meeting by meeting, in
the order the minutes were stored, whatever order the database sends them in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.answers import AskContext
from bot.assistant import Assistant
from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.store import Store

NOW = AskContext(now=datetime(2026, 11, 22, 10, 0, tzinfo=STOCKHOLM))
GROUPS = ["Chefsgrupp folkhälsa", "Chefsgrupp för samverkan social välfärd samt vård och omsorg"]


def _minutes(group: str) -> str:
    return f"""{group}

När: 17 april 2026, fredag kl. 9.00 – 12.00

Närvarande:

Åberg Henrik, Reg utv Välfärd och folkhälsa – ordf.

	Minnes- anteckningar	Delpunkter
1.	Inledning	Närvaro
2.	Tandvård för äldre	<p>Beslut: Chefsgruppen beslutade att anta planen för tandvård.</p>
3.	Tandvård, uppföljning	<p>Beslut: Chefsgruppen beslutade att följa upp tandvården i höst.</p>
4.	Mötets avslutning
"""


def test_decisions_of_meetings_at_the_same_time_come_meeting_by_meeting(
    db_url: str, tmp_path: Path
) -> None:
    store = Store.open(db_url)
    try:
        for k, group in enumerate(GROUPS):  # stored one after the other
            path = tmp_path / f"{k}.md"
            path.write_text(_minutes(group), encoding="utf-8")
            assert load_paths(store, [path]).ok
        answer = Assistant(store).answer("vad beslutades om tandvård?", NOW)
    finally:
        store.close()
    said = [(d.group, d.item) for d in answer.decisions]
    assert said == [(GROUPS[0], "2"), (GROUPS[0], "3"), (GROUPS[1], "2"), (GROUPS[1], "3")]
    lines = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert [line.split(" fredag")[0] for line in lines] == ["• " + GROUPS[0]] * 2 + [
        "• " + GROUPS[1]
    ] * 2
