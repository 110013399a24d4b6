"""Run as a separate process by test_recording_faults: a desk that records calls, queues
their recordings and uploads them until it is killed.

Prints one JSON line {recording id: file name} once every recording is queued (the files
are gone from FILES_DIR then: the queue took them over), then "uploaded" if it ever
finishes, which the test makes sure it does not.
Usage: python upload_child.py SERVER_URL FILES_DIR CHUNK_BYTES
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import keyring

from agentdesk.client import errors, uploads
from agentdesk.client.session import ClientSession
from tests.client.recording_helpers import record_calls
from tests.conftest import native_keyring_class


def main() -> None:
    url, folder, chunk = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    uploads.CHUNK_BYTES = chunk
    keyring.set_keyring(native_keyring_class()())
    session = ClientSession.login(url, "agent01", "demo")
    session.sync_now()
    files = sorted(folder.iterdir())
    attempts = record_calls(session, len(files))
    while True:
        try:
            session.sync_now()  # the calls' attempts first, as the desk does
            break
        except errors.ClientError:
            time.sleep(0.05)
    queued = {session.attach_recording(attempt, path): path.name for attempt, path in zip(attempts, files, strict=True)}
    print(json.dumps(queued), flush=True)
    while session.uploads.waiting():
        try:
            session.upload_recordings()
        except errors.ClientError:
            time.sleep(0.05)  # the network's faults: try again, as the background uploader does
    print("uploaded", flush=True)


if __name__ == "__main__":
    main()
