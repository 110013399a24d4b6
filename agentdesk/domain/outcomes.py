"""Who was reached on an attempt, and what resulted.

The two are kept apart (DOMAIN.md): reaching a third party and "promise to pay" cannot go
together, and a right-party contact cannot end in "no answer". The table below is the one
place that says which pairs make sense; the note form and the server both ask it.
"""

from __future__ import annotations

from enum import StrEnum


class Reached(StrEnum):
    RIGHT_PARTY = "right_party"
    THIRD_PARTY = "third_party"
    NOBODY = "nobody"


class Outcome(StrEnum):
    PROMISE_TO_PAY = "promise_to_pay"
    CLAIMS_PAID = "claims_paid"
    DISPUTE = "dispute"
    HARDSHIP = "hardship"
    REFUSAL = "refusal"
    CALLBACK_REQUESTED = "callback_requested"
    WRONG_NUMBER = "wrong_number"
    CEASE_CONTACT = "cease_contact"
    DECEASED = "deceased"
    BANKRUPT = "bankrupt"
    MESSAGE_LEFT = "message_left"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    SWITCHED_OFF = "switched_off"
    INVALID_NUMBER = "invalid_number"
    VOICEMAIL = "voicemail"


class OutcomeError(ValueError):
    """An outcome that does not fit who was reached, or lacks what it needs."""


_NO_CONTACT = {
    Outcome.NO_ANSWER,
    Outcome.BUSY,
    Outcome.SWITCHED_OFF,
    Outcome.INVALID_NUMBER,
    Outcome.VOICEMAIL,
}

ALLOWED_OUTCOMES: dict[Reached, tuple[Outcome, ...]] = {
    Reached.RIGHT_PARTY: (
        Outcome.PROMISE_TO_PAY,
        Outcome.CLAIMS_PAID,
        Outcome.DISPUTE,
        Outcome.HARDSHIP,
        Outcome.REFUSAL,
        Outcome.CALLBACK_REQUESTED,
        Outcome.CEASE_CONTACT,
        Outcome.BANKRUPT,
    ),
    # A third party is reached only to locate the debtor or pass on a message.
    Reached.THIRD_PARTY: (
        Outcome.MESSAGE_LEFT,
        Outcome.CALLBACK_REQUESTED,
        Outcome.WRONG_NUMBER,
        Outcome.CEASE_CONTACT,
        Outcome.DECEASED,
        Outcome.REFUSAL,
    ),
    Reached.NOBODY: tuple(sorted(_NO_CONTACT, key=lambda o: o.value)),
}

# Outcomes that put the case on hold: outbound contact stops until the hold ends.
HOLD_FOR_OUTCOME: dict[Outcome, str] = {
    Outcome.DISPUTE: "dispute",
    Outcome.HARDSHIP: "hardship",
    Outcome.CEASE_CONTACT: "cease_contact",
    Outcome.DECEASED: "deceased",
    Outcome.BANKRUPT: "bankrupt",
}


def is_conversation(reached: Reached) -> bool:
    """A conversation took place (it starts the policy's wait-after-conversation clock)."""
    return reached is not Reached.NOBODY


def check_outcome(
    reached: Reached,
    outcome: Outcome,
    *,
    has_promise: bool,
    has_callback: bool,
) -> None:
    """Raise OutcomeError when the pair or its details do not fit; the message says what to fix."""
    if outcome not in ALLOWED_OUTCOMES[reached]:
        raise OutcomeError(
            f"outcome '{outcome.value}' cannot follow '{reached.value}': "
            f"choose one of {', '.join(o.value for o in ALLOWED_OUTCOMES[reached])}"
        )
    if outcome is Outcome.PROMISE_TO_PAY and not has_promise:
        raise OutcomeError("a promise to pay needs an amount and a date")
    if has_promise and outcome is not Outcome.PROMISE_TO_PAY:
        raise OutcomeError("a promise amount and date go only with the outcome 'promise to pay'")
    if outcome is Outcome.CALLBACK_REQUESTED and not has_callback:
        raise OutcomeError("a callback needs a date and time")
