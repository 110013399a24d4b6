"""A call's recording on the desk: PJSIP writes WAV while the call runs; afterwards it is
compressed to Ogg/Opus (small, and Qt Multimedia plays it), hashed, and described in a
sidecar JSON file, under `agentdesk.paths.data_dir()/recordings`.

The file name is the dial's id (a UUID), never a number or a name. Converting takes a few
seconds for a long call, so it runs on a thread of its own, after the wrap-up is filled.
Nothing here logs what a recording contains or whose it is.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import replace
from pathlib import Path

import soundfile

from agentdesk import paths
from agentdesk.desktop.phone.base import CallResult

log = logging.getLogger(__name__)

EXTENSION = ".ogg"
BLOCK_FRAMES = 16000 * 10  # ten seconds at the conference bridge's rate


def recordings_dir(base: Path | None = None) -> Path:
    folder = (base or paths.data_dir()) / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wav_path(folder: Path, dial_id: str) -> Path:
    return folder / f"{dial_id}.part.wav"  # PJSIP picks the writer by the extension


def final_path(folder: Path, dial_id: str) -> Path:
    return folder / f"{dial_id}{EXTENSION}"


def compress(result: CallResult, wav: Path) -> CallResult:
    """Turn the raw WAV into the final Ogg/Opus file; returns the result with its length
    and SHA-256. The WAV is removed once the compressed file is complete (written to a
    temporary name and renamed, so a half-written file never has the final name)."""
    assert result.recording_path is not None
    target = result.recording_path
    partial = target.with_name(target.name + ".tmp")
    frames = 0
    with soundfile.SoundFile(str(wav)) as source:
        rate = source.samplerate
        with soundfile.SoundFile(str(partial), "w", samplerate=rate, channels=source.channels,
                                 format="OGG", subtype="OPUS") as sink:
            for block in source.blocks(blocksize=BLOCK_FRAMES, dtype="int16"):
                sink.write(block)
                frames += len(block)
    os.replace(partial, target)
    wav.unlink(missing_ok=True)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    done = replace(result, recording_seconds=frames / rate if rate else 0.0, recording_sha256=digest)
    write_sidecar(done)
    return done


def write_sidecar(result: CallResult) -> Path:
    """`<dial id>.json` beside the recording: the call's facts, so a recording whose desk
    quit before the outcome was saved can still be matched to its call later."""
    assert result.recording_path is not None
    sidecar = result.recording_path.with_suffix(".json")
    facts = {
        "dial_id": result.dial_id,
        "case_id": result.case_id,
        "contact_point_id": result.contact_point_id,
        "sip_call_id": result.sip_call_id,
        "started_at": result.started_at.isoformat(),
        "answered_at": result.answered_at.isoformat() if result.answered_at else None,
        "ended_at": result.ended_at.isoformat(),
        "talk_seconds": result.talk_seconds,
        "recording_seconds": result.recording_seconds,
        "format": result.recording_format,
        "sha256": result.recording_sha256,
    }
    tmp = sidecar.with_name(sidecar.name + ".tmp")
    tmp.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    os.replace(tmp, sidecar)
    return sidecar
