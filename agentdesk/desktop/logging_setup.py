"""The desktop's log: a rotating file in the per-user log folder, with personal data masked.

Agents' desktops hold debtors' names, phone numbers and national ID numbers, and log files
leave the desk (attached to tickets, copied by IT), so no log line may carry them. The
code logs ids, not people; `PersonalDataFilter` is the safety net for the line that slips
through (an exception message quoting a server answer, a third-party library's debug
line). It masks, by pattern:

- 18-character PRC resident ID numbers (17 digits and a digit or X);
- 11-digit mobile numbers (optionally +86 and spaces or dashes), and other long digit
  runs such as bank card numbers;
- e-mail addresses and bearer tokens / JWTs;
- every run of CJK characters: log messages are written in English, so Chinese text in a
  log line came from data, and in this program that means names, addresses or notes.

Latin-script names cannot be recognised by a pattern; that is why the rule for code stays
"log the case id, never the debtor". The same `scrub()` cleans crash reports (crash.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from agentdesk import paths

LOG_FILE_NAME = "desktop.log"
MAX_BYTES = 2 * 1024 * 1024  # a few days of an agent's work per file
BACKUP_COUNT = 5  # at most ~12 MB on the desk, old files rotate away
LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

# Ordered: the most specific patterns first, so an ID number is not half-eaten as a phone.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # JWTs (three base64url parts) and "Bearer x": tokens open accounts, not only people.
    (re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]+"), "<token>"),
    (re.compile(r"(?i)\b(bearer)\s+[\w.~+/=-]+"), r"\1 <token>"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "<email>"),
    # PRC resident identity number: 6-digit area, 8-digit birth date, 3 digits, check digit.
    (re.compile(r"(?<![\w])\d{17}[\dXx](?![\w])"), "<national-id>"),
    # Mobile numbers: 1 + 10 digits, optionally +86 / 0086 and separators (138 0013 8000).
    (re.compile(r"(?<![\w+])(?:(?:\+|00)86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}(?![\w])"), "<phone>"),
    # Any other run of 11+ digits (landlines with area code, bank cards, IDs of other forms).
    (re.compile(r"(?<![\w-])\d(?:[ -]?\d){10,}(?![\w])"), "<number>"),
    # CJK ideographs (and full-width forms mixed in): names, addresses, notes.
    (
        re.compile(
            r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
            r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u00b7\u30fb]*"
        ),
        "<cjk>",
    ),
)


def scrub(text: str) -> str:
    """`text` with every pattern of personal data replaced by a placeholder."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record's message and traceback before any handler sees it.

    The record is rewritten in place (message rendered with its arguments, traceback
    rendered to text), so every handler it reaches next - file, console - gets the clean
    version. It never drops a record: a masked line is still a line someone may need.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_agentdesk_scrubbed", False):
            return True
        try:
            message = record.getMessage()
        except Exception as exc:  # a bad %-format must not lose the line or leak its args
            message = f"{record.msg!s} (unformattable log arguments: {type(exc).__name__})"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info:
            record.exc_text = scrub(self._formatter.formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record._agentdesk_scrubbed = True
        return True


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, *, console: bool = True) -> Path:
    """Send the program's log to the rotating file (and the console when there is one).

    Idempotent: a second call replaces the handlers it installed, it does not double them.
    Returns the log file's path. A windowed Windows build has no stderr (it is None), so
    the console handler is only added when a stream exists.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_agentdesk", False):
            root.removeHandler(handler)
            handler.close()
    path = log_file()
    scrubber = PersonalDataFilter()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    ]
    if console and sys.stderr is not None:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.addFilter(scrubber)
        handler.setFormatter(formatter)
        handler._agentdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request at INFO; the sync engine already says what matters.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The embedded demo server migrates its database at start; its step-by-step log is noise here.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return path
