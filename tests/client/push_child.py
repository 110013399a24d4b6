"""Run as a separate process by test_faults: log in, record outcomes, push, and be killed.

Prints one JSON line with the attempt and mutation ids before pushing, so the test knows
what must reach the server exactly once after the process dies mid-push.
Usage: python push_child.py SERVER_URL N
"""

from __future__ import annotations

import json
import sys

import keyring

from agentdesk.client.session import ClientSession
from tests.client.helpers import no_answer, open_cases
from tests.conftest import native_keyring_class


def main() -> None:
    url, n = sys.argv[1], int(sys.argv[2])
    # The same Secret Service as the test process: the D-Bus session comes with the environment.
    keyring.set_keyring(native_keyring_class()())
    session = ClientSession.login(url, "agent01", "demo")
    session.sync_now()
    attempts = [session.record_outcome(no_answer(session, case_id, note=f"第{i}次未接通"))
                for i, case_id in enumerate(open_cases(session, n))]
    mutations = [row.id for row in session.store.pending(1000)]
    print(json.dumps({"attempts": attempts, "mutations": mutations}), flush=True)
    session.sync_now()  # the proxy holds this push's answer until the test has killed us
    print("pushed", flush=True)


if __name__ == "__main__":
    main()
