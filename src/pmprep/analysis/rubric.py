"""The rubric definitions (names and descriptions) shipped in the content folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pmprep.analysis.company_files import question_types
from pmprep.bank import ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.config import active_catalog, company_file


@dataclass(frozen=True)
class FlagScope:
    """Where a red flag is judged (rubrics.yaml's ``types``, ``min_words`` and ``company_named`` on a flag):
    only on answers to these question types (every type when None) or, with ``company_named``, also on a
    question that names the company; and only on answers of at least ``min_words`` words."""

    types: frozenset[str] | None = None
    min_words: int = 0
    company_named: bool = False

    def of_type(self, question_type: str) -> bool:
        return self.types is None or question_type in self.types

    def applies(self, question_type: str, words: int, question: str, company: str) -> bool:
        if words < self.min_words:
            return False
        return self.of_type(question_type) or (self.company_named and company.lower() in question.lower())


EVERYWHERE = FlagScope()


@dataclass(frozen=True)
class CriterionDef:
    id: str
    name: str
    what: str
    common: bool
    probe: str = ""  # what an interviewer asks when the answer falls short here
    advice: str = ""  # a red flag's advice (a criterion's advice is in its parts)
    # An essential criterion: below this strength the answer has not done what its type asks at all, and
    # ``essential_note`` says so (the analyzer holds it at Borderline).
    essential: float | None = None
    essential_note: str = ""
    scope: FlagScope = EVERYWHERE  # a red flag's: where it is judged


@dataclass(frozen=True)
class Rubrics:
    common: list[CriterionDef]
    by_type: dict[str, list[CriterionDef]]
    red_flags: dict[str, CriterionDef]
    levels: dict[int, str]
    anchors: dict[int, str]
    # "criterion.part" -> (what is missing, the advice) when that part of a criterion falls short
    parts: dict[str, tuple[str, str]]
    advice: dict[str, str]  # advice the analyzer gives across criteria ("keep", "unsupported"…)
    notes: dict[str, str]  # why an answer cannot be judged on its content ("no_answer", "keyword_list"…)

    def for_type(self, question_type: str) -> list[CriterionDef]:
        return self.by_type[question_type] + self.common

    @cached_property
    def praise(self) -> frozenset[str]:
        """Advice that says nothing is missing: "keep", and a part's advice when nothing is missing from it
        ("Keep this length.")."""
        return frozenset({self.advice["keep"], *(advice for missing, advice in self.parts.values() if not missing)})


def rubrics() -> Rubrics:
    """The rubric of the company served (its own rubrics.yaml, or the shipped one), for its question types and
    in its name."""
    return _rubrics_of(company_file("rubrics.yaml"), question_types(), active_catalog().company.name)


@lru_cache(maxsize=8)
def _rubrics_of(path: Path, types: tuple[str, ...], company: str) -> Rubrics:
    return load_rubrics(path, types, company)


def load_rubrics(path: Path, for_types: Sequence[str] | None = None, company: str | None = None) -> Rubrics:
    """The rubric file, refused with the file, entry and field of every problem: each criterion and red
    flag needs an id, a name, what it means and the follow-up an interviewer asks when it is missing, and
    each of ``for_types`` (by default the question types of the company served) its criteria."""
    wanted = tuple(for_types) if for_types is not None else question_types()
    named = company if company is not None else active_catalog().company.name
    where, raw = read_content_yaml(path)
    raw = _in_the_name_of(raw, named)
    problems: list[Problem] = []

    def defs(items, section: str, common: bool = False, flags: bool = False) -> list[CriterionDef]:
        fields = ("id", "name", "what", "probe", "advice") if flags else ("id", "name", "what", "probe")
        if not isinstance(items, list):
            problems.append(Problem(where, section, None, "expected a list of criteria"))
            return []
        out = []
        for n, item in enumerate(items):
            entry = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else f"{section}[{n}]"
            if not isinstance(item, dict):
                problems.append(Problem(where, entry, None, f"expected a mapping with {', '.join(fields)}"))
                continue
            bad = [f for f in fields if not isinstance(item.get(f), str) or not item[f].strip()]
            problems.extend(Problem(where, entry, f, "expected non-empty text") for f in bad)
            allowed = {*fields, "essential"} if not flags else {*fields, *SCOPE_FIELDS}
            problems.extend(
                Problem(where, entry, f, "is not a field of a criterion") for f in sorted(set(item) - allowed)
            )
            essential = _essential(item.get("essential"), entry, where, problems)
            scope = _scope(item, wanted, entry, where, problems) if flags else EVERYWHERE
            if not bad:
                out.append(
                    CriterionDef(
                        item["id"],
                        item["name"],
                        item["what"],
                        common,
                        item["probe"].strip(),
                        item.get("advice", "").strip(),
                        *essential,
                        scope=scope,
                    )
                )
        return out

    if not isinstance(raw, dict):
        raise ContentError([Problem(where, None, None, "expected a mapping with common, types and red_flags")])
    types = raw["types"] if isinstance(raw.get("types"), dict) else {}
    for t in wanted:
        if t not in types:
            problems.append(Problem(where, "types", t, "the question type has no criteria"))
    common_defs = defs(raw.get("common"), "common", common=True)
    by_type = {t: defs(types.get(t), f"types.{t}") for t in wanted}
    # Every criterion the file names, loaded or not, so that one problem is not reported twice.
    listed = [raw.get("common"), *(types.get(t) for t in wanted)]
    criteria = {i.get("id") for items in listed if isinstance(items, list) for i in items if isinstance(i, dict)}
    result = Rubrics(
        common=common_defs,
        by_type=by_type,
        red_flags={d.id: d for d in defs(raw.get("red_flags"), "red_flags", flags=True)},
        levels={int(k): v for k, v in (raw.get("levels") or {}).items()},
        anchors={int(k): v for k, v in (raw.get("anchors") or {}).items()},
        parts=_parts(raw.get("parts"), criteria, where, problems),
        advice=_texts(raw.get("advice"), "advice", ADVICE, "advice the analyzer gives", where, problems),
        notes=_texts(raw.get("notes"), "notes", NOTES, "a note the analyzer gives", where, problems),
    )
    if problems:
        raise ContentError(problems)
    return result


# The analyzer-wide advice it reads by name.
ADVICE = ("keep", "go_further", "unsupported", "generic_why_lead", "unworked_missing", "unworked")
# The gate notes it reads by name.
NOTES = ("no_answer", "not_sentences", "keyword_list", "repeats", "hollow", "unrelated", "pivot")


def _in_the_name_of(raw: object, company: str) -> object:
    """The file's texts with "{company}" as the company served."""
    if isinstance(raw, str):
        return raw.replace("{company}", company)
    if isinstance(raw, list):
        return [_in_the_name_of(item, company) for item in raw]
    if isinstance(raw, dict):
        return {key: _in_the_name_of(value, company) for key, value in raw.items()}
    return raw


SCOPE_FIELDS = ("types", "min_words", "company_named")


def _scope(item: dict, known: tuple[str, ...], entry: str, where: str, problems: list[Problem]) -> FlagScope:
    """A red flag's ``types`` (question type ids), ``min_words`` (a whole number) and ``company_named``."""
    types, min_words, named = item.get("types"), item.get("min_words", 0), item.get("company_named", False)
    before = len(problems)
    if types is not None and (not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types)):
        problems.append(Problem(where, entry, "types", "expected a list of question type ids"))
    elif types is not None:
        problems.extend(
            Problem(where, entry, "types", f"'{t}' is not a question type (known: {', '.join(known)})")
            for t in types
            if t not in known
        )
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
        problems.append(Problem(where, entry, "min_words", "expected a whole number of words, 0 or more"))
    if not isinstance(named, bool):
        problems.append(Problem(where, entry, "company_named", "expected true or false"))
    if len(problems) > before:
        return EVERYWHERE
    return FlagScope(frozenset(types) if types is not None else None, min_words, named)


def _essential(raw, entry: str, where: str, problems: list[Problem]) -> tuple[float | None, str]:
    """A criterion's ``essential: {below, note}``: the strength under which the answer has not done what its
    type asks, and the note that says so."""
    if raw is None:
        return None, ""
    below, note = (raw.get("below"), raw.get("note")) if isinstance(raw, dict) else (None, None)
    if not isinstance(raw, dict) or set(raw) != {"below", "note"}:
        problems.append(Problem(where, entry, "essential", "expected a mapping with below and note"))
    elif isinstance(below, bool) or not isinstance(below, (int, float)) or not 0 < below < 1:
        problems.append(Problem(where, entry, "essential.below", "expected a strength between 0 and 1"))
    elif not isinstance(note, str) or not note.strip():
        problems.append(Problem(where, entry, "essential.note", "expected non-empty text"))
    else:
        return float(below), note.strip()
    return None, ""


def _parts(raw, criteria: set[str | None], where: str, problems: list[Problem]) -> dict[str, tuple[str, str]]:
    """Each criterion's parts: a mapping of part name to what is missing and the advice."""
    if not isinstance(raw, dict):
        problems.append(Problem(where, "parts", None, "expected a mapping of criterion ids to their parts"))
        return {}
    out: dict[str, tuple[str, str]] = {}
    for cid, items in raw.items():
        if cid not in criteria:
            problems.append(Problem(where, "parts", str(cid), "is not a criterion of this rubric"))
            continue
        if not isinstance(items, dict) or not items:
            problems.append(
                Problem(where, f"parts.{cid}", None, "expected a mapping of part names to missing and advice")
            )
            continue
        for key, texts in items.items():
            entry = f"parts.{cid}.{key}"
            if not isinstance(texts, dict):
                problems.append(Problem(where, entry, None, "expected a mapping with missing and advice"))
                continue
            problems.extend(
                Problem(where, entry, f, "is not a field of a part") for f in sorted(set(texts) - {"missing", "advice"})
            )
            missing, advice = texts.get("missing"), texts.get("advice")
            if not isinstance(missing, str):
                problems.append(Problem(where, entry, "missing", "expected text (empty when nothing is missing)"))
            if not isinstance(advice, str) or not advice.strip():
                problems.append(Problem(where, entry, "advice", "expected non-empty text"))
            if isinstance(missing, str) and isinstance(advice, str):
                out[f"{cid}.{key}"] = (missing, advice)
    return out


def _texts(raw, section: str, names: tuple[str, ...], what: str, where: str, problems: list[Problem]) -> dict[str, str]:
    """A section of named texts: every name the analyzer reads, and no other."""
    if not isinstance(raw, dict):
        problems.append(Problem(where, section, None, f"expected a mapping with {', '.join(names)}"))
        return {}
    problems.extend(
        Problem(where, section, name, "expected non-empty text")
        for name in names
        if not isinstance(raw.get(name), str) or not raw[name].strip()
    )
    problems.extend(Problem(where, section, str(name), f"is not {what}") for name in raw if name not in names)
    return {name: text for name, text in raw.items() if isinstance(text, str)}
