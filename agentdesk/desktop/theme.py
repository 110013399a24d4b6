"""Light and dark looks: one QSS template, two colour files, the Fusion style.

`resources/style/theme.qss` holds the rules with `{role}` placeholders; `light.colors`
and `dark.colors` give each role a colour. `apply_theme()` fills the template, sets a
matching QPalette (so widgets the sheet does not touch agree with it) and picks the scheme
the OS uses when the `theme` setting is 'auto'. Widgets mark their meaning with dynamic
properties (`role`, `tone`, `chip`, `primary`); the sheet decides what that looks like.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from agentdesk import paths

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Windows ships these; on Linux Noto CJK (fonts-noto-cjk) covers Chinese. Qt falls back
# through the list per glyph, so Latin text keeps its UI font and Chinese gets a CJK one.
_FONT_FAMILIES = ["Segoe UI", "Microsoft YaHei UI", "Noto Sans", "Noto Sans CJK SC", "sans-serif"]


def style_dir() -> Path:
    return paths.resources_dir() / "style"


@lru_cache(maxsize=4)
def read_colors(scheme: str) -> dict[str, str]:
    colors: dict[str, str] = {}
    for line in (style_dir() / f"{scheme}.colors").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, _, value = line.partition("=")
        colors[key.strip()] = value.strip()
    return colors


def stylesheet(scheme: str) -> str:
    """The QSS for `scheme` ('light' or 'dark'); an unknown placeholder is an error."""
    colors = dict(read_colors(scheme))
    colors["icons"] = (paths.resources_dir() / "icons").as_posix()
    template = (style_dir() / "theme.qss").read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        return colors[match.group(1)]

    return _PLACEHOLDER.sub(fill, template)


def resolve_scheme(setting: str) -> str:
    if setting in ("light", "dark"):
        return setting
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def _palette(colors: dict[str, str]) -> QPalette:
    c = {k: QColor(v) for k, v in colors.items()}
    pal = QPalette()
    role = QPalette.ColorRole
    pal.setColor(role.Window, c["window"])
    pal.setColor(role.WindowText, c["text"])
    pal.setColor(role.Base, c["surface"])
    pal.setColor(role.AlternateBase, c["surface_alt"])
    pal.setColor(role.Text, c["text"])
    pal.setColor(role.Button, c["surface"])
    pal.setColor(role.ButtonText, c["text"])
    pal.setColor(role.Highlight, c["accent"])
    pal.setColor(role.HighlightedText, c["accent_text"])
    pal.setColor(role.ToolTipBase, c["surface"])
    pal.setColor(role.ToolTipText, c["text"])
    pal.setColor(role.PlaceholderText, c["faint"])
    pal.setColor(role.Link, c["accent"])
    pal.setColor(role.Mid, c["border"])
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, c["faint"])
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, c["faint"])
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, c["faint"])
    return pal


def apply_theme(app: QApplication, setting: str = "auto") -> str:
    """Style the whole application; returns the scheme used ('light' or 'dark')."""
    scheme = resolve_scheme(setting)
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setFamilies(_FONT_FAMILIES)
    font.setPointSizeF(max(font.pointSizeF(), 9.5))
    app.setFont(font)
    app.setPalette(_palette(read_colors(scheme)))
    app.setStyleSheet(stylesheet(scheme))
    app.setProperty("agentdeskScheme", scheme)
    return scheme


def color(role: str) -> QColor:
    """A colour of the active scheme, for models and HTML the stylesheet cannot reach."""
    app = QApplication.instance()
    scheme = app.property("agentdeskScheme") if app else None
    return QColor(_parsed_color(scheme or "light", role))  # a copy: the caller may change it


@lru_cache(maxsize=128)
def _parsed_color(scheme: str, role: str) -> QColor:
    """The colour parsed once: tables ask for it for every cell they measure and paint
    (the contacts' status column, on each case opened)."""
    return QColor(read_colors(scheme)[role])


def set_tone(widget: QWidget, tone: str) -> None:
    """Set the `tone` property (ok/warn/danger/accent/'') and re-polish so QSS applies it."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)
