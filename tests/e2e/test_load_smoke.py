"""A small, bounded run of benchmarks/load.py against a real server: every step of every user succeeds."""

from __future__ import annotations

from benchmarks.load import run


def test_three_users_complete_a_drill_each_without_errors(served):
    report = run(served.url, users=3, iterations=1, think=0, prefix="smoke")
    assert report.examples == [] and report.error_count == 0
    counts = {step: len(times) for step, times in report.timings.items() if step != "health"}
    assert counts == {"login": 3, "drill": 3, "autosave": 9, "submit": 3, "feedback": 3, "dashboard": 3, "history": 3}
