"""Masking of personal data where the task does not need all of it.

An agent recognises a number by its tail and a debtor by name and birth year; the full
national ID or phone number is revealed only on purpose, and each reveal is audited.
"""

from __future__ import annotations


def mask_phone(number: str) -> str:
    """13812345678 -> 138****5678; short or odd values keep only their last two characters."""
    digits = number.strip()
    if len(digits) >= 7:
        return digits[:3] + "****" + digits[-4:]
    return "*" * max(0, len(digits) - 2) + digits[-2:]


def mask_national_id(value: str) -> str:
    """110105199003071234 -> 110***********1234: region prefix and check digits only."""
    text = value.strip()
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


def mask_address(value: str, keep: int = 6) -> str:
    """Keep the province/city part an agent needs to place the debtor; hide the street."""
    text = value.strip()
    return text[:keep] + "…" if len(text) > keep else text
