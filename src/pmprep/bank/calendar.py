"""Where today falls in a track's hiring calendar, with warnings when a window is closing or closed."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass, field

from pmprep.bank.schema import Calendar, MonthDay


@dataclass(frozen=True)
class DatedWindow:
    id: str
    name: str
    start: dt.date | None
    end: dt.date
    note: str | None
    status: str  # "upcoming", "open", "closed"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "name": self.name,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat(),
            "status": self.status,
            "note": self.note,
        }


@dataclass(frozen=True)
class CalendarPosition:
    today: dt.date
    cycle_start: dt.date
    windows: list[DatedWindow]
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # 0.0 at the cycle's start, 1.0 at its last date; for drawing "you are here".
    progress: float = 0.0

    def window(self, window_id: str) -> DatedWindow:
        return next(w for w in self.windows if w.id == window_id)

    def to_dict(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "cycle_start": self.cycle_start.isoformat(),
            "windows": [w.to_dict() for w in self.windows],
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "progress": round(self.progress, 4),
        }


def _on_or_after(md: MonthDay, after: dt.date) -> dt.date:
    """The first date with this month/day on or after ``after`` (day clamped to the month's length)."""
    for year in (after.year, after.year + 1):
        day = min(md.day, _cal.monthrange(year, md.month)[1])
        candidate = dt.date(year, md.month, day)
        if candidate >= after:
            return candidate
    raise AssertionError("unreachable: a month/day recurs within two years")


def _cycle_start(cal: Calendar, today: dt.date) -> dt.date:
    first = cal.windows[0].start or cal.windows[0].end
    this_year = dt.date(today.year, first.month, min(first.day, _cal.monthrange(today.year, first.month)[1]))
    if today >= this_year:
        return this_year
    last = today.year - 1
    return dt.date(last, first.month, min(first.day, _cal.monthrange(last, first.month)[1]))


def _fmt(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def _lay_out(cal: Calendar, start: dt.date, today: dt.date) -> list[DatedWindow]:
    windows: list[DatedWindow] = []
    for w in cal.windows:
        w_start = _on_or_after(w.start, start) if w.start else None
        w_end = _on_or_after(w.end, w_start or start)
        if today > w_end:
            status = "closed"
        elif w_start is None or today < w_start:
            # A window given only by its deadline ("offers by February") is ahead until it passes.
            status = "upcoming"
        else:
            status = "open"
        windows.append(DatedWindow(w.id, w.name, w_start, w_end, w.note, status))
    return windows


def position(cal: Calendar, today: dt.date) -> CalendarPosition:
    """Lay the calendar's windows on real dates for the cycle that concerns ``today``.

    The cycle begins on the first window's start (Aug 1 for early-in); once every window of that
    cycle has passed, the next cycle is shown instead. The first window is the application
    window: warnings are about it.
    """
    start = _cycle_start(cal, today)
    windows = _lay_out(cal, start, today)
    if all(w.status == "closed" for w in windows):
        start = _on_or_after(cal.windows[0].start or cal.windows[0].end, today)
        windows = _lay_out(cal, start, today)
    cycle_end = max(w.end for w in windows)
    span = (cycle_end - start).days or 1
    progress = min(1.0, max(0.0, (today - start).days / span))

    apply = windows[0]
    warnings: list[str] = []
    notes: list[str] = []
    days_left = (apply.end - today).days
    if apply.status == "upcoming":
        days = (apply.start - today).days if apply.start else days_left
        notes.append(
            f"The next application window opens on {_fmt(apply.start or apply.end)} "
            f"(in {days} day{'s' if days != 1 else ''}) and closes on {_fmt(apply.end)}."
        )
    elif apply.status == "closed":
        next_open = _on_or_after(cal.windows[0].start or cal.windows[0].end, apply.end + dt.timedelta(days=1))
        warnings.append(
            f"The application window closed on {_fmt(apply.end)} ({(today - apply.end).days} days ago). "
            f"Hiring is batched: the next window opens on {_fmt(next_open)}."
        )
    elif days_left <= cal.closing_soon_days:
        when = "today" if days_left == 0 else f"in {days_left} day{'s' if days_left != 1 else ''}"
        warnings.append(
            f"The application window closes {when} ({_fmt(apply.end)}). Apply before then: "
            "after it closes the odds for this cycle are close to zero."
        )
    else:
        notes.append(f"The application window is open until {_fmt(apply.end)} ({days_left} days left).")
    return CalendarPosition(today, start, windows, warnings, notes, progress)
