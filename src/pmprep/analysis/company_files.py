"""The analyzer's content files for the company served: the company folder's own, or the shipped ones.

A company folder may bring any of the analyzer's files (``rubrics.yaml``, ``signal_cues.yaml``,
``classifier_cues.yaml``, ``classifier_questions.yaml``, ``shapes.yaml``, ``substance.yaml``,
``calibration.yaml``, ``story_kinds.yaml``); each one it lacks is the shipped Netflix folder's. Its
question types are its own (``question_types.yaml``), each judged by its type's judging module. Every
file is read and checked once per path, so companies that share a file share its loaded form.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pmprep.bank import ContentError, Problem
from pmprep.config import active_catalog, content_folder


def question_types() -> tuple[str, ...]:
    """The question types of the company served, in its question_types.yaml's order."""
    return tuple(active_catalog().question_types)


Criterion = Callable[..., Any]
T = TypeVar("T")


def judges(question_type: str) -> Mapping[str, Criterion]:
    """The judging functions of ``question_type``'s criteria, by criterion id: the ``CRITERIA`` of the
    module question_types.yaml names (``judge``), or of ``pmprep.analysis.criteria.<type>``."""
    info = active_catalog().question_types.get(question_type)
    if info is None:
        raise ValueError(f"question_type {question_type!r} is not one of: {', '.join(question_types())}")
    return _criteria_of(info.judge or f"pmprep.analysis.criteria.{question_type}", question_type)


@lru_cache(maxsize=32)
def _criteria_of(module: str, question_type: str) -> Mapping[str, Criterion]:
    where = f"{content_folder().name}/question_types.yaml"
    try:
        found = getattr(importlib.import_module(module), "CRITERIA", None)
    except ImportError as exc:
        raise ContentError(
            [Problem(where, question_type, "judge", f"the module {module!r} cannot be imported ({exc})")]
        ) from None
    if not isinstance(found, Mapping) or not found or not all(callable(f) for f in found.values()):
        raise ContentError(
            [
                Problem(
                    where,
                    question_type,
                    "judge",
                    f"the module {module!r} defines no CRITERIA (criterion id: judging function)",
                )
            ]
        )
    return found


def per_company(load: Callable[[], T]) -> Callable[[], T]:
    """``load()`` worked out once for each company folder (what it derives from the company's files)."""
    cache: dict[Path, T] = {}

    def cached() -> T:
        folder = content_folder()
        if folder not in cache:
            cache[folder] = load()
        return cache[folder]

    cached.__name__, cached.__doc__ = load.__name__, load.__doc__
    return cached
