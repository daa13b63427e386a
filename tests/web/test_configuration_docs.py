"""Every environment variable pmprep reads is in README's Configuration table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_variable_pmprep_reads_is_documented():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "pmprep").rglob("*.py"))
    read = set(re.findall(r"\bPMPREP_[A-Z_]+[A-Z]\b", source))
    table = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(PMPREP_[A-Z_]+)` \|", table, flags=re.M))
    assert {"PMPREP_TRUSTED_PROXY", "PMPREP_API_RATE", "PMPREP_SIGNUP_RATE"} <= read
    assert read - documented == set()
