"""Real audio files for the recording tests, written with libsndfile (the `soundfile` wheel).

Tones and noise, not speech: what matters is a real compressed file the archive and Qt's
player must handle, with a known length, and bytes unique per recording.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import soundfile as sf

RATE = 48_000


def write_call(path: Path, seconds: float, *, seed: int = 0, fmt: str = "OGG", subtype: str = "OPUS") -> Path:
    """A 'call' of `seconds`: a tone whose pitch depends on `seed`, with a little noise, so
    no two recordings share their bytes. Ogg/Opus by default (what a call recorder writes)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(RATE * seconds)) / RATE
    pitch = 220 + (seed % 400)
    signal = 0.3 * np.sin(2 * np.pi * pitch * t) + 0.02 * rng.standard_normal(t.size)
    sf.write(str(path), signal.astype(np.float32), RATE, format=fmt, subtype=subtype)
    return path


def write_wav(path: Path, seconds: float, *, seed: int = 0) -> Path:
    """Uncompressed 16-bit PCM: large for its length (96 KB a second), for chunking tests."""
    return write_call(path, seconds, seed=seed, fmt="WAV", subtype="PCM_16")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def frames_duration_ms(path: Path) -> float:
    info = sf.info(str(path))
    return 1000.0 * info.frames / info.samplerate
