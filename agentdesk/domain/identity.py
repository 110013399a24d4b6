"""Who a debtor is and what a number is, whatever way a lender's file wrote them.

Compliance is owed to the **person** and the **number** (DOMAIN.md, "Everywhere"): a debtor
with loans from two lenders is one person, linked by the normalised national ID; a phone
number is one thing wherever it appears. Lenders write both in many ways (full-width
digits, "+86 138 0013 8000", a lower-case check letter, the old 15-digit ID), so every
comparison goes through the normal forms defined here, on the desk and on the server.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from datetime import date

__all__ = [
    "IdentityError",
    "id_check_digit",
    "is_mainland_mobile",
    "national_id_problem",
    "normalize_national_id",
    "normalize_phone",
    "opaque_key",
]


class IdentityError(ValueError):
    """A national ID or number that cannot be read; the message says what is wrong."""


_SEPARATORS = re.compile(r"[\s\-–—().·/\\_]+")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _ascii(text: str) -> str:
    """Full-width digits, letters and signs to ASCII (NFKC), separators removed."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", str(text)).strip())


def normalize_phone(text: str) -> str:
    """One spelling per number: mainland numbers without +86/0086, everything else as digits
    with its leading '+'. '＋８６ １３８-００１３-８０００' and '13800138000' are one number;
    a landline keeps its area code with the trunk 0 ('+86 10 6552 9988' -> '01065529988')."""
    value = _ascii(text)
    if not value:
        raise IdentityError("the phone number is empty")
    if value.startswith("00"):
        value = "+" + value[2:]
    plus = value.startswith("+")
    digits = value[1:] if plus else value
    if not digits.isdigit():
        raise IdentityError(f"'{text}' is not a phone number: only digits, spaces, dashes and a leading + may appear")
    if plus and digits.startswith("86"):
        return _mainland(digits[2:])
    if plus:
        return "+" + digits
    if len(digits) == 13 and digits.startswith("861"):  # "86" written without the plus
        return digits[2:]
    return digits


def _mainland(national: str) -> str:
    if len(national) == 11 and national.startswith("1"):
        return national  # a mobile
    return "0" + national.lstrip("0")  # a landline: area code with its trunk 0


def is_mainland_mobile(normal: str) -> bool:
    """11 digits starting 13–19: what China's numbering plan gives mobiles."""
    return len(normal) == 11 and normal[0] == "1" and normal[1] in "3456789" and normal.isdigit()


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of an 18-character resident ID."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalize_national_id(text: str) -> str:
    """The 18-character form of a resident ID: ASCII, upper-case X, old 15-digit IDs upgraded
    (century 19 inserted, check character computed), so files from different years match.
    Other documents (passports) come back as they were written, upper-cased."""
    value = _ascii(text).upper()
    if len(value) == 15 and value.isdigit():
        first17 = value[:6] + "19" + value[6:]
        return first17 + id_check_digit(first17)
    return value


def national_id_problem(normal: str, today: date | None = None) -> str | None:
    """Why an 18-character resident ID is not one (length, birth date, check character); None when fine."""
    if len(normal) != 18 or not normal[:17].isdigit() or not (normal[17].isdigit() or normal[17] == "X"):
        return "a resident ID has 18 characters: 17 digits and a digit or X"
    try:
        born = date(int(normal[6:10]), int(normal[10:12]), int(normal[12:14]))
    except ValueError:
        return f"digits 7–14 ({normal[6:14]}) are not a date of birth"
    if today is not None and born > today:
        return "the date of birth in the ID lies in the future"
    expected = id_check_digit(normal[:17])
    if normal[17] != expected:
        return f"the check character is {normal[17]}, but the first 17 digits give {expected}: a digit was mistyped"
    return None


def opaque_key(secret: str, kind: str, normal: str) -> str:
    """A stable, unguessable key for a person or a number, for documents sent to desks.

    A desk must know that two of its cases are one person, or that two contact points are
    one number, without learning the ID or the number itself: the server sends this keyed
    hash instead. `kind` keeps a person's key from ever equalling a number's.
    """
    digest = hmac.new(secret.encode(), f"{kind}:{normal}".encode(), hashlib.sha256).hexdigest()
    return digest[:24]
