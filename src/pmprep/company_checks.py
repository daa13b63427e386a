"""Every file of a company folder checked at once.

``bank.load_catalog`` validates the catalog's files (company, rounds, questions, primers, plan…); the
analyzer, the outreach checker, the case panel, the story bank, the debrief, the pressure drill and
interview week each read a file of their own the first time they are used. ``pmprep content check`` runs
:func:`check_files` so that a mistake in any of them is found before a page needs the file, with the same
messages (file, entry, field) the file's own reader gives. A file the folder does not have is not checked:
the shipped one serves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pmprep.analysis.calibration import _calibration_of
from pmprep.analysis.classify import _cues_of, _examples_of
from pmprep.analysis.rubric import _rubrics_of
from pmprep.analysis.shapes import _shapes_of
from pmprep.analysis.signals import _families_of
from pmprep.analysis.substance import _substance_words_of
from pmprep.bank import SHIPPED, Catalog, ContentError, Problem
from pmprep.cases.panel import _panel_of
from pmprep.debrief.rules import _rules_of as _debrief_rules_of
from pmprep.interview_week.question_rules import _rules_of as _question_rules_of
from pmprep.interview_week.questions import load_questions_to_ask
from pmprep.outreach.cues import _signal_cues_of
from pmprep.outreach.rule_content import _phrase_rules_of
from pmprep.pressure import _rules_of as _pressure_rules_of
from pmprep.stories.cues import _story_kinds_of


def _types(catalog: Catalog) -> tuple[str, ...]:
    return tuple(catalog.question_types)


def _roles(folder: Path, catalog: Catalog) -> tuple[str, ...]:
    panel = folder / "panel.yaml"
    return tuple(
        r.id for r in _panel_of(panel if panel.is_file() else SHIPPED / "panel.yaml", catalog.company.name).roles
    )


# Each file name with the reader that validates it (the reader its part uses, given the folder's catalog).
FILES: dict[str, Callable[[Path, Catalog], object]] = {
    "rubrics.yaml": lambda p, c: _rubrics_of(p, _types(c), c.company.name),
    "signal_cues.yaml": lambda p, c: _families_of(p),
    "classifier_cues.yaml": lambda p, c: _cues_of(p, _types(c)),
    "classifier_questions.yaml": lambda p, c: _examples_of(p, _types(c)),
    "shapes.yaml": lambda p, c: _shapes_of(p, _types(c)),
    "calibration.yaml": lambda p, c: _calibration_of(p),
    "substance.yaml": lambda p, c: _substance_words_of(p),
    "story_kinds.yaml": lambda p, c: _story_kinds_of(p),
    "outreach_rules.yaml": lambda p, c: _phrase_rules_of(p, c.company.name),
    "outreach_signals.yaml": lambda p, c: _signal_cues_of(p),
    "panel.yaml": lambda p, c: _panel_of(p, c.company.name),
    "debrief.yaml": lambda p, c: _debrief_rules_of(p),
    "pressure.yaml": lambda p, c: _pressure_rules_of(p),
    "questions_to_ask.yaml": lambda p, c: load_questions_to_ask(p, c, _roles(p.parent, c)),
    "questions_to_ask_rules.yaml": lambda p, c: _question_rules_of(p, c.company.name),
}


def check_files(folder: Path, catalog: Catalog) -> list[Problem]:
    """Every problem in ``folder``'s own files beyond the catalog's (``catalog`` is the folder's, loaded)."""
    problems: list[Problem] = []
    for name, read in FILES.items():
        path = folder / name
        if not path.is_file():
            continue
        try:
            read(path, catalog)
        except ContentError as exc:
            problems.extend(exc.problems)
    return problems
