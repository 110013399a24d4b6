"""The central API: system of record, auth and scope, sync, audit. Never imports the client."""
