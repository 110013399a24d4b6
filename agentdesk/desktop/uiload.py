"""Loads the Qt Designer forms in `ui/` at run time with QUiLoader.

One way to load forms (the style guide asks for one): every window or panel calls
`load_form(name, self)`, which builds the form *into* the given instance (as PyQt's
`uic.loadUi` does), so a class can subclass QDialog/QWidget/QMainWindow and still have
its layout edited in Designer. Every named child (widgets, actions, layouts) becomes an
attribute of the instance. `build.spec` bundles the `ui/` folder; a test loads each form.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from agentdesk import paths


class FormError(RuntimeError):
    """A form that is missing or that Qt could not build: a packaging bug, not a user error."""


class _IntoInstanceLoader(QUiLoader):
    def __init__(self, base: QWidget | None) -> None:
        super().__init__(base)
        self._base = base

    def createWidget(  # noqa: N802 - Qt override
        self, class_name: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None and self._base is not None:
            return self._base
        return super().createWidget(class_name, parent, name)


def form_path(name: str) -> Path:
    return paths.ui_dir() / f"{name}.ui"


def form_names() -> list[str]:
    """Every form shipped in `ui/` (the form test loads each one)."""
    return sorted(p.stem for p in paths.ui_dir().glob("*.ui"))


def load_form(name: str, base: QWidget | None = None) -> QWidget:
    """Build `ui/<name>.ui` into `base` (or a new widget) and return it.

    Named children become attributes of the returned widget unless the class already
    defines the name, so `self.saveButton` works after `load_form("noteform", self)`.
    """
    path = form_path(name)
    if not path.is_file():
        raise FormError(f"form '{name}' not found at {path}")
    device = QFile(str(path))
    if not device.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"form '{name}' cannot be read: {device.errorString()}")
    # A QUiLoader loads every Designer plugin installed beside Qt when it is made (WebEngine,
    # Quick...: ~30 MB resident) to offer custom widgets; the forms use Qt's own widgets
    # only (tests/desktop/test_forms.py loads each one), so the plugin folders are hidden
    # for that moment. (One loader shared by every form crashed Qt: one loader per form.)
    saved = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])
    try:
        loader = _IntoInstanceLoader(base)
    finally:
        QCoreApplication.setLibraryPaths(saved)
    loader.setLanguageChangeEnabled(True)
    try:
        widget = loader.load(device, None)
    finally:
        device.close()
    if widget is None:
        raise FormError(f"form '{name}' could not be built: {loader.errorString()}")
    for child in widget.findChildren(QObject):
        child_name = child.objectName()
        if child_name and child_name.isidentifier() and not hasattr(type(widget), child_name):
            if child_name not in widget.__dict__:
                setattr(widget, child_name, child)
    return widget
