"""What kind of audio a recording is, from its first bytes (not its file name).

The desk, the server and a PBX import all name the format the same way, and the lead
console's player is told the right type. Only formats a call recorder writes and the
console can play are known; anything else is refused with the list of what is.
"""

from __future__ import annotations

KNOWN = {
    "audio/ogg": "ogg",
    "audio/flac": "flac",
    "audio/wav": "wav",
    "audio/mpeg": "mp3",
    "audio/amr": "amr",
}


class UnknownAudio(ValueError):
    def __init__(self) -> None:
        super().__init__("not a recording format AgentDesk knows (Ogg/Opus, FLAC, WAV, MP3 or AMR)")


def sniff_media_type(head: bytes) -> str:
    """The media type of audio that starts with `head` (its first 12 bytes suffice)."""
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    raise UnknownAudio()


def extension(media_type: str) -> str:
    return KNOWN.get(media_type, "bin")
