"""`minutesbot reminders`: documented like every command, and clear about bad input."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot.cli import build_parser, main


def test_every_reminders_action_is_documented_with_an_example() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    reminders = commands["reminders"]
    actions = reminders._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(actions) == {"run-once", "list"}
    for name, sub in actions.items():
        assert isinstance(sub, argparse.ArgumentParser)
        assert sub.description and "Example:" in sub.description, name


def test_a_bad_now_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert main(["reminders", "list", "--db", db, "--now", "i morgon"]) == 2
    assert "ISO-8601" in capsys.readouterr().err


def test_list_on_an_empty_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert main(["reminders", "list", "--db", db, "--now", "2026-11-26T09:00"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "0 subscriptions",
        "deliveries: none",
        "due at 2026-11-26 09:00: 0, to skip: 0",
    ]
