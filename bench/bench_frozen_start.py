"""Start-up of the built program (PyInstaller bundle) beside the source tree, 5,000 cases.

Issue 20 asks for a cold start to a usable queue of ≤ 1.5 s, "also in the frozen build".
`bench_workstation.py` measures the source tree's start on a prepared store; the bundle
cannot run that bench's code, so this bench measures both programs the same way, through
`agentdesk smoke` (the bundle's own self-check):

* a real `agentdesk-server` (from the venv) on a temporary SQLite file, seeded with the
  demo portfolio so that agent01 has `--cases` cases (two teams of one agent each);
* for each program, `smoke --store DIR` once on an empty store (a desk's first start: the
  whole queue is pulled) and then `--runs` times on the store it filled (an agent's next
  morning: the queue comes from the kept store);
* the figure is `own_start`: seconds from process start to the main window showing a
  filled queue, less the waits on the server (sign-in, argon2 included, and the first
  sync), which are not the program's. Also reported: Qt ready, sign-in, sync, shown.

The store is the real encrypted one: the key lives in a Secret Service keyring. Without
one answering, the bench re-runs itself inside a private D-Bus session with a throwaway
gnome-keyring (as `dev.py test` does). The server and the programs run as installed, on
the machine's clock (both refuse AGENTDESK_NOW outside tests and the demo); the smoke's
outcome is an inbound call, allowed at any hour, so the hour does not change the figures.

    python bench/bench_frozen_start.py [--bundle dist/agentdesk] [--cases 5000] [--runs 3]

Without `--bundle` only the source tree is measured (build one with `python3 dev.py
package`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 1.5
IN_BUS = "AGENTDESK_BENCH_IN_BUS"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_keyring() -> None:
    """Re-run inside a private bus with a throwaway keyring, unless one answers already."""
    import dev

    if os.environ.get(IN_BUS):
        problem = dev.start_gnome_keyring(Path(os.environ[IN_BUS]))
        if problem:
            raise SystemExit(f"no keyring for the bench: {problem}")
        return
    ok, _detail = dev.probe_keyring(dict(os.environ))
    if ok:
        return
    if not dev.can_start_private_keyring():
        raise SystemExit("no Secret Service keyring answers; install gnome-keyring and dbus")
    os.environ[IN_BUS] = tempfile.mkdtemp(prefix="agentdesk-bench-bus-")
    command = ["dbus-run-session", "--", sys.executable, __file__, *sys.argv[1:]]
    os.execvp(command[0], command)


def seed(url: str, cases: int) -> None:
    """Two teams of one agent each: agent01 gets half of `2 × cases`."""
    from agentdesk.server.db import Database
    from agentdesk.server.migrate import upgrade
    from agentdesk.server.seed import seed_demo

    upgrade(url)
    db = Database(url)
    try:
        with db.transaction() as session:
            seed_demo(session, cases=2 * cases, agents_per_team=1)
    finally:
        db.dispose()


class Server:
    """`agentdesk-server serve` from the venv, as an operator starts it."""

    def __init__(self, folder: Path, url: str, env: dict[str, str]) -> None:
        import httpx

        command = str(Path(sys.executable).parent / "agentdesk-server")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = (folder / "server.log").open("w")
        self.process = subprocess.Popen(
            [command, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
            env=dict(env, AGENTDESK_DATABASE_URL=url), stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:  # another process: poll until it answers
            try:
                if httpx.get(f"{self.url}/openapi.json", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"agentdesk-server did not start: {(folder / 'server.log').read_text()[-800:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def smoke(command: list[str], server: str, store: Path, home: Path, env: dict[str, str]) -> dict[str, Any]:
    run_env = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run_env.update(AGENTDESK_HOME=str(home), AGENTDESK_SMOKE_PASSWORD="demo")
    result = subprocess.run([*command, "smoke", "--server", server, "--user", "agent01", "--store", str(store),
                             "--offscreen", "--timeout", "300"],
                            env=run_env, capture_output=True, text=True, timeout=400)
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise SystemExit(f"smoke failed ({' '.join(command)}):\n{result.stdout[-800:]}\n{result.stderr[-800:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    if report.get("keyring") != "secure":
        raise SystemExit(f"the store was not encrypted (keyring: {report.get('keyring')})")
    return report


def main() -> None:
    from _bytecode import installed_like

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, help="the built bundle folder (dist/agentdesk)")
    parser.add_argument("--cases", type=int, default=5000, help="cases in agent01's queue")
    parser.add_argument("--runs", type=int, default=3, help="starts on the filled store, per program")
    args = parser.parse_args()
    os.environ.pop("AGENTDESK_NOW", None)  # see the docstring: installed programs refuse it
    ensure_keyring()

    programs: list[tuple[str, list[str]]] = [("source", [sys.executable, "-m", "agentdesk.desktop.cli"])]
    if args.bundle:
        exe = args.bundle / ("agentdesk.exe" if sys.platform == "win32" else "agentdesk")
        if not exe.is_file():
            raise SystemExit(f"no program at {exe}: build it with `python3 dev.py package`")
        programs.append(("bundle", [str(exe)]))

    folder = Path(tempfile.mkdtemp(prefix="agentdesk-bench-frozen-"))
    env = dict(os.environ)
    # The source tree's modules compiled by its first start, as on an installed desk (the
    # bundle carries its bytecode): bench/_bytecode.py.
    envs = {"source": installed_like(env, folder / "bytecode"), "bundle": env}
    try:
        url = f"sqlite:///{(folder / 'server.db').as_posix()}"
        started = time.perf_counter()
        seed(url, args.cases)
        print(f"seeded {2 * args.cases} cases ({args.cases} for agent01) in {time.perf_counter() - started:.0f} s",
              flush=True)
        server = Server(folder, url, env)
        results: dict[str, dict[str, list[dict[str, Any]]]] = {}
        try:
            for label, command in programs:
                store, home = folder / f"store-{label}", folder / f"home-{label}"
                results[label] = {"first": [smoke(command, server.url, store, home, envs[label])], "filled": []}
            # Alternate the programs so that a busy moment of the machine hits both alike.
            for _ in range(args.runs):
                for label, command in programs:
                    store, home = folder / f"store-{label}", folder / f"home-{label}"
                    results[label]["filled"].append(smoke(command, server.url, store, home, envs[label]))
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nstart-up to a usable queue, seconds from process start (aim own start ≤ {TARGET_S} s)")
    print(f"{'program, start':<26}{'cases':>7}{'Qt ready':>10}{'sign-in':>9}{'sync':>7}{'shown':>8}{'own start':>11}")
    for label, kinds in results.items():
        for kind, reports in kinds.items():
            def median(name: str, reports: list[dict[str, Any]] = reports) -> float:
                return statistics.median(r["timings_s"][name] for r in reports)

            own = median("own_start")
            runs = "" if len(reports) == 1 else f" (median of {len(reports)})"
            print(f"{label + ', ' + ('first start' if kind == 'first' else 'filled store'):<26}"
                  f"{reports[0]['queue_cases']:>7}{median('qt_ready'):>10.2f}{median('login'):>9.2f}"
                  f"{median('first_sync'):>7.2f}{median('startup_to_window'):>8.2f}{own:>11.2f}"
                  f"{'' if own <= TARGET_S else '  (over the aim)'}{runs}")


if __name__ == "__main__":
    main()
