"""Start the source tree's program as an installed desk starts: from compiled bytecode.

An installed program has its modules compiled: pip compiles them when it installs, and the
built bundle carries them. A machine (or CI) with PYTHONDONTWRITEBYTECODE set, running
from a source tree, compiles every module of AgentDesk again on each start (~100 modules,
0.1–0.3 s), which no agent's desk pays after its first start. The start benches therefore
let a child write its bytecode to a folder of their own (`PYTHONPYCACHEPREFIX`, so the
source tree stays untouched): the first start compiles, as a desk's first start after an
install from source would, and the later ones read it.
"""

from __future__ import annotations

from pathlib import Path


def installed_like(env: dict[str, str], folder: Path) -> dict[str, str]:
    """`env` for a child that keeps its compiled modules in `folder` between starts."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    return env
