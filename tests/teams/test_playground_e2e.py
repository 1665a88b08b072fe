"""End to end through Microsoft's local Teams client, the Microsoft 365 Agents
Playground, in headless Chromium: a person types a question and reads the card.

Needs node, Chromium and the npm packages in deploy/teams/e2e
(`bash deploy/teams/e2e/install.sh` installs all three). The screenshot is
kept in the test's tmp dir, or in $MINUTESBOT_E2E_SCREENSHOTS when set.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from teams_fakes import NOW, ServerFactory

from bot.answers import Answer, AskContext
from bot.service import create_app
from bot.settings import Settings

E2E = Path(__file__).resolve().parents[2] / "deploy" / "teams" / "e2e"
PLAYGROUND_CLI = E2E / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
DRIVER = E2E / "ask_playground.js"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
INSTALL = "run `bash deploy/teams/e2e/install.sh`"
QUESTION = "När är nästa möte?"

pytestmark = pytest.mark.e2e


def missing_tools() -> str | None:
    if shutil.which("node") is None:
        return f"node is not installed ({INSTALL})"
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} ({INSTALL})"
    if not PLAYGROUND_CLI.exists() or not (E2E / "node_modules" / "playwright-core").exists():
        return f"the Agents Playground and playwright-core are not installed ({INSTALL})"
    return None


@pytest.fixture
async def playground(
    aiohttp_server: ServerFactory, assistant: Any, tmp_path: Path
) -> AsyncIterator[str]:
    """The service on a real port and the Playground in front of it; yields its URL."""
    reason = missing_tools()
    if reason:
        pytest.skip(reason)
    server = await aiohttp_server(
        create_app(Settings(database_url="sqlite://", now=NOW), assistant)
    )
    env = {
        **os.environ,
        "TEAMSAPPTESTER_BROWSER": "none",  # we bring our own browser
        "TEAMSAPPTESTER_LOGFILE": str(tmp_path / "playground.log"),
    }
    process = await asyncio.create_subprocess_exec(
        "node",
        str(PLAYGROUND_CLI),
        "--app-endpoint",
        str(server.make_url("/api/messages")),
        "--channel-id",
        "msteams",
        "--port",
        "0",
        "--disable-telemetry",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        port = await asyncio.wait_for(_listening_port(process), timeout=60)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout=10)
        except TimeoutError:
            process.kill()
            await process.wait()


async def _listening_port(process: asyncio.subprocess.Process) -> int:
    assert process.stdout is not None
    seen: list[str] = []
    while line := (await process.stdout.readline()).decode(errors="replace"):
        seen.append(line)
        if found := re.search(r"Listening on (\d+)", line):
            return int(found.group(1))
    raise AssertionError("the Playground stopped before listening:\n" + "".join(seen))


async def ask_in_browser(url: str, question: str, screenshot: Path) -> dict[str, Any]:
    process = await asyncio.create_subprocess_exec(
        "node",
        str(DRIVER),
        url,
        question,
        str(screenshot),
        cwd=E2E,
        env={**os.environ, "CHROMIUM_PATH": str(CHROMIUM)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, err.decode(errors="replace")
    result: dict[str, Any] = json.loads(out)
    return result


def readable(text: str) -> str:
    """Card text as the browser shows it: Markdown emphasis rendered, spaces squeezed."""
    return " ".join(text.replace("**", "").split())


async def test_question_typed_in_the_playground_gets_an_answer_card(
    playground: str, assistant: Any, tmp_path: Path
) -> None:
    folder = Path(os.environ.get("MINUTESBOT_E2E_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = folder / "playground-answer.png"

    shown = await ask_in_browser(playground, QUESTION, screenshot)

    answer: Answer = await assistant.ask(QUESTION, AskContext(now=NOW))
    assert answer.meetings, "the minutes name the group's next meeting"
    card = readable(shown["answer"])
    assert readable(answer.text) in card
    assert "Möten" in card
    assert answer.meetings[0].group in card
    for source in answer.sources[:5]:
        assert source.document in card
    # The bot introduced itself when the Playground installed it.
    assert readable(shown["cards"][0]).startswith("Hej!")
    assert screenshot.stat().st_size > 10_000
