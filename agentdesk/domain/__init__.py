"""Pure collection logic: money, outcomes, priority, compliance, talk tracks.

No I/O, no Qt, no database session: the same code guides the agent on the desktop and
enforces the rules on the server.
"""
