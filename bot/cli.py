"""`minutesbot`: load minutes, ask questions, inspect the store, run the service.

Every command is a thin wrapper over library code; its docstring is its help.
Heavy modules are imported inside the commands so that `ask` starts quickly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings, default_database_url

if TYPE_CHECKING:
    from bot.answers import Answer, AskContext
    from bot.assistant import Assistant
    from bot.understanding.vocabulary import Vocabulary
    from storage.loading import IngestReport
    from storage.store import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A problem the user can fix; printed without a traceback."""


def cmd_ingest(args: argparse.Namespace) -> int:
    """Load minutes files (.txt .md .html .docx .pdf) or folders of them.

    Idempotent: a file already loaded adds nothing; a changed file replaces its
    earlier version. Unreadable files are reported and the others still load.

    Example: minutesbot ingest --db sqlite:///minutes.db minutes/ extra/2026-05-29.docx
    """
    from storage.loading import expand_paths, load_paths

    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"error: {path}: no such file or folder", file=sys.stderr)
    store = _store(args)
    files = expand_paths(Path(p) for p in args.paths if Path(p).exists())
    progress = _progress(len(files), args.quiet)
    report = load_paths(store, files, on_file=lambda r: progress(r.path))
    progress(None)
    for result in report.results:
        if result.failed:
            print(f"error: {result.path}: {result.message}", file=sys.stderr)
        elif not args.quiet:
            counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
            print(f"{result.status:9} {result.path}" + (f": {counts}" if counts else ""))
            for warning in result.warnings[:20] if args.verbose else result.warnings[:3]:
                print(f"  warning: {warning}")
    loaded = report.count("loaded") + report.count("replaced")
    failed = report.count("failed") + len(missing)
    print(f"{loaded} loaded, {report.count('unchanged')} unchanged, {failed} failed")
    if args.metrics_file:
        _write_ingest_metrics(Path(args.metrics_file), report)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question from the minutes.

    Example: minutesbot ask --now 2026-11-22T10:00:00+01:00 "När är nästa möte?"
             minutesbot ask --json --group "Chefsgrupp folkhälsa" "next meeting"
    """
    from bot.answers import AskContext
    from bot.assistant import Assistant

    assistant = Assistant(_store(args))
    groups = _assistant_groups(assistant, args.group)
    context = AskContext(now=_now(args.now), language=args.language)
    answer = _answer_for(assistant, args.question, context, groups)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print(answer.text)
    return EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    """Talk with the assistant in the terminal (empty line or Ctrl-D ends).

    Example: minutesbot chat --group "Chefsgrupp folkhälsa"
    """
    from bot.answers import AskContext
    from bot.assistant import Assistant

    assistant = Assistant(_store(args))
    groups = _assistant_groups(assistant, args.group)
    print("Fråga om möten, beslut och representanter. 'hjälp' visar exempel.")
    while True:
        try:
            question = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return EXIT_OK
        if not question:
            return EXIT_OK
        # a conversation: "och vem justerade?" goes on from the previous answer's meeting
        context = AskContext(now=_now(args.now), conversation="terminal")
        print(_answer_for(assistant, question, context, groups).text)


def cmd_meetings(args: argparse.Namespace) -> int:
    """List meetings the store knows, held and planned, with status.

    Example: minutesbot meetings --group "Chefsgrupp folkhälsa" --from 2020-01-01 --to 2020-12-31
    """
    from bot.inspect import list_meetings

    print(
        list_meetings(_store(args), group=_named_group(args.group), start=args.start, end=args.end)
    )
    return EXIT_OK


def cmd_decisions(args: argparse.Namespace) -> int:
    """List decisions, optionally about a topic, by group and period.

    Example: minutesbot decisions --topic suicidsamordning --from 2022-01-01
    """
    from bot.inspect import list_decisions

    text = list_decisions(
        _store(args),
        group=_named_group(args.group),
        start=args.start,
        end=args.end,
        topic=args.topic,
    )
    print(text)
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    """List people with their organisation, role and latest meeting.

    Example: minutesbot people --municipality Kumla
    """
    from bot.inspect import list_people

    text = list_people(
        _store(args),
        group=_named_group(args.group),
        municipality=args.municipality,
        name=args.name,
    )
    print(text)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the chat service (Teams at /api/messages, Slack at /slack/events).

    Example: minutesbot serve --db sqlite:///minutes.db --port 3978 --now 2026-11-22T10:00
    """
    from dataclasses import replace

    from bot.service import ServiceError, run_service

    settings = Settings.from_env()
    settings = replace(
        settings,
        database_url=args.db or settings.database_url,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers or settings.workers,
        now=_now(args.now) if args.now else None,
    )
    reports = [_ingest_quietly(settings.database_url, path) for path in args.load]
    try:
        run_service(settings, ingested=reports)
    except ServiceError as exc:
        raise CommandError(str(exc)) from exc
    return EXIT_OK


def cmd_reminders(args: argparse.Namespace) -> int:
    """Meeting reminders: send what is due now, or list subscriptions and what is due.

    The service sends reminders by itself (every MINUTESBOT_REMINDER_INTERVAL
    seconds); these commands are for operators and tests.

    Example: minutesbot reminders run-once --db sqlite:///minutes.db --now 2026-12-10T09:00
             minutesbot reminders list --now 2026-12-10T09:00
    """
    return int(args.action(args))


def cmd_reminders_run_once(args: argparse.Namespace) -> int:
    """Send the reminders due now (or at --now) once, then exit.

    Safe next to running services: each reminder is claimed in the database first,
    so it is sent once however many instances run. Exits 1 if a reminder failed.

    Example: minutesbot reminders run-once --db postgresql://bot@db/minutes --now 2026-12-10T09:00
    """
    import asyncio
    from dataclasses import replace

    from bot.reminder_senders import run_once

    settings = replace(Settings.from_env(), database_url=args.db or default_database_url())
    report = asyncio.run(run_once(settings, _store(args), _now(args.now)))
    print(report.summary())
    return EXIT_FAILED if report.failed or report.disabled else EXIT_OK


def cmd_reminders_list(args: argparse.Namespace) -> int:
    """List subscriptions, the reminders due now (or at --now) and the next ones.

    Example: minutesbot reminders list --db sqlite:///minutes.db --now 2026-12-10T09:00
    """
    from bot.reminder_plan import describe

    with _store(args).session() as session:
        print(describe(session, _now(args.now)))
    return EXIT_OK


# -- plumbing -------------------------------------------------------------------------


def _assistant_groups(assistant: Assistant, name: str | None) -> tuple[str | None, ...]:
    """The groups `--group` names, read with the names the assistant's store knows too:
    one, or several for a name they share ("SSR": each council is answered for, as a
    question naming them is); a name for none as written (the answer says it is
    unknown); no name, (None,)."""
    if name is None:
        return (None,)
    with assistant.store.session() as session:
        named = assistant.vocabulary(session).groups_named(name)
    return named or (name,)


def _answer_for(
    assistant: Assistant, question: str, context: AskContext, groups: Sequence[str | None]
) -> Answer:
    """The answer in each of `groups`, as one."""
    from bot.answers import combined

    answers = [assistant.answer(question, replace(context, group=g)) for g in groups]
    return answers[0] if len(answers) == 1 else combined(answers)


def _named_group(name: str | None, vocabulary: Vocabulary | None = None) -> str | None:
    """The group `--group` names, read as a question reads a group's name (an alias,
    "folkhälsa", a typo); a name for several groups ("SSR") is refused with them
    listed; a name for none is passed on as written (the answer says it is unknown)."""
    from bot.understanding.vocabulary import Vocabulary

    if name is None:
        return None
    named = (vocabulary or Vocabulary()).groups_named(name)
    if len(named) > 1:
        listed = "; ".join(named)
        raise CommandError(f"--group {name!r} names several groups: {listed}. Name one of them.")
    return named[0] if named else name


def _store(args: argparse.Namespace) -> Store:
    from storage.store import Store

    return Store.open(args.db or default_database_url())


def _ingest_quietly(database_url: str, path: str) -> IngestReport:
    from storage.loading import load_paths
    from storage.store import Store

    report = load_paths(Store.open(database_url), [Path(path)])
    for result in report.results:
        if result.failed:
            print(f"error: {result.path}: {result.message}", file=sys.stderr)
    return report


def _write_ingest_metrics(path: Path, report: IngestReport) -> None:
    """The ingest's counts, for node_exporter's textfile collector (cron runs)."""
    from bot.metrics import Metrics

    metrics = Metrics()
    metrics.record_ingest(report)
    try:
        metrics.write_textfile(path)
    except OSError as exc:
        raise CommandError(f"--metrics-file {path}: {exc.strerror or exc}") from None


def _now(value: str | None) -> datetime:
    from storage.parsing.records import STOCKHOLM

    if not value:
        return datetime.now(STOCKHOLM)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--now {value!r} is not an ISO-8601 time, e.g. 2026-11-22T10:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2023-09-08") from None


def _progress(total: int, quiet: bool) -> Callable[[str | None], None]:
    """A progress bar on stderr when many files load; silent otherwise."""
    if quiet or total < 20 or not sys.stderr.isatty():
        return lambda _path: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", file=sys.stderr)

    def step(path: str | None) -> None:
        if path is None:
            bar.close()
        else:
            bar.update(1)

    return step


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutesbot", description="Answers questions from the minutes of collaboration groups."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        doc = func.__doc__ or ""
        sub = commands.add_parser(
            name,
            help=doc.splitlines()[0],
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--db", help="database URL (default: $DATABASE_URL, else ./minutesbot.db)")
        sub.set_defaults(func=func)
        return sub

    ingest = add("ingest", cmd_ingest)
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument(
        "-q", "--quiet", action="store_true", help="print only errors and the total"
    )
    ingest.add_argument("-v", "--verbose", action="store_true", help="print every warning")
    ingest.add_argument(
        "--metrics-file",
        metavar="PATH",
        help="also write the counts in the Prometheus text format (node_exporter textfile)",
    )

    for name, func in (("ask", cmd_ask), ("chat", cmd_chat)):
        sub = add(name, func)
        if name == "ask":
            sub.add_argument("question")
            sub.add_argument("--json", action="store_true", help="print the answer as JSON")
            sub.add_argument("--language", choices=["sv", "en"], help="answer in this language")
        sub.add_argument("--now", help="the time to answer as of (ISO-8601)")
        sub.add_argument("--group", help="the group a question is about when it names none")

    for name, func in (
        ("meetings", cmd_meetings),
        ("decisions", cmd_decisions),
        ("people", cmd_people),
    ):
        sub = add(name, func)
        sub.add_argument("--group", help="a group's name or alias")
        if name != "people":
            sub.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
            sub.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    commands.choices["decisions"].add_argument("--topic", help="words the decision is about")
    commands.choices["people"].add_argument("--municipality", help="e.g. Kumla")
    commands.choices["people"].add_argument("--name", help="a person's name or part of it")

    serve = add("serve", cmd_serve)
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 3978)")
    serve.add_argument("--now", help="fix the service's clock (demos, tests), ISO-8601")
    serve.add_argument("--workers", type=int, help="processes serving the port (default 1)")
    serve.add_argument(
        "--load",
        action="append",
        default=[],
        metavar="PATH",
        help="ingest these minutes before starting (repeatable)",
    )
    reminders = add("reminders", cmd_reminders)
    actions = reminders.add_subparsers(dest="reminders_action", required=True, metavar="ACTION")
    for name, func in (("run-once", cmd_reminders_run_once), ("list", cmd_reminders_list)):
        doc = func.__doc__ or ""
        sub = actions.add_parser(
            name,
            help=doc.splitlines()[0],
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--db", help="database URL (default: $DATABASE_URL, else ./minutesbot.db)")
        sub.add_argument("--now", help="the time to act as of (ISO-8601; default: now)")
        sub.set_defaults(action=func)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from storage.store import StoreError

    try:
        return int(args.func(args))
    except (CommandError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, CommandError) else EXIT_FAILED
    except BrokenPipeError:
        # the reader went away (`minutesbot ask ... | head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
