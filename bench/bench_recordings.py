"""Recording upload throughput, beside a raw HTTP upload of the same bytes in the same run.

One real server in a process of its own, as in production (the AgentDesk app on uvicorn,
127.0.0.1, SQLite in a temp folder), with one extra route for the baseline,
`POST /bench/sink`, which reads the body and throws it away.
The desk side is the real client: an encrypted local store, its vault (AES-GCM), and
`RecordingUploads.upload_all()`: open each upload, decrypt each piece, send it at its
offset; the server writes and fsyncs it, hashes the whole file when complete, archives it
under its SHA-256 and commits. The baseline sends the same bytes with httpx to the sink,
as one request per recording and as pieces of the same size; no disk, no hash, no database.

Two loads: a few long calls (multi-megabyte, many pieces each) and many short ones (where
the per-recording round trips dominate). Each figure is the best of `--repeat` runs.

Run: .venv/bin/python bench/bench_recordings.py [--long 3 --long-mb 16 --short 200 --short-kb 60]
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fastapi import Request  # module level: the sink's annotation is resolved by name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--long", type=int, default=3, help="long recordings (default 3)")
    parser.add_argument("--long-mb", type=int, default=16, help="size of each long recording in MB")
    parser.add_argument("--short", type=int, default=200, help="short recordings (default 200)")
    parser.add_argument("--short-kb", type=int, default=60, help="size of each short recording in KB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="agentdesk-bench-rec-") as home:
        os.environ["AGENTDESK_HOME"] = home
        os.environ.pop("AGENTDESK_DATABASE_URL", None)
        import httpx

        from agentdesk.client import uploads
        from agentdesk.client.api import ApiClient
        from agentdesk.client.recording_vault import RecordingVault, derive_key
        from agentdesk.client.store import LocalStore
        from agentdesk.server.embedded import free_port, prepare_database

        db_url = f"sqlite:///{Path(home) / 'server.db'}"
        prepare_database(db_url, seed=True, cases=50).dispose()
        port = free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), db_url], env=os.environ.copy())
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the bench server did not start") from None
                time.sleep(0.05)
        url = f"http://127.0.0.1:{port}"
        api = ApiClient(url)
        api.login("agent01", "demo")
        key = secrets.token_hex(32)
        store = LocalStore(Path(home) / "desk.db", key)
        queue = uploads.RecordingUploads(api, store, RecordingVault(store.recordings_folder, derive_key(key)))
        raw = httpx.Client(base_url=url, timeout=60)
        files = Path(home) / "calls"
        files.mkdir()

        def make(count: int, size: int) -> list[bytes]:
            return [b"OggS" + os.urandom(size - 4) for _ in range(count)]

        def ours(blobs: list[bytes]) -> tuple[float, float]:
            """(seconds to queue = seal, seconds to upload) for `blobs` through the real client."""
            started = time.perf_counter()
            for blob in blobs:
                path = files / f"{uuid.uuid4()}.ogg"
                path.write_bytes(blob)
                queue.attach(str(uuid.uuid4()), path)
            sealed = time.perf_counter() - started
            started = time.perf_counter()
            assert queue.upload_all() == len(blobs)
            return sealed, time.perf_counter() - started

        def baseline(blobs: list[bytes], piece: int | None) -> float:
            started = time.perf_counter()
            for blob in blobs:
                step = piece or len(blob)
                for at in range(0, len(blob), step):
                    answer = raw.post("/bench/sink", content=blob[at:at + step])
                    assert answer.status_code == 200
            return time.perf_counter() - started

        ours(make(2, 64 * 1024))  # warm up both paths (first queries, connections) before timing
        baseline(make(2, 64 * 1024), None)
        loads = [("long", args.long, args.long_mb * 1024 * 1024), ("short", args.short, args.short_kb * 1024)]
        print(f"recording upload over HTTP on 127.0.0.1, SQLite server, best of {args.repeat}; "
              f"pieces of {uploads.CHUNK_BYTES // (1024 * 1024)} MiB")
        for name, count, size in loads:
            total_mb = count * size / 1e6
            best_ours = best_seal = best_whole = best_pieces = float("inf")
            for _ in range(args.repeat):
                blobs = make(count, size)
                seal, up = ours(blobs)
                best_seal, best_ours = min(best_seal, seal), min(best_ours, up)
                best_whole = min(best_whole, baseline(blobs, None))
                best_pieces = min(best_pieces, baseline(blobs, uploads.CHUNK_BYTES))
            print(f"\n{name}: {count} recordings x {size / 1024:,.0f} KB = {total_mb:,.1f} MB")
            print(f"  AgentDesk upload (resumable, checksummed, archived): {best_ours:6.2f} s  "
                  f"{total_mb / best_ours:7.1f} MB/s")
            print(f"  raw HTTP, one request per recording:                 {best_whole:6.2f} s  "
                  f"{total_mb / best_whole:7.1f} MB/s   ratio {best_whole / best_ours:.2f}x")
            print(f"  raw HTTP, same pieces:                               {best_pieces:6.2f} s  "
                  f"{total_mb / best_pieces:7.1f} MB/s   ratio {best_pieces / best_ours:.2f}x")
            print(f"  (queueing on the desk, sealing with AES-GCM:         {best_seal:6.2f} s  "
                  f"{total_mb / best_seal:7.1f} MB/s)")
        raw.close()
        store.close()
        api.close()
        server.terminate()
        server.wait(timeout=10)
    return 0


def serve(port: int, db_url: str) -> None:
    """The bench's server process: the real app, plus the baseline's sink."""
    import uvicorn

    from agentdesk.server.app import create_app
    from agentdesk.server.db import Database
    from agentdesk.server.events import EventHub

    app = create_app(Database(db_url), EventHub())

    @app.post("/bench/sink")
    async def sink(request: Request) -> dict[str, int]:
        return {"n": len(await request.body())}

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        raise SystemExit(main())
