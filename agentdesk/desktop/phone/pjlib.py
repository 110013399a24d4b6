"""Starting and stopping a PJSIP endpoint the way this program needs it (no Qt here).

Both the desk's softphone (`engine.py`) and the debtor's-phone stand-in (`standin.py`) use
it. The settings are the ones that held on a machine without a sound card
(/work/shared/NOTES-telephony.md): no worker threads of PJSIP's own (`threadCnt = 0`,
`mainThreadOnly`), so every callback runs inside `libHandleEvents` on the one thread that
owns the endpoint; the SIP transport bound to the address asked for (127.0.0.1 in tests,
so no packet leaves the machine); an RTP port range of its own per endpoint, so two
endpoints on one machine never clash; the null audio device when there is no sound card.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass

import pjsua2 as pj

log = logging.getLogger(__name__)

TRANSPORTS = {"udp": pj.PJSIP_TRANSPORT_UDP, "tcp": pj.PJSIP_TRANSPORT_TCP, "tls": pj.PJSIP_TRANSPORT_TLS}


@dataclass(frozen=True)
class EndpointOptions:
    """Where the endpoint listens; port 0 lets the system choose a free SIP port."""

    bind_address: str = ""  # "" = every interface (a desk on the LAN); "127.0.0.1" in tests
    sip_port: int = 0
    transport: str = "udp"
    rtp_port: int = 40000  # first RTP port; each call takes two from here on
    rtp_port_range: int = 200
    user_agent: str = "AgentDesk"
    log_level: int = 0  # PJSIP's own console log: 0 keeps it quiet (it prints SIP messages with numbers)


def start_endpoint(options: EndpointOptions) -> tuple[pj.Endpoint, int]:
    """Create, configure and start the process's endpoint; returns it and its SIP port."""
    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.uaConfig.userAgent = options.user_agent
    cfg.uaConfig.maxCalls = 4
    cfg.logConfig.level = options.log_level
    cfg.logConfig.consoleLevel = options.log_level
    cfg.medConfig.threadCnt = 1  # the media clock still needs one thread of its own
    cfg.medConfig.noVad = True  # silence suppression would cut the recording's silences short
    ep.libInit(cfg)
    tcfg = pj.TransportConfig()
    tcfg.port = options.sip_port
    if options.bind_address:
        tcfg.boundAddress = options.bind_address
        tcfg.publicAddress = options.bind_address
    transport_id = ep.transportCreate(TRANSPORTS[options.transport], tcfg)
    port = int(ep.transportGetInfo(transport_id).localName.rsplit(":", 1)[1])
    ep.libStart()
    return ep, port


def set_media_ports(cfg: pj.AccountConfig, options: EndpointOptions) -> None:
    """The RTP ports of an account: its own range, on the bound address (set in place: a
    fresh `AccountMediaConfig` lacks the defaults `AccountConfig` gives it)."""
    transport = cfg.mediaConfig.transportConfig
    transport.port = options.rtp_port
    transport.portRange = options.rtp_port_range
    if options.bind_address:
        transport.boundAddress = options.bind_address
        transport.publicAddress = options.bind_address


def use_devices(ep: pj.Endpoint, capture: str = "", playback: str = "") -> list[str]:
    """Pick the named microphone and speaker; the null device when the machine has none.

    Returns what could not be honoured (names of devices not found), for the desk to say.
    """
    manager = ep.audDevManager()
    devices = list_devices(ep)
    if not devices["capture"] and not devices["playback"]:
        manager.setNullDev()
        return ["no_device"]
    problems = []
    for name, kind, setter in (
        (capture, "capture", manager.setCaptureDev),
        (playback, "playback", manager.setPlaybackDev),
    ):
        if not name:
            continue
        index = _device_index(ep, name, kind)
        if index is None:
            problems.append(name)
        else:
            setter(index)
    return problems


def list_devices(ep: pj.Endpoint) -> dict[str, list[str]]:
    """The machine's audio devices by name: {'capture': [...], 'playback': [...]}."""
    found: dict[str, list[str]] = {"capture": [], "playback": []}
    for info in ep.audDevManager().enumDev2():
        if info.driver == "null" or "null" in info.name.lower() and info.driver in ("", "null"):
            continue
        if info.inputCount > 0:
            found["capture"].append(info.name)
        if info.outputCount > 0:
            found["playback"].append(info.name)
    return found


def _device_index(ep: pj.Endpoint, name: str, kind: str) -> int | None:
    for index, info in enumerate(ep.audDevManager().enumDev2()):
        count = info.inputCount if kind == "capture" else info.outputCount
        if info.name == name and count > 0:
            return index
    return None


def stop_endpoint(ep: pj.Endpoint, release: Callable[[], None]) -> None:
    """Hang up everything and destroy the library, in the order that does not abort.

    A Python `Call` or `Account` that outlives `libDestroy` aborts the process, so after
    the hang-ups have been processed `release()` must drop every such reference the
    caller holds; the events that causes are drained before the library goes.
    """
    try:
        ep.hangupAllCalls()
    except pj.Error:
        pass
    for _ in range(10):
        ep.libHandleEvents(10)
    release()
    gc.collect()
    for _ in range(10):
        ep.libHandleEvents(10)
    ep.libDestroy()
