"""The command-line contract that outside tools depend on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from bot.inspect import list_people
from storage.store import Store
from tests.conftest import MINUTES, SAMPLES, real_minutes


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_is_documented_with_an_example() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert sub.description and "Example:" in sub.description, name


def test_ingest_then_ask_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, _ = run(capsys, "ingest", "--db", db, *map(str, real_minutes()))
    assert code == 0 and "5 loaded" in out
    code, out, _ = run(capsys, "ingest", "--db", db, str(MINUTES))
    assert code == 0 and "5 unchanged" in out

    code, out, _ = run(
        capsys,
        "ask",
        "--db",
        db,
        "--now",
        "2026-11-22T10:00:00+01:00",
        "--json",
        "När är nästa möte?",
    )
    answer = json.loads(out)
    assert code == 0
    assert set(answer) >= {"intent", "text", "meetings", "decisions", "people", "sources"}
    meeting = answer["meetings"][0]
    assert (
        meeting["start"] == "2026-12-11T13:00:00+01:00"
        and meeting["end"] == "2026-12-11T16:00:00+01:00"
    )
    assert {"group", "start", "end", "place", "status"} <= set(meeting)

    code, out, _ = run(capsys, "ask", "--db", db, "--json", "Vad beslutades om suicidsamordningen?")
    decision = json.loads(out)["decisions"][0]
    assert {"group", "meeting_date", "item", "title", "text", "document"} <= set(decision)
    code, out, _ = run(capsys, "ask", "--db", db, "--json", "Vem representerar Kumla?")
    person = json.loads(out)["people"][0]
    assert {"name", "organization", "role", "group", "meeting_date", "present"} <= set(person)


def test_ingest_reports_bad_files_and_exits_nonzero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, err = run(
        capsys,
        "ingest",
        "--db",
        db,
        str(tmp_path / "empty.txt"),
        str(tmp_path / "missing.txt"),
        str(real_minutes()[0]),
    )
    assert code == 1
    assert "empty.txt: the file is empty" in err and "missing.txt: no such file" in err
    assert "1 loaded" in out and "2 failed" in out


def test_meetings_lists_the_schedules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    run(capsys, "ingest", "--db", db, str(MINUTES))
    code, out, _ = run(
        capsys,
        "meetings",
        "--db",
        db,
        "--group",
        "Chefsgrupp för samverkan social välfärd samt vård och omsorg",
    )
    assert code == 0
    days = [line.split()[0] for line in out.splitlines()[:-1]]
    assert "2023-02-10" in days and "2023-02-03" not in days
    for day in ("2026-08-28", "2026-10-08", "2026-11-06", "2026-12-11"):
        assert day in days
    assert "fredag 9 oktober 2026" in out  # the internat runs 8–9 October


def test_decisions_and_people_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    run(capsys, "ingest", "--db", db, str(MINUTES))
    code, out, _ = run(capsys, "decisions", "--db", db, "--topic", "suicidsamordning")
    assert code == 0 and "2022-10-13" in out and "1 decisions" in out
    code, out, _ = run(capsys, "people", "--db", db, "--municipality", "Kumla")
    assert "Malin Bäcklund" in out and "Annica Sjöqvist" in out


def test_bad_now_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "ask", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--now", "igår", "hej"
    )
    assert code == 2 and "ISO-8601" in err


def test_unreachable_database_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ask", "--db", "postgresql://nobody@127.0.0.1:1/none", "hej")
    assert code == 1 and "cannot open the database" in err and "nobody@" in err


def test_console_script_with_samples(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'samples.db'}"
    exe = Path(sys.executable).parent / "minutesbot"
    done = subprocess.run([exe, "ingest", "--db", db, str(SAMPLES)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    asked = subprocess.run(
        [exe, "ask", "--db", db, "--now", "2026-11-01T10:00", "--json", "nästa möte"],
        capture_output=True,
        text=True,
    )
    answer = json.loads(asked.stdout)
    assert answer["intent"] == "next_meeting" and answer["meetings"][0]["start"].startswith(
        "2026-11-20T09:00"
    )


def test_chat_conversation(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'chat.db'}"
    exe = Path(sys.executable).parent / "minutesbot"
    subprocess.run([exe, "ingest", "--db", db, str(MINUTES)], capture_output=True, check=True)
    talk = "hjälp\nVem representerar Nora?\nwho chaired the meeting on 20 September 2024?\n\n"
    done = subprocess.run(
        [exe, "chat", "--db", db, "--now", "2026-11-22T10:00"],
        input=talk,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "Exempel" in done.stdout
    assert "Fredrik Bergström" in done.stdout and "Bechet Barsom" in done.stdout


def test_people_of_one_council_of_a_joint_meeting(sqlite_minutes: Store) -> None:
    """`minutesbot people --group`: a joint meeting's lists are each their council's."""
    folkhalsa = list_people(sqlite_minutes, group="Specifika samverkansrådet för folkhälsa")
    social = list_people(
        sqlite_minutes, group="Specifika samverkansrådet för social välfärd samt vård och omsorg"
    )
    assert "Caroline Dieker" in folkhalsa and "Jenny Steen" not in folkhalsa
    assert "Jenny Steen" in social and "Caroline Dieker" not in social
