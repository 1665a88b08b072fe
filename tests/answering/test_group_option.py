"""`--group` reads a group's name as a question does: an alias or the informal
"folkhälsa"; a name for several groups ("SSR") is answered for each (a listing
command refuses it, with them listed). The
terminal chat keeps the meeting of the previous answer for a follow-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import real_minutes

NOW = "2026-12-02T10:00:00+01:00"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('group_option') / 'cli.db'}"
    assert main(["ingest", "-q", "--db", url, *map(str, real_minutes())]) == 0
    return url


def ask(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    code = main(["ask", "--db", db, "--now", NOW, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("folkhälsa", "Chefsgrupp folkhälsa"),
        ("folkhalsa", "Chefsgrupp folkhälsa"),
        ("SSR folkhälsa", "Specifika samverkansrådet för folkhälsa"),
        ("chefsgruppen", "Chefsgrupp för samverkan social välfärd samt vård och omsorg"),
    ],
)
def test_group_option_takes_the_names_questions_take(
    capsys: pytest.CaptureFixture[str], db: str, name: str, group: str
) -> None:
    code, out, _ = ask(capsys, db, "--group", name, "--json", "vilka möten har ni haft?")
    meetings = json.loads(out)["meetings"]
    assert code == 0 and meetings and all(group in m["group"] for m in meetings)


def test_a_name_for_several_groups_is_answered_for_each(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = ask(capsys, db, "--group", "SSR", "nästa möte")
    assert code == 0
    assert "Specifika samverkansrådet för folkhälsa" in out
    assert "Specifika samverkansrådet för social välfärd samt vård och omsorg" in out
    code, out, _ = ask(capsys, db, "--group", "SSR", "--json", "vilka möten har ni haft?")
    groups = {m["group"] for m in json.loads(out)["meetings"]}
    assert code == 0 and groups and all("Specifika samverkansrådet" in g for g in groups)


def test_a_listing_command_refuses_a_name_for_several_groups(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    assert main(["meetings", "--db", db, "--group", "SSR"]) == 2
    err = capsys.readouterr().err
    assert "Specifika samverkansrådet för folkhälsa" in err


def test_meetings_command_takes_the_informal_name(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    assert main(["meetings", "--db", db, "--group", "folkhälsa"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("Chefsgrupp folkhälsa" in line for line in lines if "[" in line)


def test_chat_follow_ups_keep_the_meeting(db: str) -> None:
    questions = "vem var ordförande 20 september 2024?\noch vem justerade?\nvad beslutades där?\n"
    chat = [sys.executable, "-m", "bot.cli", "chat", "--db", db, "--now", NOW]
    done = subprocess.run(
        chat, input=questions, capture_output=True, text=True, timeout=60, check=True,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    answers = done.stdout.split("> ")[1:]
    assert "Bechet Barsom" in answers[0]
    assert "Siw Lunader" in answers[1] and "20 september 2024" in answers[1]
    assert "20 september 2024" in answers[2] and "29 maj 2026" not in answers[2]
