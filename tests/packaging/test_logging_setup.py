"""The desktop log: rotating file in the log folder, and no personal data in any line."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from agentdesk.desktop import logging_setup
from agentdesk.desktop.logging_setup import PersonalDataFilter, scrub


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        ("debtor 张伟 did not answer", "张伟"),
        ("called 13800138000 twice", "13800138000"),
        ("called +86 138-0013-8000", "0013"),
        ("called 138 0013 8000", "0013 8000"),
        ("id 11010519491231002X on file", "11010519491231002X"),
        ("id 110105194912310021 on file", "110105194912310021"),
        ("card 6222 0212 3456 7890 123", "3456"),
        ("mail zhang.wei@example.cn", "zhang.wei"),
        ("Authorization: Bearer abc.def-ghi", "abc.def"),
        ("token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "eyJzdWIiOi"),
        ("地址 北京市朝阳区建国路 88 号", "北京市"),
    ],
)
def test_personal_data_is_masked(text: str, leaked: str) -> None:
    assert leaked not in scrub(text)


@pytest.mark.parametrize(
    "text",
    [
        "case 3f2b9c1e-1234-4cde-8f00-123456789012 synced in 120 ms",
        "pulled 1000 changes, cursor 4711, at 2026-11-29 03:05:14",
        "GET http://127.0.0.1:8765/v1/sync/pull?limit=1000 answered 200",
    ],
)
def test_ordinary_lines_are_left_alone(text: str) -> None:
    assert scrub(text) == text


@pytest.fixture
def isolated_root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_log_file_rotates_in_the_log_folder_and_holds_no_personal_data(
    agentdesk_home: Path, isolated_root_logger: logging.Logger
) -> None:
    path = logging_setup.setup_logging(console=False)
    assert path == agentdesk_home / "logs" / logging_setup.LOG_FILE_NAME
    file_handlers = [h for h in isolated_root_logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert len(file_handlers) == 1
    assert file_handlers[0].maxBytes > 0 and file_handlers[0].backupCount > 0

    log = logging.getLogger("agentdesk.test")
    log.info("wrap-up for %s at %s", "李娜", "13912345678")
    try:
        raise ValueError("server refused note for 王芳, phone 13700001111, id 11010519491231002X")
    except ValueError:
        log.exception("push failed")
    # A second setup (a re-login) replaces its handlers instead of doubling every line.
    logging_setup.setup_logging(console=False)
    log.warning("after the second setup")
    for handler in isolated_root_logger.handlers:
        handler.flush()

    text = path.read_text(encoding="utf-8")
    for secret in ("李娜", "13912345678", "王芳", "13700001111", "11010519491231002X"):
        assert secret not in text
    assert "wrap-up for <cjk> at <phone>" in text
    assert "ValueError: server refused note for <cjk>, phone <phone>, id <national-id>" in text
    assert text.count("after the second setup") == 1


def test_rotation_keeps_a_bounded_number_of_files(tmp_path: Path) -> None:
    handler = logging.handlers.RotatingFileHandler(tmp_path / "x.log", maxBytes=200, backupCount=2, encoding="utf-8")
    handler.addFilter(PersonalDataFilter())
    logger = logging.getLogger("agentdesk.rotation-test")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for n in range(50):
            logger.warning("line %d for 13800138000", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["x.log", "x.log.1", "x.log.2"]
    assert all("13800138000" not in (tmp_path / name).read_text(encoding="utf-8") for name in files)


def test_a_bad_format_string_keeps_the_line_without_its_arguments() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "value %d", ("13800138000",), None)
    assert PersonalDataFilter().filter(record)
    assert "13800138000" not in record.getMessage()
    assert "unformattable" in record.getMessage()
