"""Talk tracks (话术) as versioned data: loaded, checked, chosen for a case, and filled in.

A track is a YAML file in `resources/talktracks`. Because the words an agent reads out are
where harassment starts, the validator is strict: every line in both languages, the lines
the rules require present and marked required, branches that lead somewhere, no banned
phrase (threats, fees, exposing the debtor, pushing to borrow elsewhere), and a
third-party track that reveals nothing about the debt. A track that fails is refused at
load time with the file, the step and the problem, not discovered on a live call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from agentdesk.domain import yaml_text
from agentdesk.domain.disclosure import disclosure_findings
from agentdesk.domain.outcomes import ALLOWED_OUTCOMES, Outcome, Reached
from agentdesk.paths import resources_dir

LANGUAGES = ("zh", "en")
VARIABLES = frozenset({"debtor_name", "amount_due", "days_past_due", "lender", "agent_name", "company",
                       "company_neutral"})
# Variables that would tell someone other than the confirmed debtor that a debt exists
# (DOMAIN.md: the debt is never disclosed to third parties). The collection company's own
# name is one of them: "…催收服务中心" says it all. Before the person is confirmed, and to
# third parties, the agent gives their own name and, only if asked, the preset's neutral
# company name ({company_neutral}).
DEBT_VARIABLES = frozenset({"amount_due", "days_past_due", "lender", "company"})
# Values the load-time check fills in to read lines as spoken; the real values are checked
# again with `spoken_disclosures` (tests render every shipped track with demo cases).
_SAMPLE_VARIABLES = {"debtor_name": "王芳", "agent_name": "李明", "company_neutral": "安信服务中心",
                     "amount_due": "¥1,234.00", "days_past_due": "42", "lender": "星河银行", "company": "安信"}
# Tags a debtor track must carry on required lines; a third-party track needs all but the
# disclosure, which it must not have.
REQUIRED_TAGS_DEBTOR = ("identify", "recording_notice", "disclosure")
REQUIRED_TAGS_THIRD_PARTY = ("identify", "recording_notice")
KNOWN_TAGS = frozenset({*REQUIRED_TAGS_DEBTOR, "verify_identity", "voicemail"})

# Lines that no track may contain, matched case-insensitively as substrings. They stand
# for the practices the Chinese guidelines and Regulation F forbid: threats of arrest or
# suing relatives, contacting the address book or employer, public shaming, extra fees,
# pushing the debtor to borrow elsewhere, insults.
BANNED_PHRASES: tuple[str, ...] = (
    "起诉你家人",
    "通讯录",
    "曝光",
    "手续费",
    "借钱还",
    "以贷养贷",
    "坐牢",
    "抓你",
    "上门找你家人",
    "告诉你单位",
    "通知你单位",
    "老赖",
    "arrest",
    "jail",
    "prison",
    "tell your employer",
    "call your employer",
    "your contacts",
    "address book",
    "processing fee",
    "late fee",
    "borrow from",
    "take out a loan",
    "deadbeat",
    "we will sue your",
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SELECTION_KEYS = frozenset({"buckets", "first_contact", "broken_promise", "dispute", "last_outcomes", "priority"})
_BUCKETS = frozenset({"M0", "M1", "M2", "M3", "M4+"})


class TalkTrackError(ValueError):
    """A track file or render request that cannot be used; names file, step and problem."""


@dataclass(frozen=True)
class TrackLine:
    text: dict[str, str]
    required: bool
    tag: str | None


@dataclass(frozen=True)
class TrackBranch:
    key: str
    label: dict[str, str]
    goto: str | None
    suggested_outcome: str | None
    # Taking this branch means the debtor has confirmed who they are: only steps behind such
    # a branch may name the company, the lender or the debt.
    confirms_identity: bool = False


@dataclass(frozen=True)
class TrackStep:
    id: str
    title: dict[str, str]
    lines: tuple[TrackLine, ...]
    branches: tuple[TrackBranch, ...]


@dataclass(frozen=True)
class TalkTrack:
    id: str
    version: int
    title: dict[str, str]
    applies_to: dict[str, Any]
    steps: tuple[TrackStep, ...]
    third_party: bool
    source: str = ""


@dataclass(frozen=True)
class TrackSituation:
    bucket: str
    first_contact: bool
    broken_promise: bool
    dispute: bool
    third_party: bool
    last_outcome: str | None = None


@dataclass(frozen=True)
class RenderedLine:
    text: str
    required: bool
    tag: str | None


@dataclass(frozen=True)
class RenderedStep:
    id: str
    title: str
    lines: tuple[RenderedLine, ...]
    branches: tuple[tuple[str, str, str | None, str | None], ...]  # key, label, goto, outcome


class _Checker:
    """Collects the context (file, step) so every message says where the problem is."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.step: str | None = None

    def fail(self, problem: str) -> TalkTrackError:
        where = f"{self.source}, step '{self.step}'" if self.step else self.source
        return TalkTrackError(f"{where}: {problem}")

    def texts(self, value: Any, what: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(f"{what} must be a mapping with 'zh' and 'en' texts")
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{what} has no '{lang}' text")
        extra = set(value) - set(LANGUAGES)
        if extra:
            raise self.fail(f"{what} has unknown languages: {', '.join(sorted(map(str, extra)))}")
        return {lang: value[lang].strip() for lang in LANGUAGES}

    def phrases(self, texts: dict[str, str], what: str, third_party: bool) -> None:
        for lang, text in texts.items():
            lowered = text.lower()
            for phrase in BANNED_PHRASES:
                if phrase.lower() in lowered:
                    raise self.fail(f"{what} ({lang}) contains the banned phrase '{phrase}'")
            for name in _PLACEHOLDER.findall(text):
                if name not in VARIABLES:
                    raise self.fail(
                        f"{what} ({lang}) uses unknown variable '{{{name}}}'; known: {', '.join(sorted(VARIABLES))}"
                    )
            if third_party:
                self.undisclosed(text, f"{what} ({lang})", "a third party hears it")

    def undisclosed(self, text: str, what: str, who: str) -> None:
        """A line someone other than the confirmed debtor may hear: no debt variable, and,
        read as spoken (sample values filled in), no word of the disclosure lexicon."""
        for name in _PLACEHOLDER.findall(text):
            if name in DEBT_VARIABLES:
                raise self.fail(f"{what} uses '{{{name}}}', which would disclose the debt: {who}")
        spoken = _PLACEHOLDER.sub(lambda m: _SAMPLE_VARIABLES.get(m.group(1), " "), text)
        found = disclosure_findings(spoken)
        if found:
            raise self.fail(f"{what} says '{found[0].phrase}', which discloses the debt: {who}")


def _check_applies_to(check: _Checker, value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise check.fail("'applies_to' must be a mapping of selection rules")
    unknown = set(value) - _SELECTION_KEYS
    if unknown:
        raise check.fail(
            f"'applies_to' has unknown keys {', '.join(sorted(map(str, unknown)))}; "
            f"known: {', '.join(sorted(_SELECTION_KEYS))}"
        )
    for key in ("first_contact", "broken_promise", "dispute"):
        if key in value and not isinstance(value[key], bool):
            raise check.fail(f"'applies_to.{key}' must be true or false")
    buckets = value.get("buckets")
    if buckets is not None and (not isinstance(buckets, list) or not buckets or not set(buckets) <= _BUCKETS):
        raise check.fail(f"'applies_to.buckets' must list some of {', '.join(sorted(_BUCKETS))}")
    outcomes = value.get("last_outcomes")
    if outcomes is not None:
        known = {o.value for o in Outcome}
        if not isinstance(outcomes, list) or not set(outcomes) <= known:
            raise check.fail("'applies_to.last_outcomes' must list outcome values")
    priority = value.get("priority", 0)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise check.fail("'applies_to.priority' must be an integer")
    return dict(value)


def validate_track_data(data: dict[str, Any], source: str) -> TalkTrack:
    """Check parsed track data and build the track; `source` names it in errors."""
    check = _Checker(source)
    if not isinstance(data, dict):
        raise check.fail("a track must be a mapping with id, version, title and steps")
    known_top = {"id", "version", "title", "applies_to", "third_party", "steps"}
    unknown_top = set(data) - known_top
    if unknown_top:
        raise check.fail(f"unknown top-level keys: {', '.join(sorted(map(str, unknown_top)))}")
    track_id = data.get("id")
    if not isinstance(track_id, str) or not _ID.match(track_id):
        raise check.fail("'id' must be lowercase letters, digits and underscores")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise check.fail("'version' must be a whole number, 1 or more")
    third_party = data.get("third_party", False)
    if not isinstance(third_party, bool):
        raise check.fail("'third_party' must be true or false")
    title = check.texts(data.get("title"), "title")
    check.phrases(title, "title", third_party)
    applies_to = _check_applies_to(check, data.get("applies_to"))

    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise check.fail("'steps' must be a non-empty list")
    step_ids: list[str] = []
    for raw in raw_steps:
        sid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(sid, str) or not _ID.match(sid):
            raise check.fail(f"a step has a missing or malformed id: {sid!r}")
        if sid in step_ids:
            raise check.fail(f"step id '{sid}' is used twice")
        step_ids.append(sid)

    allowed_outcomes = (
        {o.value for o in ALLOWED_OUTCOMES[Reached.THIRD_PARTY]} if third_party else {o.value for o in Outcome}
    )
    steps: list[TrackStep] = []
    tags_required: set[str] = set()
    for raw in raw_steps:
        check.step = raw["id"]
        unknown = set(raw) - {"id", "title", "lines", "branches"}
        if unknown:
            raise check.fail(f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
        step_title = check.texts(raw.get("title"), "title")
        check.phrases(step_title, "title", third_party)
        raw_lines = raw.get("lines")
        if not isinstance(raw_lines, list) or not raw_lines:
            raise check.fail("'lines' must be a non-empty list")
        lines: list[TrackLine] = []
        for n, line in enumerate(raw_lines, start=1):
            if not isinstance(line, dict):
                raise check.fail(f"line {n} must be a mapping with 'text'")
            extra = set(line) - {"text", "required", "tag"}
            if extra:
                raise check.fail(f"line {n} has unknown keys: {', '.join(sorted(map(str, extra)))}")
            text = check.texts(line.get("text"), f"line {n}")
            check.phrases(text, f"line {n}", third_party)
            required = line.get("required", False)
            if not isinstance(required, bool):
                raise check.fail(f"line {n}: 'required' must be true or false")
            tag = line.get("tag")
            if tag is not None and tag not in KNOWN_TAGS:
                raise check.fail(f"line {n}: unknown tag '{tag}'; known: {', '.join(sorted(KNOWN_TAGS))}")
            if third_party and tag == "disclosure":
                raise check.fail(f"line {n}: a third-party track must not carry the debt disclosure")
            if tag in REQUIRED_TAGS_DEBTOR and not required:
                raise check.fail(f"line {n}: a '{tag}' line must be marked required: true")
            if required and tag:
                tags_required.add(tag)
            lines.append(TrackLine(text=text, required=required, tag=tag))
        raw_branches = raw.get("branches") or []
        if not isinstance(raw_branches, list):
            raise check.fail("'branches' must be a list")
        branches: list[TrackBranch] = []
        keys: set[str] = set()
        for n, branch in enumerate(raw_branches, start=1):
            if not isinstance(branch, dict):
                raise check.fail(f"branch {n} must be a mapping")
            extra = set(branch) - {"key", "label", "goto", "suggested_outcome", "confirms_identity"}
            if extra:
                raise check.fail(f"branch {n} has unknown keys: {', '.join(sorted(map(str, extra)))}")
            key = branch.get("key")
            if not isinstance(key, str) or not _ID.match(key):
                raise check.fail(f"branch {n} has a missing or malformed key: {key!r}")
            if key in keys:
                raise check.fail(f"branch key '{key}' is used twice")
            keys.add(key)
            label = check.texts(branch.get("label"), f"branch '{key}' label")
            check.phrases(label, f"branch '{key}' label", third_party)
            goto = branch.get("goto")
            if goto is not None and goto not in step_ids:
                raise check.fail(f"branch '{key}' goes to unknown step '{goto}'")
            outcome = branch.get("suggested_outcome")
            if outcome is not None and outcome not in allowed_outcomes:
                raise check.fail(
                    f"branch '{key}' suggests outcome '{outcome}', not allowed here; "
                    f"use one of {', '.join(sorted(allowed_outcomes))}"
                )
            if goto is None and outcome is None:
                raise check.fail(f"branch '{key}' ends the call, so it needs a suggested_outcome")
            confirms = branch.get("confirms_identity", False)
            if not isinstance(confirms, bool) or (confirms and (third_party or goto is None)):
                raise check.fail(f"branch '{key}': 'confirms_identity' is true or false, only on a debtor "
                                 "track's branch that goes to a step")
            branches.append(TrackBranch(key, label, goto, outcome, confirms))
        steps.append(TrackStep(raw["id"], step_title, tuple(lines), tuple(branches)))

    check.step = None
    needed = REQUIRED_TAGS_THIRD_PARTY if third_party else REQUIRED_TAGS_DEBTOR
    missing = [tag for tag in needed if tag not in tags_required]
    if missing:
        raise check.fail(f"required lines missing: {', '.join(missing)}")
    # Steps nobody can reach are dead text a reviewer would wrongly believe is in use.
    reachable = {steps[0].id}
    frontier = [steps[0]]
    by_id = {s.id: s for s in steps}
    while frontier:
        for branch in frontier.pop().branches:
            if branch.goto and branch.goto not in reachable:
                reachable.add(branch.goto)
                frontier.append(by_id[branch.goto])
    unreachable = [s.id for s in steps if s.id not in reachable]
    if unreachable:
        raise check.fail(f"steps never reached from '{steps[0].id}': {', '.join(unreachable)}")
    before = unconfirmed_steps(steps)
    for step in steps:
        if step.id in before:
            check.step = step.id
            for n, line in enumerate(step.lines, start=1):
                for lang in LANGUAGES:
                    check.undisclosed(line.text[lang], f"line {n} ({lang})",
                                      "this step is spoken before the debtor has confirmed who they are")
        else:
            for n, line in enumerate(step.lines, start=1):
                if line.tag == "voicemail":
                    check.step = step.id
                    for lang in LANGUAGES:
                        check.undisclosed(line.text[lang], f"line {n} ({lang})", "a voicemail reaches anyone")
    check.step = None
    return TalkTrack(
        id=track_id,
        version=version,
        title=title,
        applies_to=applies_to,
        steps=tuple(steps),
        third_party=third_party,
        source=source,
    )


def unconfirmed_steps(steps: Sequence[TrackStep]) -> frozenset[str]:
    """Steps reachable from the first without a branch that confirms the debtor's identity:
    whoever answered may be anyone there (a relative, a colleague, a wrong number)."""
    if not steps:
        return frozenset()
    by_id = {s.id: s for s in steps}
    seen = {steps[0].id}
    frontier = [steps[0]]
    while frontier:
        for branch in frontier.pop().branches:
            if branch.goto and not branch.confirms_identity and branch.goto not in seen:
                seen.add(branch.goto)
                frontier.append(by_id[branch.goto])
    return frozenset(seen)


def spoken_disclosures(track: TalkTrack, variables: Mapping[str, str], lang: str) -> list[str]:
    """Lines of `track`, filled with these values, that tell a possible third party about the
    debt: every line of a third-party track, the lines before identity is confirmed, voicemails.
    Each problem reads 'step: phrase in "line"'. Empty when the track is clean for this case."""
    problems = []
    before = unconfirmed_steps(track.steps)
    for step in track.steps:
        for line in step.lines:
            if not (track.third_party or step.id in before or line.tag == "voicemail"):
                continue
            text = _fill(line.text[lang], variables, f"track '{track.id}', step '{step.id}'")
            for finding in disclosure_findings(text):
                problems.append(f"{step.id}: '{finding.phrase}' in \"{text}\"")
    return problems


def load_track_file(path: Path) -> TalkTrack:
    try:
        data = yaml_text.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TalkTrackError(f"{path}: not valid YAML: {exc}") from None
    return validate_track_data(data, str(path))


def load_tracks(directory: Path | None = None) -> list[TalkTrack]:
    """Load and check every `*.yaml` track; refuses duplicate ids or an empty folder."""
    folder = directory if directory is not None else resources_dir() / "talktracks"
    if not folder.is_dir():
        raise TalkTrackError(f"{folder}: talk-track folder not found")
    tracks: list[TalkTrack] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        track = load_track_file(path)
        if track.id in seen:
            raise TalkTrackError(f"{path}: track id '{track.id}' is also used by {seen[track.id]}")
        seen[track.id] = str(path)
        tracks.append(track)
    if not tracks:
        raise TalkTrackError(f"{folder}: no talk tracks (*.yaml) found")
    return tracks


def _matches(track: TalkTrack, situation: TrackSituation) -> bool:
    if track.third_party != situation.third_party:
        return False
    rule = track.applies_to
    if "buckets" in rule and situation.bucket not in rule["buckets"]:
        return False
    for key in ("first_contact", "broken_promise", "dispute"):
        if key in rule and rule[key] != getattr(situation, key):
            return False
    return not ("last_outcomes" in rule and situation.last_outcome not in rule["last_outcomes"])


def select_track(tracks: Sequence[TalkTrack], situation: TrackSituation) -> TalkTrack:
    """The track whose rule fits the situation most specifically.

    The highest `priority` wins (a dispute outranks every other situation), then the rule
    with the most conditions, then the id for a stable choice. A third-party situation
    only ever gets a third-party track, and vice versa, so the debt is never read to the
    wrong person by a rule mistake.
    """
    fitting = [t for t in tracks if _matches(t, situation)]
    if not fitting:
        raise TalkTrackError(
            f"no talk track fits the situation (bucket {situation.bucket}, "
            f"third party {situation.third_party}): add a track with a broader 'applies_to'"
        )

    def specificity(track: TalkTrack) -> tuple[int, int, str]:
        rule = track.applies_to
        conditions = sum(1 for key in rule if key != "priority")
        return (-int(rule.get("priority", 0)), -conditions, track.id)

    return min(fitting, key=specificity)


def _fill(text: str, variables: Mapping[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in VARIABLES:
            raise TalkTrackError(f"{where}: unknown variable '{{{name}}}'")
        if name not in variables:
            raise TalkTrackError(f"{where}: no value given for '{{{name}}}'")
        return str(variables[name])

    return _PLACEHOLDER.sub(replace, text)


def render(track: TalkTrack, variables: Mapping[str, str], lang: str = "zh") -> tuple[RenderedStep, ...]:
    """Fill the track's variables for one case in one language.

    Variables are substituted once (a value containing braces stays literal), so a
    debtor's name cannot inject text into the script.
    """
    if lang not in LANGUAGES:
        raise TalkTrackError(f"track '{track.id}': language '{lang}' not available; use zh or en")
    unknown = set(variables) - VARIABLES
    if unknown:
        raise TalkTrackError(
            f"track '{track.id}': unknown variables {', '.join(sorted(unknown))}; known: {', '.join(sorted(VARIABLES))}"
        )
    rendered: list[RenderedStep] = []
    for step in track.steps:
        where = f"track '{track.id}' v{track.version}, step '{step.id}'"
        lines = tuple(
            RenderedLine(_fill(line.text[lang], variables, where), line.required, line.tag) for line in step.lines
        )
        branches = tuple(
            (b.key, _fill(b.label[lang], variables, where), b.goto, b.suggested_outcome) for b in step.branches
        )
        rendered.append(RenderedStep(step.id, _fill(step.title[lang], variables, where), lines, branches))
    return tuple(rendered)
