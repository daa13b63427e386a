"""The shipped Netflix content holds every fact DOMAIN.md lists: deleting one fails a test here."""

from __future__ import annotations

import datetime as dt

from pmprep.bank.calendar import position


def texts(items) -> str:
    return " | ".join(items).lower()


def test_both_tracks(catalog):
    assert list(catalog.tracks) == ["early_in", "experienced"]
    early, experienced = catalog.tracks["early_in"], catalog.tracks["experienced"]
    assert early.name == "Early-in (new grad)"
    assert "associate product manager" in early.title.lower()
    assert "batched" in early.hiring.lower()
    assert experienced.name == "Experienced"
    assert "3–6 weeks" in experienced.process_length


def test_early_in_rounds_in_order_with_minutes(catalog):
    rounds = [(r.name, r.minutes, r.minutes_max) for r in catalog.rounds_for("early_in")]
    assert rounds == [
        ("Recruiter screen", 30, None),
        ("Hiring-manager behavioural interview", 45, None),
        ("Technical deep dive", 60, None),
        ("Case-study presentation", 90, None),
    ]
    assert catalog.rounds["ei_technical_deep_dive"].interviewer == "An engineering manager"
    assert "cross-functional panel" in catalog.rounds["ei_case_presentation"].interviewer.lower()


def test_experienced_rounds(catalog):
    rounds = catalog.rounds_for("experienced")
    assert [r.id for r in rounds] == [
        "ex_recruiter_screen",
        "ex_hiring_manager",
        "ex_product_team",
        "ex_cross_functional",
        "ex_case_presentation",
        "ex_technical_deep_dive",
    ]
    screen = catalog.rounds["ex_recruiter_screen"]
    assert "why netflix, why this role and why now" in texts(screen.assesses)
    assert "first culture check" in screen.format
    hm = catalog.rounds["ex_hiring_manager"]
    assert (hm.minutes, hm.minutes_max, hm.duration_label) == (45, 60, "45–60 min")
    assert texts(hm.assesses).count("strategic clarity") == 1
    assert "communication" in texts(hm.assesses) and "autonomy" in texts(hm.assesses)
    onsite = [r for r in rounds if r.stage == "onsite"]
    assert len(onsite) == 4
    assert all("4–5" in (r.duration_note or "") for r in onsite if r.id in {"ex_product_team", "ex_cross_functional"})
    assert "senior product managers" in catalog.rounds["ex_product_team"].interviewer.lower()
    assert "design, data science and engineering" in catalog.rounds["ex_cross_functional"].interviewer
    case = catalog.rounds["ex_case_presentation"]
    assert "20–30 minute presentation" in case.duration_note and "the day before" in case.duration_note
    tech = catalog.rounds["ex_technical_deep_dive"]
    assert tech.optional is True and "only for roles" in tech.duration_note.lower()


def test_early_in_calendar_dates(catalog):
    cal = catalog.calendars["early_in_cycle"]
    assert cal.track == "early_in"
    pos = position(cal, dt.date(2026, 9, 1))
    assert [(w.id, w.start, w.end) for w in pos.windows] == [
        ("applications", dt.date(2026, 8, 1), dt.date(2026, 11, 1)),
        ("interviews", dt.date(2026, 10, 1), dt.date(2027, 1, 31)),
        ("offers", None, dt.date(2027, 2, 28)),
    ]


def test_four_dimensions(catalog):
    assert {d.id: d.name for d in catalog.dimensions.values()} == {
        "technical_judgment": "Technical judgment",
        "customer_obsession": "Customer obsession",
        "scope_control": "Scope control",
        "data_literacy": "Data literacy",
    }
    assert "engineers" in catalog.dimensions["technical_judgment"].question
    assert "problem before the solution" in catalog.dimensions["customer_obsession"].question
    assert "ship fast without breaking things" in catalog.dimensions["scope_control"].question
    assert "what success looks like" in catalog.dimensions["data_literacy"].question


def test_eight_components_map_to_dimensions_and_rounds(catalog):
    assert [c.name for c in catalog.components.values()] == [
        "Job awareness",
        "Company awareness",
        "Case solving",
        "Quantitative thinking and metrics",
        "Product design and innovation",
        "Strategy and execution",
        "Cultural fit and leadership",
        "Technical fluency and experimentation",
    ]
    for c in catalog.components.values():
        assert c.dimensions and c.rounds
    assert "culture memo" in catalog.components["company_awareness"].description


def test_seven_question_types(catalog):
    assert list(catalog.question_types) == [
        "behavioral",
        "product_design",
        "strategy",
        "metrics",
        "technical",
        "estimation",
        "culture",
    ]


def test_frameworks(catalog):
    names = [f.name for f in catalog.frameworks.values()]
    assert names == [
        "STAR",
        "Why → a story of your own → what you would contribute",
        "Problem → Hypothesis → Data needs → Solution options → Trade-offs → Recommendation",
        "Problem → Goal → Options → Trade-offs → Recommendation",
        "User need → Constraints → Success metrics → Options → Trade-offs → Recommendation → Rollout",
        "The funnel",
        "Goal → North star → Drivers → Guardrails → Diagnosis → Experiment",
        "Assumptions → Structure → Arithmetic → Sanity check → Answer",
    ]
    assert [s.id for s in catalog.frameworks["funnel"].steps] == [
        "acquisition",
        "activation",
        "engagement",
        "retention",
    ]


def test_strong_answer_signals(catalog):
    strong = texts(s.text for s in catalog.signals.strong)
    for fact in [
        "restates and probes the user problem",
        "north star and guardrails",
        "before proposing features",
        "quantifies trade-offs",
        "time-boxes scope",
        "six weeks",
        "problem → hypothesis → data needs → solution options → trade-offs → recommendation",
        "thinking, trade-offs, stakeholders and lessons",
        "freedom and responsibility, context not control, candour",
        "admits limits",
    ]:
        assert fact in strong, fact


def test_weak_answer_signals(catalog):
    weak = texts(s.text for s in catalog.signals.weak)
    for fact in [
        "i work well independently",
        "i would talk to engineering",
        "this is how i always do it",
        "no user angle",
        "solutions before a problem",
        "no numbers",
        'generic "why netflix"',
    ]:
        assert fact in weak, fact


def test_what_the_committee_weighs(catalog):
    committee = texts(s.text for s in catalog.signals.committee)
    for fact in [
        "only documented, structured evidence",
        "files formal feedback",
        "informal praise",
        "does not rescue a weak case",
        "quantified trade-offs",
        "strong pedigree, weak judgment",
        "decision quality beats social proximity",
    ]:
        assert fact in committee, fact


def test_how_to_prepare(catalog):
    prep = texts(s.text for s in catalog.signals.preparation)
    for fact in [
        "80%",
        "20%",
        "culture memo more than once",
        "ads tier",
        "record them",
        "6–8 star stories",
        "ethical call",
        "90-minute slot",
        "whiteboard",
    ]:
        assert fact in prep, fact


def test_round_signals_name_the_classic_mistakes(catalog):
    weak = texts(s for r in catalog.rounds.values() for s in r.weak_signals)
    assert "i would talk to engineering" in weak
    assert "this is how i always do it" in weak
    assert "generic" in weak and "why netflix" in weak
