"""The PySide6 desktop: windows, Qt models over the client's local store, and workers.

This package imports `agentdesk.client` and `agentdesk.domain`, never the reverse, and
never speaks HTTP itself. Forms live in the top-level `ui/` folder as Designer files and
are loaded at run time by `agentdesk.desktop.uiload`.
"""
