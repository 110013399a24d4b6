"""Money as integer minor units with a currency code; never float."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOLS = {"CNY": "¥", "USD": "$"}
_AMOUNT = re.compile(r"^\s*[¥$]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$")


class MoneyFormatError(ValueError):
    """Text that is not an amount such as 1500 or 1,500.00."""


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: str = "CNY"

    @classmethod
    def parse(cls, text: str, currency: str = "CNY") -> Money:
        """Read what an agent types ("1500", "1,500.5", "¥1,500.00") without float rounding."""
        match = _AMOUNT.match(text)
        if not match:
            raise MoneyFormatError(f"'{text}' is not an amount: write it like 1500 or 1,500.00")
        units = int(match.group(1).replace(",", ""))
        cents = int((match.group(2) or "0").ljust(2, "0"))
        return cls(units * 100 + cents, currency)

    def format(self, symbol: bool = True) -> str:
        sign = "-" if self.minor < 0 else ""
        units, cents = divmod(abs(self.minor), 100)
        prefix = _SYMBOLS.get(self.currency, self.currency + " ") if symbol else ""
        return f"{sign}{prefix}{units:,}.{cents:02d}"

    def __str__(self) -> str:
        return self.format()


def bucket_for(days_past_due: int) -> str:
    """Delinquency bucket from days past due (DOMAIN.md): M1 1–30, M2 31–60, M3 61–90, M4+."""
    if days_past_due <= 0:
        return "M0"
    if days_past_due <= 30:
        return "M1"
    if days_past_due <= 60:
        return "M2"
    if days_past_due <= 90:
        return "M3"
    return "M4+"
