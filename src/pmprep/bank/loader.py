"""Read a content folder (YAML and Markdown), validate it, and build a :class:`Catalog`.

A *company folder* holds everything (company.yaml, tracks, rounds, …). An *overlay folder* holds
only ``questions/`` and/or ``primers/`` and is validated against a base catalog, so a coach can add
questions by dropping a file in place. Nothing is half-loaded: either every file is valid and a new
catalog is returned, or :class:`ContentError` lists every problem and nothing changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pmprep.bank.errors import ContentError, Problem
from pmprep.bank.model import Catalog
from pmprep.bank.schema import (
    Calendar,
    CaseRule,
    CommitteePolicy,
    Company,
    Component,
    CriterionCompetencies,
    CultureReading,
    Dimension,
    Framework,
    Industry,
    Primer,
    PrimerMeta,
    Question,
    QuestionTypeInfo,
    ResearchTopic,
    Round,
    SignalLists,
    StoryTask,
    StrongAnswer,
    Theme,
    Track,
)

M = TypeVar("M", bound=BaseModel)

SHIPPED = Path(__file__).resolve().parent.parent / "content" / "netflix"

# libyaml's parser (bundled in PyYAML's wheels) is several times faster; same results, same errors.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# file name -> (top-level key, model)
COMPANY_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "tracks.yaml": ("tracks", Track),
    "rounds.yaml": ("rounds", Round),
    "calendar.yaml": ("calendars", Calendar),
    "frameworks.yaml": ("frameworks", Framework),
    "question_types.yaml": ("question_types", QuestionTypeInfo),
    "themes.yaml": ("themes", Theme),
}


_UNREAD = object()  # ``entries`` reads the file itself


class _Reader:
    """Collects problems while reading files so that every one is reported at once."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def problem(self, path: Path, entry: str | None, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.rel(path), entry, field, message))

    def problems_in(self, path: Path) -> list[Problem]:
        return [p for p in self.problems if p.file == self.rel(path)]

    def yaml_file(self, path: Path) -> Any:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problem(path, None, None, "is not UTF-8 text")
            return None
        except OSError as exc:
            self.problem(path, None, None, f"cannot be read ({exc.strerror})")
            return None
        try:
            return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            reason = getattr(exc, "problem", None) or str(exc)
            self.problem(path, None, None, f"is not valid YAML{where}: {reason}")
            return None

    def entries(
        self, path: Path, key: str, model: type[M], *, data: Any = _UNREAD, id_field: str = "id"
    ) -> list[tuple[M, Path]]:
        """The entries of the ``key:`` list in ``path`` (or in ``data``, the file already read), each
        named in problems by its ``id_field``."""
        if data is _UNREAD:
            data = self.yaml_file(path)
        if data is None:
            return []
        if not isinstance(data, dict) or key not in data:
            self.problem(path, None, key, f"the file must be a mapping with a '{key}:' list")
            return []
        items = data[key]
        if not isinstance(items, list):
            self.problem(path, None, key, f"expected a list, got {_kind(items)}")
            return []
        return [
            (m, path) for m in (self.one(path, i, raw, model, id_field=id_field) for i, raw in enumerate(items)) if m
        ]

    def one(
        self, path: Path, index: int, raw: Any, model: type[M], entry: str | None = None, *, id_field: str = "id"
    ) -> M | None:
        if entry is None:
            named = isinstance(raw, dict) and isinstance(raw.get(id_field), str)
            entry = str(raw[id_field]) if named else f"#{index + 1}"
        if not isinstance(raw, dict):
            self.problem(path, entry, None, f"expected a mapping of fields, got {_kind(raw)}")
            return None
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(p) for p in err["loc"]) or None
                self.problem(path, entry, field, _message(err))
            return None


def _kind(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def _message(err: Mapping[str, Any]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    got = err.get("input")
    shown = repr(got) if not isinstance(got, (dict, list)) else _kind(got)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return f"{msg[0].lower()}{msg[1:]} (got {shown})"


def _split_front_matter(text: str) -> tuple[str | None, str]:
    if not text.startswith("---"):
        return None, text
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        return None, text
    head = parts[0][3:]
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return head, body


def _read_primers(reader: _Reader, folder: Path) -> list[tuple[Primer, Path]]:
    out: list[tuple[Primer, Path]] = []
    for path in sorted(folder.glob("*.md")):
        entry = path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            reader.problem(path, entry, None, "is not UTF-8 text")
            continue
        head, body = _split_front_matter(text)
        if head is None:
            reader.problem(path, entry, None, "must start with a '---' front-matter block (title, summary)")
            continue
        try:
            raw = yaml.load(head, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            reader.problem(path, entry, None, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")
            continue
        meta = reader.one(path, 0, raw, PrimerMeta, entry=entry)
        if meta is None:
            continue
        if not body.strip():
            reader.problem(path, entry, "body", "the primer has no text after its front matter")
            continue
        out.append((Primer(id=entry, body=body.strip() + "\n", **meta.model_dump()), path))
    return out


def _read_committee(reader: _Reader, path: Path, parts: dict[str, list[tuple[Any, Path]]]) -> None:
    """committee.yaml: the ``case_rule`` and one policy per track (named in problems by its track)."""
    parts["committee"], parts["case_rule"] = [], []
    if not path.exists():
        reader.problem(path, None, None, "is missing from the company folder")
        return
    raw = reader.yaml_file(path)
    if raw is None:
        return
    parts["committee"] = reader.entries(path, "tracks", CommitteePolicy, data=raw, id_field="track")
    if isinstance(raw, dict) and "case_rule" not in raw:
        reader.problem(path, None, "case_rule", "is required but missing")
    elif isinstance(raw, dict):
        rule = reader.one(path, 0, raw["case_rule"], CaseRule, entry="case_rule")
        parts["case_rule"] = [(rule, path)] if rule else []


def _read_plan(reader: _Reader, path: Path, parts: dict[str, list[tuple[Any, Path]]]) -> int | None:
    """plan.yaml: the stories and research topics, and how many stories make the core vault."""
    parts["stories"], parts["research"] = [], []
    if not path.exists():
        reader.problem(path, None, None, "is missing from the company folder")
        return None
    raw = reader.yaml_file(path)
    if raw is None:
        return None
    parts["stories"] = reader.entries(path, "stories", StoryTask, data=raw)
    parts["research"] = reader.entries(path, "research", ResearchTopic, data=raw)
    if not isinstance(raw, dict):
        return None
    if raw.get("culture_reading") is not None:
        culture = reader.one(path, 0, raw["culture_reading"], CultureReading, entry="culture_reading")
        parts["culture"] = [(culture, path)] if culture else []
    for key, what in (("stories", "story"), ("research", "research topic")):
        if isinstance(raw.get(key), list) and not raw[key]:
            reader.problem(path, None, key, f"needs at least one {what}")
    core, stories = raw.get("core_stories"), len(parts["stories"])
    if "core_stories" not in raw:
        reader.problem(path, None, "core_stories", "is required but missing")
    elif not isinstance(core, int) or isinstance(core, bool) or core < 1 or (stories and core > stories):
        reader.problem(
            path,
            None,
            "core_stories",
            f"must be a whole number from 1 to the number of stories ({stories}), got {core!r}",
        )
    else:
        return core
    return None


def _rubric_criteria(reader: _Reader, folder: Path) -> tuple[str, set[str]] | None:
    """The criterion ids of the rubric the analyzer judges this folder's answers by: the folder's own
    rubrics.yaml, else the shipped one. Only the ids are read here; the analyzer validates the rest."""
    path = folder / "rubrics.yaml"
    if not path.exists():
        path = SHIPPED / "rubrics.yaml"
    raw = reader.yaml_file(path)
    if not isinstance(raw, dict):
        return None
    lists = [raw.get("common"), *(raw["types"].values() if isinstance(raw.get("types"), dict) else ())]
    ids = {
        c["id"]
        for criteria in lists
        if isinstance(criteria, list)
        for c in criteria
        if isinstance(c, dict) and isinstance(c.get("id"), str)
    }
    return path.name, ids


def _duplicates(reader: _Reader, items: Iterable[tuple[BaseModel, Path]], what: str) -> None:
    seen: dict[str, Path] = {}
    for item, path in items:
        key = item.id  # type: ignore[attr-defined]
        if key in seen:
            reader.problem(path, key, "id", f"duplicate {what} id (also in {reader.rel(seen[key])})")
        else:
            seen[key] = path


def load_catalog(folder: Path | str, *, base: Catalog | None = None) -> Catalog:
    """Load and validate a company folder, or an overlay folder on top of ``base``.

    Raises :class:`ContentError` listing every problem; returns a new catalog otherwise.
    """
    folder = Path(folder)
    reader = _Reader(folder)
    if not folder.is_dir():
        raise ContentError([Problem(str(folder), None, None, "is not a folder")])

    company_file = folder / "company.yaml"
    is_company = company_file.exists()
    if not is_company and base is None:
        raise ContentError(
            [
                Problem(
                    reader.rel(company_file),
                    None,
                    None,
                    "is missing: a company folder needs company.yaml (an overlay of questions needs a base catalog)",
                )
            ]
        )

    parts: dict[str, list[tuple[Any, Path]]] = {}
    core_stories = base.core_stories if base else None
    company: Company | None = base.company if base else None
    dimensions: list[tuple[Dimension, Path]] = []
    components: list[tuple[Component, Path]] = []
    signals = base.signals if base else SignalLists()
    if is_company:
        raw = reader.yaml_file(company_file)
        if raw is not None:
            company = reader.one(company_file, 0, raw, Company, entry="company")
        for name, (key, model) in COMPANY_FILES.items():
            path = folder / name
            if not path.exists():
                reader.problem(path, None, None, "is missing from the company folder")
                parts[key] = []
            else:
                parts[key] = reader.entries(path, key, model)
        comp_path = folder / "competencies.yaml"
        if comp_path.exists():
            raw = reader.yaml_file(comp_path)
            dimensions = reader.entries(comp_path, "dimensions", Dimension, data=raw)
            components = reader.entries(comp_path, "components", Component, data=raw)
            parts["criteria"] = reader.entries(comp_path, "criteria", CriterionCompetencies, data=raw)
        else:
            reader.problem(comp_path, None, None, "is missing from the company folder")
        _read_committee(reader, folder / "committee.yaml", parts)
        core_stories = _read_plan(reader, folder / "plan.yaml", parts)
        sig_path = folder / "signals.yaml"
        if sig_path.exists():
            raw = reader.yaml_file(sig_path)
            if raw is not None:
                signals = reader.one(sig_path, 0, raw, SignalLists, entry="signals") or signals

    questions: list[tuple[Question, Path]] = []
    qdir = folder / "questions"
    for path in sorted(qdir.glob("*.yaml")) + sorted(qdir.glob("*.yml")):
        questions.extend(reader.entries(path, "questions", Question))
    primers = _read_primers(reader, folder / "primers")
    strong: list[tuple[StrongAnswer, Path]] = []
    sdir = folder / "strong_answers"
    for path in sorted(sdir.glob("*.yaml")) + sorted(sdir.glob("*.yml")):
        strong.extend(reader.entries(path, "strong_answers", StrongAnswer))
    if not is_company and not questions and not primers:
        reader.problem(
            folder / "questions", None, None, "an overlay folder needs questions/*.yaml or primers/*.md files"
        )

    if base is not None and not is_company:

        def keep(items: Iterable[Any]) -> list[tuple[Any, Path]]:
            return [(item, Path(base.sources.get(item.id, "shipped content"))) for item in items]

        parts = {
            "tracks": keep(base.tracks.values()),
            "rounds": keep(base.rounds.values()),
            "calendars": keep(base.calendars.values()),
            "frameworks": keep(base.frameworks.values()),
            "question_types": [(t, Path("shipped")) for t in base.question_types.values()],
            "themes": keep(base.themes.values()),
            "committee": [(c, Path("shipped content")) for c in base.committee.values()],
            "case_rule": [(base.case_rule, Path("shipped content"))],
            "criteria": [
                (CriterionCompetencies(id=c, competencies=list(to)), Path("shipped content"))
                for c, to in base.criterion_competencies.items()
            ],
            "stories": keep(base.story_tasks.values()),
            "research": keep(base.research_topics),
            "culture": [(base.culture_reading, Path("shipped content"))] if base.culture_reading else [],
        }
        dimensions = keep(base.dimensions.values())
        components = keep(base.components.values())
        questions = keep(base.questions.values()) + questions
        primers = keep(base.primers.values()) + primers
        strong = [(a, Path("shipped content")) for a in base.strong_answers.values()] + strong

    for key, what in (
        ("tracks", "track"),
        ("rounds", "round"),
        ("calendars", "calendar"),
        ("frameworks", "framework"),
        ("themes", "theme"),
        ("criteria", "criterion"),
        ("stories", "story"),
        ("research", "research topic"),
    ):
        _duplicates(reader, parts.get(key, []), what)
    _duplicates(reader, [*dimensions, *components], "competency")
    _duplicates(reader, questions, "question")
    _duplicates(reader, primers, "primer")
    seen_answers: dict[str, Path] = {}
    for answer, path in strong:
        if answer.question_id in seen_answers:
            reader.problem(
                path,
                answer.question_id,
                "question_id",
                f"the question already has a strong answer (in {reader.rel(seen_answers[answer.question_id])})",
            )
        seen_answers.setdefault(answer.question_id, path)

    catalog = Catalog(
        company=company
        or Company(
            id="unknown",
            name="Unknown",
            summary="(company.yaml did not load)",
            industry=Industry(name="its industry", words=["industry"], follow="its competitors"),
        ),
        tracks={t.id: t for t, _ in parts.get("tracks", [])},
        rounds={r.id: r for r, _ in sorted(parts.get("rounds", []), key=lambda rp: (rp[0].track, rp[0].order))},
        calendars={c.id: c for c, _ in parts.get("calendars", [])},
        dimensions={d.id: d for d, _ in dimensions},
        components={c.id: c for c, _ in components},
        frameworks={f.id: f for f, _ in parts.get("frameworks", [])},
        question_types={t.id: t for t, _ in parts.get("question_types", [])},
        themes={t.id: t for t, _ in parts.get("themes", [])},
        signals=signals,
        committee={p.track: p for p, _ in parts.get("committee", [])},
        # Stand-ins when the file did not load: its problems stop the load below.
        case_rule=next((r for r, _ in parts.get("case_rule", [])), CaseRule(competency="none")),
        criterion_competencies={c.id: tuple(c.competencies) for c, _ in parts.get("criteria", [])},
        story_tasks={t.id: t for t, _ in parts.get("stories", [])},
        core_stories=core_stories or 1,
        research_topics=tuple(t for t, _ in parts.get("research", [])),
        culture_reading=next((c for c, _ in parts.get("culture", [])), None),
        questions={q.id: q for q, _ in questions},
        primers={p.id: p for p, _ in sorted(primers, key=lambda pp: (pp[0].order, pp[0].title))},
        sources={item.id: reader.rel(path) for item, path in questions + primers},
        strong_answers={a.question_id: a for a, _ in strong},
    )
    _check_references(reader, catalog, questions, primers, parts, components, strong)
    _check_policy(reader, catalog, parts, folder if is_company else None)
    if reader.problems:
        raise ContentError(reader.problems)
    return catalog


def _unknown(
    reader: _Reader, path: Path, entry: str, field: str, ids: Iterable[str], known: Collection[str], what: str
) -> None:
    for ref in ids:
        if ref not in known:
            # A short list of choices is worth naming ("expected one of behavioral, culture…").
            listed = f" (expected one of {', '.join(repr(k) for k in known)})" if what == "question type" else ""
            reader.problem(path, entry, field, f"unknown {what} id '{ref}'{listed}")


def _check_references(
    reader: _Reader,
    cat: Catalog,
    questions: list[tuple[Question, Path]],
    primers: list[tuple[Primer, Path]],
    parts: dict[str, list[tuple[Any, Path]]],
    components: list[tuple[Component, Path]],
    strong: list[tuple[StrongAnswer, Path]],
) -> None:
    def unknown(path: Path, entry: str, field: str, ids: Iterable[str], known: Collection[str], what: str) -> None:
        _unknown(reader, path, entry, field, ids, known, what)

    competencies = {**cat.dimensions, **cat.components}
    for track, path in parts.get("tracks", []):
        if track.calendar:
            unknown(path, track.id, "calendar", [track.calendar], cat.calendars, "calendar")
    for cal, path in parts.get("calendars", []):
        unknown(path, cal.id, "track", [cal.track], cat.tracks, "track")
    for rnd, path in parts.get("rounds", []):
        unknown(path, rnd.id, "track", [rnd.track], cat.tracks, "track")
        unknown(path, rnd.id, "question_types", rnd.question_types, cat.question_types, "question type")
        unknown(path, rnd.id, "competencies", rnd.competencies, competencies, "competency")
        if rnd.minutes_max is not None and rnd.minutes_max < rnd.minutes:
            reader.problem(path, rnd.id, "minutes_max", f"must not be less than minutes ({rnd.minutes})")
    for qt, path in parts.get("question_types", []):
        unknown(path, qt.id, "framework", [qt.framework], cat.frameworks, "framework")
        unknown(path, qt.id, "competencies", qt.competencies, competencies, "competency")
    for comp, path in components:
        unknown(path, comp.id, "dimensions", comp.dimensions, cat.dimensions, "dimension")
        unknown(path, comp.id, "rounds", comp.rounds, cat.rounds, "round")
    for q, path in questions:
        unknown(path, q.id, "type", [q.type], cat.question_types, "question type")
        unknown(path, q.id, "tracks", q.tracks, cat.tracks, "track")
        unknown(path, q.id, "rounds", q.rounds, cat.rounds, "round")
        unknown(path, q.id, "competencies", q.competencies, competencies, "competency")
        unknown(path, q.id, "themes", q.themes, cat.themes, "theme")
        unknown(path, q.id, "primers", q.primers, cat.primers, "primer")
        for rid in q.rounds:
            rnd = cat.rounds.get(rid)
            if rnd and rnd.track not in q.tracks:
                reader.problem(
                    path,
                    q.id,
                    "rounds",
                    f"round '{rid}' belongs to track '{rnd.track}', which the question's tracks do not list",
                )
    for p, path in primers:
        unknown(path, p.id, "rounds", p.rounds, cat.rounds, "round")
        unknown(path, p.id, "competencies", p.competencies, competencies, "competency")
    for answer, path in strong:
        unknown(path, answer.question_id, "question_id", [answer.question_id], cat.questions, "question")


def _check_policy(
    reader: _Reader, cat: Catalog, parts: dict[str, list[tuple[Any, Path]]], company_folder: Path | None
) -> None:
    """The committee's policy, the criterion-to-competency map and the plan's content against the rest
    of the catalog; for a company folder, the map and the case rule's criteria against its rubric too."""
    competencies = {**cat.dimensions, **cat.components}
    rubric = _rubric_criteria(reader, company_folder) if company_folder else None

    def unknown(path: Path, entry: str, field: str, ids: Iterable[str], known: Collection[str], what: str) -> None:
        _unknown(reader, path, entry, field, ids, known, what)

    seen: set[str] = set()
    for policy, path in parts.get("committee", []):
        track = policy.track
        if track in seen:
            reader.problem(path, track, "track", "the track already has a committee policy")
        seen.add(track)
        unknown(path, track, "track", [track], cat.tracks, "track")
        unknown(path, track, "must_pass", policy.must_pass, competencies, "competency")
        unknown(path, track, "required_rounds", policy.required_rounds, cat.rounds, "round")
        for rid in policy.required_rounds:
            rnd = cat.rounds.get(rid)
            if rnd and track in cat.tracks and rnd.track != track:
                reader.problem(
                    path, track, "required_rounds", f"round '{rid}' belongs to track '{rnd.track}', not '{track}'"
                )
        if policy.hire_bar < policy.pass_bar:
            reader.problem(path, track, "hire_bar", f"must not be below pass_bar ({policy.pass_bar})")
        if policy.strong_bar < policy.hire_bar:
            reader.problem(path, track, "strong_bar", f"must not be below hire_bar ({policy.hire_bar})")
    committee_file = company_folder / "committee.yaml" if company_folder else None
    # Only once the file reads cleanly: a track whose policy has a problem is not also "missing".
    if committee_file and committee_file.exists() and not reader.problems_in(committee_file):
        for track in cat.tracks:
            if track not in seen:
                reader.problem(committee_file, None, "tracks", f"track '{track}' has no committee policy")
    for rule, path in parts.get("case_rule", []):
        unknown(path, "case_rule", "competency", [rule.competency], competencies, "competency")
        if rubric is not None:
            unknown(path, "case_rule", "trade_off_criteria", rule.trade_off_criteria, rubric[1], "rubric criterion")

    criteria = parts.get("criteria", [])
    for entry, path in criteria:
        unknown(path, entry.id, "competencies", entry.competencies, competencies, "competency")
        if rubric is not None:
            unknown(path, entry.id, "id", [entry.id], rubric[1], "rubric criterion")
    map_file = company_folder / "competencies.yaml" if company_folder else None
    # Not when the criteria list itself is broken: its problem says so once.
    if (
        rubric is not None
        and map_file
        and not any(p.entry is None and p.field == "criteria" for p in reader.problems_in(map_file))
    ):
        for missing in sorted(rubric[1] - {c.id for c, _ in criteria}):
            reader.problem(
                map_file,
                None,
                "criteria",
                f"{rubric[0]} criterion '{missing}' is not mapped: give it "
                "an entry listing the competencies it is evidence for ([] for none)",
            )

    for story, path in parts.get("stories", []):
        unknown(path, story.id, "competency", [story.competency], competencies, "competency")
