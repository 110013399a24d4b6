"""The client core: local encrypted replica, outbox, sync engine, credentials. No Qt.

A script or a test can log in, sync and record an outcome headless through
`agentdesk.client.session.ClientSession`; the desktop is one user of it.
"""
