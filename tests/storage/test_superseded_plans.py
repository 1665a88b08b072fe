"""A newer schedule of a group speaks for the days it covers, but not against a
cancellation: it leaves a cancelled meeting out because it is cancelled."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from storage.loading import load_paths
from storage.parsing.records import STOCKHOLM
from storage.queries import meetings_between
from storage.store import Store

GROUP = "Gemensamma nämnden för hjälpmedel i Västmanland"
MARCH = f"""PROTOKOLL

{GROUP}

Sammanträdesdatum: 2025-03-12

§ 18 Sammanträdesplan 2025

Beslut
Nämnden sammanträder 2025 enligt följande:
14 maj kl. 13.00–15.00
8 oktober – inställt
22 oktober kl. 13.00–16.00
12 november kl. 13.00–16.00
"""
MAY = f"""# {GROUP} – Minutes

**Date:** 14 May 2025, 13:00–15:00

## 1. Next meetings

- 10 September 2025, 09:00–12:00, Regionhuset Västerås
- 12 November 2025 – cancelled
- 3 December 2025, 13:00–16:00, Teams
"""


def test_a_cancellation_outlives_a_newer_plan_that_leaves_it_out(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "march.txt").write_text(MARCH, encoding="utf-8")
    (tmp_path / "may.md").write_text(MAY, encoding="utf-8")
    assert load_paths(store, [tmp_path]).ok
    autumn = (datetime(2025, 10, 1, tzinfo=STOCKHOLM), datetime(2025, 12, 1, tzinfo=STOCKHOLM))
    with store.session() as session:
        found = [(m.day.isoformat(), m.status) for m in meetings_between(session, *autumn)]
    # 22 October, planned in March, is dropped: the May plan no longer lists it
    assert found == [("2025-10-08", "cancelled"), ("2025-11-12", "cancelled")]
