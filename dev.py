#!/usr/bin/env python3
"""Developer and CI entry point: `python3 dev.py demo` and `python3 dev.py test`.

Standard library only, so it runs on a fresh machine that has nothing but Python 3.11+.
It keeps the project's virtual environment in `.venv` up to date (re-installing
`.[dev]` whenever pyproject.toml changes), builds the Qt translations, and then:

    demo [args...]          start the desktop program on the embedded demo server
    test [--display] [pytest args...]
                            run the whole test suite; offscreen Qt unless --display
                            (or AGENTDESK_TEST_DISPLAY=1) asks for the real screen
    lint                    ruff on the tree, mypy on the Qt-free core
    package [--dist DIR] [--work DIR]
                            build the desktop program with PyInstaller (build.spec,
                            one folder: DIR/agentdesk, default dist/agentdesk), then
                            print its size and how long `agentdesk --version` takes
    translations            compile resources/translations/*.ts into .qm files
                            (demo and test do it too when a .ts changed)

Tests that need a Secret Service keyring get one: when none answers and D-Bus and
gnome-keyring are installed, `test` re-runs itself inside `dbus-run-session` and starts
a throwaway, unlocked gnome-keyring there. Environment knobs:
AGENTDESK_DEV_NO_INSTALL=1 skips the install check (used by the harness's own tests);
AGENTDESK_TEST_POSTGRES_URL names the PostgreSQL server for the postgres tests.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
STAMP = VENV / ".agentdesk-install-stamp"
TRANSLATIONS = ROOT / "resources" / "translations"
WINDOWS = os.name == "nt"
MIN_PYTHON = (3, 11)

# Set in the copy of dev.py that runs inside the private D-Bus session, so it does not
# try to start a second one.
IN_PRIVATE_BUS = "AGENTDESK_DEV_PRIVATE_DBUS"
POSTGRES_ENV = "AGENTDESK_TEST_POSTGRES_URL"
PYTEST_NO_TESTS_COLLECTED = 5

# Runs in the project's venv (dev.py itself has no third-party packages). Tries the
# platform's own store (Secret Service on Linux, Credential Manager on Windows, Keychain
# on macOS); prints the backend's class on success; on failure, why, and exits 1.
KEYRING_PROBE = r"""
import sys, uuid
try:
    if sys.platform == "win32":
        from keyring.backends.Windows import WinVaultKeyring as Backend
    elif sys.platform == "darwin":
        from keyring.backends.macOS import Keyring as Backend
    else:
        from keyring.backends.SecretService import Keyring as Backend
    Backend.priority  # raises when the store is unusable (on Linux: no Secret Service)
    backend = Backend()
    service, user, secret = "agentdesk-dev-probe", uuid.uuid4().hex, uuid.uuid4().hex
    backend.set_password(service, user, secret)
    read_back = backend.get_password(service, user)
    backend.delete_password(service, user)
except Exception as exc:  # any failure means "no usable keyring": report it, don't hide it
    print(f"{type(exc).__name__}: {exc}".splitlines()[0])
    sys.exit(1)
if read_back != secret:
    print("the secret read back differs from the one stored")
    sys.exit(1)
print(f"{type(backend).__module__}.{type(backend).__name__}")
"""


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def fail(message: str, code: int = 1) -> NoReturn:
    print(f"dev.py: error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(code)


# --- the virtual environment ----------------------------------------------------------


def venv_executable(name: str) -> Path:
    """A program installed in .venv, on POSIX (bin/name) or Windows (Scripts/name.exe)."""
    if WINDOWS:
        return VENV / "Scripts" / f"{name}.exe"
    return VENV / "bin" / name


def venv_python() -> Path:
    return venv_executable("python")


def run_quietly(command: list[str], what: str) -> None:
    """Run a setup step, showing its output only when it fails."""
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout)
        fail(f"{what} failed (exit code {result.returncode}): {' '.join(command)}")


def pyproject_digest() -> str:
    return hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()


def venv_works() -> bool:
    python = venv_python()
    if not python.exists():
        return False
    probe = subprocess.run([str(python), "-c", "import sys"], capture_output=True)
    return probe.returncode == 0


def ensure_venv() -> None:
    """Create .venv if needed and install `.[dev]` when pyproject.toml changed."""
    if sys.version_info < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        fail(f"AgentDesk needs Python {wanted} or newer; this is {sys.version.split()[0]}")
    if not venv_works():
        say(f"creating the virtual environment in {VENV}")
        # --clear replaces a venv whose Python went away (moved folder, removed pyenv).
        run_quietly([sys.executable, "-m", "venv", "--clear", str(VENV)], "creating .venv")
    if os.environ.get("AGENTDESK_DEV_NO_INSTALL") == "1":
        return
    digest = pyproject_digest()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8").strip() == digest:
        return
    say("installing AgentDesk and its development tools into .venv (a few minutes the first time)")
    pip = [str(venv_python()), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    run_quietly([*pip, "install", "--upgrade", "pip"], "upgrading pip")
    run_quietly([*pip, "install", "--editable", ".[dev]"], "installing .[dev]")
    STAMP.write_text(digest + "\n", encoding="utf-8")
    say("installed")


def stale_translations() -> list[Path]:
    """The .ts sources whose compiled .qm is missing or older than the source."""
    sources = sorted(TRANSLATIONS.glob("*.ts")) if TRANSLATIONS.is_dir() else []
    return [
        ts
        for ts in sources
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]


def build_translations() -> int:
    """Compile the .ts files with the desktop's own builder (agentdesk.desktop.i18n)."""
    command = [str(venv_python()), "-m", "agentdesk.desktop.i18n", "build"]
    return subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL).returncode


# --- services the tests use -----------------------------------------------------------


def probe_keyring(env: dict[str, str]) -> tuple[bool, str]:
    """Round-trip a random secret through keyring's SecretService backend."""
    try:
        result = subprocess.run(
            [str(venv_python()), "-c", KEYRING_PROBE],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        return False, "the Secret Service did not answer within 60 s"
    detail = (result.stdout.strip() or result.stderr.strip() or "no output").splitlines()[-1]
    return result.returncode == 0, detail


def can_start_private_keyring() -> bool:
    return (
        not WINDOWS
        and shutil.which("dbus-run-session") is not None
        and shutil.which("gnome-keyring-daemon") is not None
    )


def start_gnome_keyring(workdir: Path) -> str | None:
    """Start an unlocked gnome-keyring on the current (private) session bus.

    Its keyring files go to a throwaway folder, so the login keyring of whoever runs the
    tests is never opened. Returns None on success, or why it failed.
    """
    daemon_env = dict(os.environ)
    daemon_env["XDG_DATA_HOME"] = str(workdir / "data")
    if not daemon_env.get("XDG_RUNTIME_DIR"):
        runtime = workdir / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        daemon_env["XDG_RUNTIME_DIR"] = str(runtime)
    log = workdir / "gnome-keyring.log"
    # The daemon forks and keeps stderr, so stderr goes to a file, not a pipe we wait on.
    # An empty line is an empty password: it creates and unlocks the login keyring with
    # no prompt (empty stdin would leave the keyring uncreated and ask a prompter).
    with log.open("w") as stderr:
        try:
            result = subprocess.run(
                ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                input="\n",
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=daemon_env,
                text=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired:
            return "gnome-keyring-daemon did not start within 60 s"
    if result.returncode != 0:
        return f"gnome-keyring-daemon exited with {result.returncode}: {log.read_text()[-500:]}"
    for line in result.stdout.splitlines():
        name, sep, value = line.partition("=")
        if sep and name.isidentifier():
            os.environ[name] = value
    return None


def redacted_url(url: str) -> str:
    """The URL without a password, for the summary line."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


def services_required() -> bool:
    return (
        os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("AGENTDESK_REQUIRE_SERVICES") == "1"
    )


# --- pytest ---------------------------------------------------------------------------


def pytest_exit_status(returncode: int) -> tuple[int, str | None]:
    """Map pytest's exit code to dev.py's, with a message when they differ.

    pytest exits 5 when it collected no tests; a run that tested nothing must not look
    like a pass. A negative code (killed by a signal) becomes the shell's 128 + signal.
    """
    if returncode == PYTEST_NO_TESTS_COLLECTED:
        return 1, (
            "pytest collected no tests (its exit code 5); a test run that runs nothing "
            "counts as a failure. Check the test paths and -k/-m expressions."
        )
    if returncode < 0:
        return 128 - returncode, f"pytest was killed by signal {-returncode}"
    return returncode, None


def run_pytest(args: list[str], env: dict[str, str]) -> int:
    command = [str(venv_python()), "-m", "pytest", *args]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # pytest got the same Ctrl-C; let it print its summary before we go.
        return process.wait()


# --- commands -------------------------------------------------------------------------


def prepare() -> None:
    """The venv up to date and the .qm files built (they are build output, not in git)."""
    ensure_venv()
    stale = stale_translations()
    if stale:
        say("compiling translations: " + ", ".join(ts.name for ts in stale))
        if build_translations() != 0:
            # Not fatal: the program compiles a missing catalogue itself at start-up.
            say("warning: compiling the translations failed (see above)")


# What Qt's platform plugins link against on Debian/Ubuntu, by library file name: the
# packages `.ci/run` installs too. ldd names a missing one "not found"; Qt itself only says
# "xcb-cursor0 or libxcb-cursor0 is needed", whatever is really missing.
QT_SYSTEM_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-render.so.0": "libxcb-render0", "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1", "libXi.so.6": "libxi6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
}


def qt_platform_plugin() -> Path | None:
    """The platform plugin Qt will load here: offscreen when asked, else xcb (X11)."""
    found = list((VENV / "lib").glob("python3*/site-packages/PySide6/Qt/plugins/platforms"))
    if not found:
        return None
    name = "libqoffscreen.so" if os.environ.get("QT_QPA_PLATFORM") == "offscreen" else "libqxcb.so"
    plugin = found[0] / name
    return plugin if plugin.exists() else None


def missing_system_libraries(plugin: Path) -> list[str]:
    """Library file names the plugin (and the Qt libraries it loads) cannot find, via ldd."""
    if shutil.which("ldd") is None:
        return []
    result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    missing = []
    for line in result.stdout.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def ensure_qt_libraries() -> None:
    """Before the demo starts Qt: check the platform plugin's system libraries, install the
    missing ones when running as root (as `.ci/run` does), or print the exact apt-get line."""
    if WINDOWS or sys.platform == "darwin":
        return
    plugin = qt_platform_plugin()
    if plugin is None:
        return
    missing = missing_system_libraries(plugin)
    if not missing:
        return
    packages = sorted({QT_SYSTEM_LIBRARIES[name] for name in missing if name in QT_SYSTEM_LIBRARIES})
    unknown = [name for name in missing if name not in QT_SYSTEM_LIBRARIES]
    say(f"Qt's {plugin.name} cannot find these system libraries: {', '.join(missing)}")
    install = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if packages and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing them: " + " ".join(install))
        run_quietly(["apt-get", "update", "-q"], "apt-get update")
        run_quietly(install, "apt-get install")
        still = missing_system_libraries(plugin)
        if not still:
            return
        fail(f"still missing after the install: {', '.join(still)}")
    lines = []
    if packages:
        lines.append("install them with:  sudo " + " ".join(install))
    if unknown:
        lines.append(f"and find the package that provides {', '.join(unknown)} (e.g. apt-file search NAME)")
    fail("the demo cannot open a window yet; " + "; ".join(lines))


def cmd_demo(args: list[str]) -> int:
    prepare()
    ensure_qt_libraries()
    program = venv_executable("agentdesk")
    if not program.exists():
        fail(f"{program} is missing; the editable install did not create the console script")
    command = [str(program), "demo", *args]
    if WINDOWS:
        # os.exec* on Windows starts a new process and returns at once; wait instead.
        return subprocess.call(command)
    os.execv(str(program), command)
    return 0  # not reached


def reexec_in_private_bus(args: list[str], display: bool) -> None:
    """Replace this process with `dbus-run-session -- python dev.py test ARGS`.

    The session bus and the keyring started on it end when the test run ends. dbus-daemon
    runs through a wrapper that sends its chatter (fd limits, service activation) to a
    log file, so the test output stays readable.
    """
    workdir = Path(tempfile.mkdtemp(prefix="agentdesk-dbus-"))
    daemon = shutil.which("dbus-daemon") or "dbus-daemon"
    wrapper = workdir / "dbus-daemon"
    log = workdir / "dbus-daemon.log"
    wrapper.write_text(f'#!/bin/sh\nexec "{daemon}" "$@" 2>>"{log}"\n', encoding="utf-8")
    wrapper.chmod(0o700)
    os.environ[IN_PRIVATE_BUS] = str(workdir)
    if display:
        os.environ["AGENTDESK_TEST_DISPLAY"] = "1"
    say("no Secret Service answers; re-running inside a private D-Bus session")
    command = ["dbus-run-session", f"--dbus-daemon={wrapper}", "--"]
    command += [sys.executable, str(ROOT / "dev.py"), "test", *args]
    os.execvp(command[0], command)


def cmd_test(args: list[str]) -> int:
    display = False
    while args and args[0] == "--display":
        display = True
        args = args[1:]
    display = display or os.environ.get("AGENTDESK_TEST_DISPLAY") == "1"
    prepare()

    # Popped so that pytest, and any dev.py a test starts, sees an ordinary environment.
    private_bus = os.environ.pop(IN_PRIVATE_BUS, None)
    workdir = Path(private_bus) if private_bus else None
    if workdir is not None:
        # Start the unlocked keyring before anything asks the bus for a Secret Service:
        # a request first would let D-Bus activate a locked one that wants a prompter.
        problem = start_gnome_keyring(workdir)
        if problem:
            keyring_ok, keyring_detail = False, problem
        else:
            keyring_ok, keyring_detail = probe_keyring(dict(os.environ))
    else:
        keyring_ok, keyring_detail = probe_keyring(dict(os.environ))
        if not keyring_ok and can_start_private_keyring():
            reexec_in_private_bus(args, display)

    env = dict(os.environ)
    if not display:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    consequence = "will FAIL (CI)" if services_required() else "will be skipped"
    if not keyring_ok:
        say(
            f"no working Secret Service keyring ({keyring_detail}); keyring-dependent "
            f"tests {consequence}. Install gnome-keyring and dbus "
            "(Debian: apt-get install gnome-keyring dbus) to run them."
        )
    postgres_url = env.get(POSTGRES_ENV, "")
    keyring_part = keyring_detail if keyring_ok else f"none ({consequence})"
    postgres_part = (
        f"{POSTGRES_ENV}={redacted_url(postgres_url)}"
        if postgres_url
        else f"{POSTGRES_ENV} not set (postgres tests {consequence})"
    )
    qt_part = env.get("QT_QPA_PLATFORM", "default (display)")
    say(f"services: keyring={keyring_part}; PostgreSQL: {postgres_part}; Qt platform={qt_part}")

    try:
        returncode = run_pytest(args, env)
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
    code, message = pytest_exit_status(returncode)
    if message:
        say(message)
    return code


def cmd_lint(args: list[str]) -> int:
    ensure_venv()
    status = 0
    ruff_check = [str(venv_executable("ruff")), "check", "--output-format", "concise", "."]
    ruff = subprocess.run([*ruff_check, *args], cwd=ROOT)
    status = status or ruff.returncode
    core = ("agentdesk/domain", "agentdesk/contract.py", "agentdesk/client")
    present = [path for path in core if (ROOT / path).exists()]
    if present:
        mypy = subprocess.run([str(venv_executable("mypy")), *present], cwd=ROOT)
        status = status or mypy.returncode
    if status:
        say("lint found problems (see above)")
    return status


def folder_size(path: Path) -> int:
    """Bytes in the files under `path` (symlinks not followed: they point inside it)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def cmd_package(args: list[str]) -> int:
    """`pyinstaller build.spec --noconfirm` from .venv, into --dist (and --work for its cache)."""
    dist, work = ROOT / "dist", ROOT / "build"
    rest = list(args)
    while rest:
        option = rest.pop(0)
        if option in ("--dist", "--work") and rest:
            value = Path(rest.pop(0)).resolve()
            if option == "--dist":
                dist = value
            else:
                work = value
        else:
            fail(f"package: unknown argument {option!r} (expected --dist DIR, --work DIR)", 2)
    prepare()
    pyinstaller = venv_executable("pyinstaller")
    if not pyinstaller.exists():
        fail(f"{pyinstaller} is missing; it comes with .[dev] (pyproject.toml)")
    command = [
        str(pyinstaller),
        "build.spec",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    say("building: " + " ".join(command[1:]))
    started = time.perf_counter()
    built = subprocess.run(command, cwd=ROOT)
    if built.returncode != 0:
        say(f"PyInstaller failed (exit code {built.returncode})")
        return built.returncode
    bundle = dist / "agentdesk"
    program = bundle / ("agentdesk.exe" if WINDOWS else "agentdesk")
    say(f"built {bundle} in {time.perf_counter() - started:.0f} s; size {folder_size(bundle) / 2**20:.0f} MiB")
    started = time.perf_counter()
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if version.returncode != 0 or not version.stdout.strip():
        sys.stderr.write(version.stdout + version.stderr)
        say(f"the built program failed `--version` (exit code {version.returncode})")
        return 1
    say(f"{program} --version: {version.stdout.strip()} in {elapsed:.2f} s")
    return 0


def cmd_translations(args: list[str]) -> int:
    ensure_venv()
    command = [str(venv_python()), "-m", "agentdesk.desktop.i18n", "build", *args]
    return subprocess.run(command, cwd=ROOT).returncode


COMMANDS = {
    "demo": cmd_demo,
    "test": cmd_test,
    "lint": cmd_lint,
    "package": cmd_package,
    "translations": cmd_translations,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in {"-h", "--help", "help"} else 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except KeyboardInterrupt:
        # A Ctrl-C during setup stops quietly, with the shell's code for SIGINT.
        return 128 + signal.SIGINT


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
