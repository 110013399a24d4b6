"""Interface language: picks Chinese or English and installs Qt translators.

Sources are Qt Linguist files, `resources/translations/agentdesk_<lang>.ts`. Compiled
`.qm` files are never edited by hand; they are built by `pyside6-lrelease`:

* at start-up, `install_translators()` uses `resources/translations/*.qm` when it is at
  least as new as its `.ts`; otherwise it builds a fresh `.qm` into the per-user cache
  (`<data dir>/translations`) with lrelease, so a source checkout needs no build step;
* `python -m agentdesk.desktop.i18n build` writes the `.qm` next to the `.ts` (build.spec
  runs it so the installer ships compiled translations; a frozen build has no lrelease);
* `python -m agentdesk.desktop.i18n update` runs `pyside6-lupdate` over the desktop's
  Python modules and `ui/*.ui` to refresh the `.ts` sources after strings change, then
  marks every "%n" message as a plural again with the forms it had (`i18n_plurals`).

English is the source language, but its catalogue is installed too: it holds the English
plural forms ("1 case" / "2 cases") of the "%n" messages.

The language is Chinese when the OS is Chinese (the `language` setting may override it);
English is the source language of every string.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agentdesk import paths
from agentdesk.desktop import i18n_plurals

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def cache_dir() -> Path:
    path = paths.data_dir() / "translations"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """'zh_CN' or 'en' from the `language` setting ('auto' follows the OS)."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def short_code(language: str) -> str:
    """'zh' or 'en': the form the client and the domain use for texts in two languages."""
    return "zh" if language.startswith("zh") else "en"


def _tool(name: str) -> list[str] | None:
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).parent / f"{name}{suffix}"
    if bundled.is_file():
        return [str(bundled)]
    found = shutil.which(f"pyside6-{name}")
    return [found] if found else None


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compile_ts(ts: Path, qm: Path) -> bool:
    tool = _tool("lrelease")
    if tool is None:
        log.warning("pyside6-lrelease not found; %s stays uncompiled", ts.name)
        return False
    result = subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
        return False
    return True


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for `language`, building it when missing or stale."""
    ts = translations_dir() / f"agentdesk_{language}.ts"
    shipped = ts.with_suffix(".qm")
    if _fresh(shipped, ts):
        return shipped
    if not ts.is_file():
        return None
    cached = cache_dir() / shipped.name
    if _fresh(cached, ts) or compile_ts(ts, cached):
        return cached
    return None


def install_translators(language: str) -> None:
    """Install AgentDesk's and Qt's own catalogues for `language` (replacing earlier ones)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        _install_own(app, qm_path("en"))  # only its plural forms: English is the source language
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir), (f"qt_{language}", qt_dir)]
    own = qm_path(language)
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    _install_own(app, own)


def _install_own(app: QCoreApplication, own: Path | None) -> None:
    if own is not None:
        translator = QTranslator(app)
        if translator.load(str(own)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s could not be loaded", own)


def _sources() -> list[str]:
    root = Path(__file__).resolve().parent
    return [str(p) for p in sorted(root.glob("*.py"))] + [str(p) for p in sorted(paths.ui_dir().glob("*.ui"))]


def update_catalogue(ts: Path, sources: list[str], language: str, tool: list[str] | None = None) -> int:
    """lupdate `ts` from `sources`, then mark its "%n" messages numerus again with their old forms.

    Returns how many plural messages the catalogue holds.
    """
    tool = tool or _tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found")
    kept = i18n_plurals.read_numerus(ts)  # lupdate drops these: read them first
    subprocess.run([*tool, "-silent", "-no-obsolete", *sources, "-ts", str(ts)], check=True)
    return i18n_plurals.mark_numerus(ts, kept, language)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "build"
    if command == "build":
        ok = True
        for language in LANGUAGES:
            ts = translations_dir() / f"agentdesk_{language}.ts"
            ok = compile_ts(ts, ts.with_suffix(".qm")) and ok
            print(f"{ts.with_suffix('.qm')}: {'built' if ok else 'FAILED'}")
        return 0 if ok else 1
    if command == "update":
        tool = _tool("lupdate")
        if tool is None:
            print("pyside6-lupdate not found", file=sys.stderr)
            return 1
        for language in LANGUAGES:
            ts = translations_dir() / f"agentdesk_{language}.ts"
            marked = update_catalogue(ts, _sources(), language, tool)
            print(f"{ts.name}: {marked} plural (%n) messages")
        return 0
    print("usage: python -m agentdesk.desktop.i18n [build|update]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
