"""YAML text to plain data, with libyaml's parser when PyYAML was built with it.

Why: the desk reads its policy, strategy, SMS texts and seven talk tracks from YAML at
every start; PyYAML's pure-Python parser took ~0.15 s of that start on the GUI thread
(issue 20, cold start), libyaml's takes a tenth of it. Both are "safe" loaders (plain
types only) and give the same data (tests/domain/test_yaml_text.py checks every shipped
file); errors are `yaml.YAMLError` either way.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """What `yaml.safe_load(text)` gives, parsed by libyaml where available."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader (plain types only)
