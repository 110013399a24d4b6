"""Words of the strategy engine in the interface language: choices, measures, findings, errors.

One place for the lead console's strategy panels, so a promise history or a measure reads
the same everywhere. Errors from the domain (`BookError`) are worded here by their code and
field path, never by parsing their English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.domain.strategy_book import BookError

translate = QCoreApplication.translate


def promise_histories() -> dict[str, str]:
    return {
        "any": translate("StrategyTexts", "Any"),
        "none": translate("StrategyTexts", "No promise yet"),
        "pending": translate("StrategyTexts", "A promise pending"),
        "kept": translate("StrategyTexts", "Last promise kept"),
        "broken": translate("StrategyTexts", "Last promise broken"),
    }


def contactabilities() -> dict[str, str]:
    return {
        "any": translate("StrategyTexts", "Any"),
        "untried": translate("StrategyTexts", "Not called yet"),
        "reached": translate("StrategyTexts", "Debtor reached before"),
        "never_reached": translate("StrategyTexts", "Debtor never reached"),
        "no_valid_phone": translate("StrategyTexts", "No working phone of the debtor"),
    }


def placements() -> dict[str, str]:
    return {
        "any": translate("StrategyTexts", "Any"),
        "first": translate("StrategyTexts", "First placement"),
        "returned": translate("StrategyTexts", "Returned account"),
    }


def grades() -> dict[str, str]:
    return {
        "trainee": translate("StrategyTexts", "Trainee (新手)"),
        "regular": translate("StrategyTexts", "Regular (熟练)"),
        "senior": translate("StrategyTexts", "Senior (资深)"),
        "expert": translate("StrategyTexts", "Expert (专家)"),
    }


def metrics() -> dict[str, str]:
    return {
        "recovered_per_case": translate("StrategyTexts", "Recovered per case"),
        "rpc_rate": translate("StrategyTexts", "Right-party contact rate"),
        "promise_rate": translate("StrategyTexts", "Promise rate (per right-party contact)"),
        "kept_rate": translate("StrategyTexts", "Kept-promise rate"),
        "recovered_per_call_hour": translate("StrategyTexts", "Recovered per call hour"),
        "flags_per_1000_calls": translate("StrategyTexts", "Flags and stop requests per 1,000 calls"),
    }


def metrics_short() -> dict[str, str]:
    """Measure names short enough for a chart's axis."""
    return {
        "rpc_rate": translate("StrategyTexts", "Contact rate"),
        "promise_rate": translate("StrategyTexts", "Promise rate"),
        "kept_rate": translate("StrategyTexts", "Kept rate"),
    }


def findings() -> dict[str, str]:
    return {
        "better": translate("StrategyTexts", "Challenger better"),
        "worse": translate("StrategyTexts", "Challenger worse"),
        "no_difference": translate("StrategyTexts", "No clear difference"),
        "no_data": translate("StrategyTexts", "No data yet"),
    }


def sources() -> dict[str, str]:
    return {
        "new": translate("StrategyTexts", "New placement"),
        "returned": translate("StrategyTexts", "Returned"),
        "absent": translate("StrategyTexts", "Collector absent"),
    }


def arms() -> dict[str, str]:
    return {"champion": translate("StrategyTexts", "Champion"), "challenger": translate("StrategyTexts", "Challenger")}


def book_error(exc: BookError) -> str:
    """A refused book, worded by its code, naming the field."""
    field = exc.field
    p = exc.params
    if exc.code == "bad_weight":
        text = translate("StrategyTexts", "The weight %1 is outside its allowed range.").replace(
            "%1", str(p.get("weight"))
        )
    elif exc.code == "cadence_over_policy":
        text = (
            translate("StrategyTexts", "The cadence asks for %1, but the '%2' compliance preset allows at most %3.")
            .replace("%1", str(p.get("asked")))
            .replace("%2", str(p.get("policy")))
            .replace("%3", str(p.get("limit")))
        )
    elif exc.code == "no_catch_all":
        text = translate(
            "StrategyTexts",
            "The last segment must take every case: clear its conditions, or add a last 'all other cases' segment.",
        )
    elif exc.code == "unreachable":
        text = translate(
            "StrategyTexts",
            "This segment has no condition and takes every case, so the segments after it "
            "would never be used: give it a condition or move it last.",
        )
    elif exc.code == "duplicate_key":
        text = translate("StrategyTexts", "Another segment already has the key '%1'.").replace("%1", str(p.get("key")))
    elif exc.code == "duplicate_challenger":
        text = translate(
            "StrategyTexts", "The challenger key '%1' was used before; every experiment needs a new key."
        ).replace("%1", str(p.get("id")))
    elif exc.code == "third_party_track":
        text = translate(
            "StrategyTexts",
            "A third-party situation takes only a third-party talk track, and a debtor situation only a debtor track.",
        )
    elif exc.code == "unknown_track":
        text = translate("StrategyTexts", "There is no talk track '%1'.").replace("%1", str(p.get("track")))
    else:
        text = translate("StrategyTexts", "This value is not valid: %1").replace("%1", str(p.get("detail", exc)))
    return translate("StrategyTexts", "%1 — %2").replace("%1", field).replace("%2", text)


def split_list(text: str) -> list[str]:
    """A comma-separated field (ASCII or full-width commas) as a clean list."""
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]
