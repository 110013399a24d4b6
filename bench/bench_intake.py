"""Lender files in: how fast a file is read and checked, and how fast a hostile one is refused.

Three figures, each beside its baseline measured in the same run:
- a 20,000-row placement (XLSX with a title row) read and checked by `intake.parse_cases`,
  beside openpyxl alone iterating the same sheet's values (the floor any XLSX reader pays);
- a 72 KB XLSX that unpacks to 500,000 rows, refused by `intake_table.read_table`, beside
  openpyxl's read-only open of it (which parses the whole sheet to learn its size when the
  sheet declares none: what the refusal used to cost);
- one argon2id verification at the parameters in force, beside argon2-cffi's defaults.
Run: .venv/bin/python bench/bench_intake.py [rows]
"""

from __future__ import annotations

import io
import sys
import time
from datetime import date
from pathlib import Path

from argon2 import PasswordHasher
from openpyxl import load_workbook

from agentdesk.server import auth, intake, intake_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the lender-file builders the tests use

from tests.support.lender_files import expanding_xlsx, resident_id, xlsx  # noqa: E402


def timed(work: object) -> float:
    start = time.monotonic()
    work()  # type: ignore[operator]
    return time.monotonic() - start


def main(rows: int = 20_000) -> None:
    header = ["借款合同号", "客户姓名", "证件号码", "手机号码", "逾期总额(元)", "逾期天数", "应还款日"]
    data = xlsx([header] + [[f"B-{i:07d}", f"客户{i}", resident_id(i), f"139{i:08d}", "12,345.60", 45, "2026/11/05"]
                            for i in range(rows)], title="委外清单", merge_title=True)

    def openpyxl_only() -> None:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for _ in book.worksheets[0].iter_rows(values_only=True):
            pass
        book.close()

    def check() -> None:
        parsed = intake.parse_cases(data, "p.xlsx", date(2026, 12, 1))
        assert len(parsed.good) == rows, parsed.problems[:3]

    print(f"placement of {rows:,} rows ({len(data) / 1e6:.1f} MB): parse and check {timed(check):.2f} s"
          f"; openpyxl reading the values alone {timed(openpyxl_only):.2f} s")

    bomb = expanding_xlsx(500_000)

    def refuse() -> None:
        try:
            intake_table.read_table(bomb, "b.xlsx", intake_table.columns().cases)
        except intake_table.IntakeError:
            return
        raise AssertionError("not refused")

    def openpyxl_open() -> None:
        load_workbook(io.BytesIO(bomb), read_only=True).close()

    print(f"{len(bomb) / 1e3:.0f} KB XLSX unpacking to 500,000 rows: refused in {timed(refuse):.2f} s"
          f"; openpyxl's read-only open alone {timed(openpyxl_open):.2f} s")

    ours, default = auth.hash_password("demo"), PasswordHasher().hash("demo")
    mine = timed(lambda: auth._verify_password(ours, "demo")) * 1000
    theirs = timed(lambda: PasswordHasher().verify(default, "demo")) * 1000
    cost = auth.PASSWORD_COST
    params = f"m={cost['memory_cost']},t={cost['time_cost']},p={cost['parallelism']}"
    print(f"argon2id verify ({params}): {mine:.0f} ms; argon2-cffi default (m=65536,t=3,p=4): {theirs:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
