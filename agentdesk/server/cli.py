"""`agentdesk-server`: migrate, seed, serve, add-user, import.

The database comes from AGENTDESK_DATABASE_URL (or --database-url); by default an SQLite
file in the user's data folder, so `migrate`, `seed --demo` and `serve` work with no setup.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from typing import Any

from agentdesk import __version__, clock
from agentdesk.server.db import Database, default_database_url


def _cmd_migrate(args: argparse.Namespace) -> int:
    from agentdesk.server.migrate import upgrade

    upgrade(args.database_url)
    print(f"database is at the latest schema: {_safe(args.database_url)}")
    return 0


def _cmd_seed(args: argparse.Namespace) -> int:
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.seed import AlreadySeeded, seed_demo

    if not args.demo:
        print("nothing to seed: pass --demo for the demo portfolio", file=sys.stderr)
        return 2
    upgrade(args.database_url)
    db = Database(args.database_url)
    try:
        with db.transaction() as session:
            summary = seed_demo(session, cases=args.cases)
    except AlreadySeeded as exc:
        print(f"not seeded: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(
        f"seeded {summary.cases} cases, {summary.attempts} past attempts, "
        f"{summary.agents} agents (agent01…), {summary.leads} leads (lead01…), admin; password: demo"
    )
    return 0


class ShiftedClockRefused(SystemExit):
    """AGENTDESK_NOW is set for a command that acts on real data."""


def production_clock(command: str) -> clock.SystemClock:
    """The real clock for commands that act on a real database; refuse a moved one.

    AGENTDESK_NOW is for the test suite and the demo (agentdesk.clock): a server judging
    contact hours or stamping imports by a made-up time would break the rules it enforces.
    """
    if clock.shifted_by_environment():
        print(
            f"agentdesk-server {command}: refused: {clock.NOW_ENV} is set "
            f"({os.environ.get(clock.NOW_ENV)!r}). It moves the clock for tests and the demo only; "
            f"unset it (e.g. `env -u {clock.NOW_ENV} agentdesk-server {command} ...`).",
            file=sys.stderr,
        )
        raise ShiftedClockRefused(2)
    return clock.SystemClock()


# Idle connections stay open longer than any desk's client keeps them (httpx: 5 s), so the
# desk always closes first and never sends a pull on a connection the server is closing.
KEEP_ALIVE_SECONDS = 75


def io_stack() -> tuple[str, str]:
    """uvicorn's event loop and HTTP parser, (loop, http): uvloop and httptools (C code; the
    `server` extra brings them where they exist) when they can be imported, else Python's
    own asyncio loop and the pure-Python h11, on which the server works the same, only
    slower (uvloop has no Windows build). Named here, not left to uvicorn's "auto". At 500
    desks they cut the API's CPU per request by ~15%, 3.4-4.0 to 2.8-3.6 ms (bench/bench_load.py)."""
    from importlib.util import find_spec

    return ("uvloop" if find_spec("uvloop") else "asyncio"), ("httptools" if find_spec("httptools") else "h11")


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from agentdesk.server import heap, workers
    from agentdesk.server.app import create_app
    from agentdesk.server.events import EventHub
    from agentdesk.server.migrate import upgrade

    real_clock = production_clock("serve")
    clock.set_process_clock(real_clock)
    loop, http = io_stack()
    db = Database(args.database_url)
    try:
        workers.check_workers(args.workers, db.is_postgres)
    except ValueError as exc:
        db.dispose()
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    if not args.no_migrate:
        upgrade(args.database_url)
    if args.workers > 1:
        # Each worker process builds its own app (workers.app_from_env) on the same database.
        db.dispose()
        if args.sms_worker:
            from agentdesk.server.sms.worker import start_in_background

            start_in_background(Database(args.database_url), real_clock)
        os.environ.update(workers.worker_environment(args.database_url, args.recordings_dir))
        uvicorn.run("agentdesk.server.workers:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level=args.log_level, timeout_graceful_shutdown=2,
                    timeout_keep_alive=KEEP_ALIVE_SECONDS, loop=loop, http=http)
        return 0
    hub = EventHub()
    app = create_app(db, hub, real_clock, recordings_folder=args.recordings_dir)
    heap.settle()  # the process's start out of the collector's full passes (heap.py)
    if args.sms_worker:
        from agentdesk.server.sms.worker import start_in_background

        start_in_background(db, real_clock)

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # End the event streams first: uvicorn waits for open connections before the
            # app's own shutdown runs, and an open stream would sit out the graceful wait.
            hub.close()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(app, host=args.host, port=args.port, log_level=args.log_level,
                            timeout_graceful_shutdown=2, timeout_keep_alive=KEEP_ALIVE_SECONDS, loop=loop, http=http)
    _Server(config).run()
    return 0


def _cmd_add_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from agentdesk.server.auth import hash_password
    from agentdesk.server.models import Team, User

    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.username}: ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    if len(password) < 8:
        print("refused: the password must have at least 8 characters", file=sys.stderr)
        return 2
    db = Database(args.database_url)
    with db.transaction() as s:
        if s.scalar(select(User).where(User.username == args.username)):
            print(f"refused: user {args.username} already exists", file=sys.stderr)
            return 1
        team = None
        if args.team:
            team = s.scalar(select(Team).where(Team.name == args.team)) or Team(name=args.team)
            s.add(team)
            s.flush()
        s.add(User(username=args.username, display_name=args.display_name or args.username,
                   password_hash=hash_password(password), role=args.role,
                   team_id=team.id if team else None))
    print(f"added {args.role} {args.username}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    """Import a lender file; exit 1 and print row, column and reason when nothing was imported."""
    from pathlib import Path

    from sqlalchemy import select

    from agentdesk.server import intake
    from agentdesk.server.models import Team

    now = clock.now()  # the process clock: AGENTDESK_NOW moves it for tests, like the demo's
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"not imported: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    db = Database(args.database_url)
    try:
        with db.transaction() as s:
            team_id = None
            if args.team:
                team = s.scalar(select(Team).where(Team.name == args.team))
                if team is None:
                    print(f"refused: there is no team named {args.team}", file=sys.stderr)
                    return 2
                team_id = team.id
            if args.kind == "cases":
                # A placement lands in one team and touches only that team's cases.
                parsed = intake.parse_cases(data, args.file, intake.local_today(now))
                report: Any = intake.apply_cases(s, parsed, args.lender, team_id, args.accept_good_rows,
                                                 now=now).report
                if report.imported and report.created:
                    from agentdesk.server import pricing_step

                    report.pricing, _placed = pricing_step.after_import(s, parsed.good, args.lender, team_id, now)
            else:
                report = intake.import_payments(s, data, args.file, args.lender, args.accept_good_rows,
                                                team_id=team_id, now=now).report
    except intake.IntakeError as exc:
        print(f"not imported: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    taken = ", ".join(f"{header} → {name}" for name, header in report.columns.items())
    print(f"header row {report.header_row}; columns taken: {taken or 'none'}")
    for p in report.problems:
        print(f"row {p.row}, column {p.column}: {p.reason}", file=sys.stderr)
    counts = {k: v for k, v in report.model_dump().items()
              if k not in ("problems", "imported", "header_row", "columns", "pricing")}
    print(("imported: " if report.imported else "nothing imported: ")
          + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items()))
    if not report.imported and report.problems:
        print("fix the rows above, or pass --accept-good-rows to import only the good ones", file=sys.stderr)
    for line in _pricing_lines(getattr(report, "pricing", None)):
        print(line)
    return 0 if report.imported else 1


def _cmd_sms(args: argparse.Namespace) -> int:
    """The SMS worker's jobs: one cadence pass, one dispatch pass, or both forever."""
    from agentdesk.server.sms.worker import run_sms_command

    return run_sms_command(args.sms_command, Database(args.database_url), production_clock(f"sms {args.sms_command}"))


def _pricing_lines(price: Any) -> list[str]:
    """The import's price (定价) as a few lines: expected recovery per horizon, then per segment."""
    if price is None:
        return []
    from agentdesk.domain.money import Money

    def horizons(items: Any) -> str:
        return ", ".join(f"{h.days} d {Money(h.amount_minor).format()} ({h.rate:.1%}, 95% {h.low:.1%}–{h.high:.1%})"
                         for h in items)

    lines = [f"expected recovery of {price.cases} cases, {Money(price.overdue_minor).format()} overdue: "
             + horizons(price.total)]
    lines += [f"  {seg.name_en} ({seg.cases} cases): {horizons(seg.horizons)}" for seg in price.segments]
    return lines


def _cmd_allocate(args: argparse.Namespace) -> int:
    """The morning run (cron): stand-in covers, segments, allocation; once per team and day."""
    from sqlalchemy import select

    from agentdesk.server.allocation_run import scheduled_run
    from agentdesk.server.events import EventHub, PgRelay
    from agentdesk.server.models import Team

    if not args.scheduled:
        print("allocate: pass --scheduled (a lead allocates by hand in the lead console)", file=sys.stderr)
        return 2
    real_clock = production_clock("allocate")
    db = Database(args.database_url)
    try:
        team_ids = None
        if args.team:
            with db.transaction() as s:
                found = s.scalar(select(Team.id).where(Team.name == args.team))
            if found is None:
                print(f"refused: there is no team named {args.team}", file=sys.stderr)
                return 2
            team_ids = [found]
        # On PostgreSQL the running API processes hear of the moves (LISTEN/NOTIFY) and poke
        # their desks; on the embedded SQLite server desks see them at their next sync.
        relay = PgRelay(db.psycopg_dsn(), EventHub()) if db.is_postgres else None
        results = scheduled_run(db, real_clock, team_ids, relay.publish if relay else None)
        if relay:
            relay.stop()
    finally:
        db.dispose()
    for r in results:
        shown = {k: v for k, v in r.items() if k not in ("agents", "team_id")}
        print(f"team {r['team_id']}: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in shown.items()))
    return 0


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agentdesk-server", description="AgentDesk central API")
    parser.add_argument("--version", action="version", version=f"agentdesk-server {__version__}")
    parser.add_argument("--database-url", default=None,
                        help="SQLAlchemy URL; default AGENTDESK_DATABASE_URL or an SQLite file")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="upgrade the database schema in place").set_defaults(func=_cmd_migrate)
    seed = sub.add_parser("seed", help="fill a fresh database")
    seed.add_argument("--demo", action="store_true", help="the demo portfolio (password 'demo')")
    seed.add_argument("--cases", type=int, default=2400)
    seed.set_defaults(func=_cmd_seed)
    serve = sub.add_parser("serve", help="run the API with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema first")
    serve.add_argument("--workers", type=int, default=1,
                       help="API processes on one PostgreSQL (events relayed between them); 1 on SQLite")
    serve.add_argument("--recordings-dir", default=None,
                       help="the call-recording archive; default AGENTDESK_RECORDINGS_DIR or the data folder's")
    serve.add_argument("--sms-worker", action="store_true",
                       help="also run the SMS cadence and dispatcher in this process (AGENTDESK_SMS_GATEWAY)")
    serve.set_defaults(func=_cmd_serve)
    sms = sub.add_parser("sms", help="SMS: schedule the cadence's messages, send queued ones (see AGENTDESK_SMS_*)")
    sms.add_argument("sms_command", choices=("schedule", "dispatch", "run"),
                     help="schedule: one cadence pass; dispatch: one send pass; run: both, until stopped")
    sms.set_defaults(func=_cmd_sms)
    add = sub.add_parser("add-user", help="add a user; the password is read from the terminal or stdin")
    add.add_argument("username")
    add.add_argument("--role", choices=("agent", "lead", "admin"), required=True)
    add.add_argument("--team")
    add.add_argument("--display-name")
    add.set_defaults(func=_cmd_add_user)
    alloc = sub.add_parser("allocate", help="the morning allocation run (for cron): stand-ins, segments, 分案")
    alloc.add_argument("--scheduled", action="store_true", help="run each team's scheduled allocation for today")
    alloc.add_argument("--team", help="only this team (by name)")
    alloc.set_defaults(func=_cmd_allocate)
    imp = sub.add_parser("import", help="import a lender file (CSV or XLSX)")
    imp_sub = imp.add_subparsers(dest="kind", required=True)
    cases = imp_sub.add_parser("cases", help="a placement: new cases land unassigned; known accounts get new balances")
    cases.add_argument("file")
    cases.add_argument("--lender", required=True, help="the lender's name; accounts are keyed by lender and number")
    cases.add_argument("--team", required=True,
                       help="the team (by name) whose leads will assign the new cases; only its cases are updated")
    cases.add_argument("--accept-good-rows", action="store_true", help="import the good rows of a file with problems")
    cases.set_defaults(func=_cmd_import)
    pays = imp_sub.add_parser("payments", help="a payments feed (account_no, amount, paid_on); settles promises")
    pays.add_argument("file")
    pays.add_argument("--lender", help="only accounts of this lender")
    pays.add_argument("--team", help="only accounts (and promises) of this team, by name")
    pays.add_argument("--accept-good-rows", action="store_true", help="import the good rows of a file with problems")
    pays.set_defaults(func=_cmd_import)
    from agentdesk.server.recordings_cli import add_commands

    add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Alembic 1.17+ announces each of its plugins at INFO when it is imported ("setup plugin
    # alembic.autogenerate.schemas", seven lines): an IT admin's `migrate` and every
    # server's start began with them, above the lines that matter (which revisions ran).
    # Its warnings still show.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    args.database_url = args.database_url or default_database_url()
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
