"""The rubric file holds each criterion's meaning and the follow-up an interviewer asks when it is missing;
a broken one is refused with file, entry and field, and nothing half-loaded is used."""

import shutil

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.company_files import question_types
from pmprep.analysis.rubric import load_rubrics, rubrics
from pmprep.bank import SHIPPED, ContentError, Problem


def test_every_criterion_and_red_flag_carries_its_follow_up():
    r = rubrics()
    every = [*r.common, *(c for t in question_types() for c in r.by_type[t]), *r.red_flags.values()]
    assert len(every) == 53 and all(c.probe.rstrip(".?").strip() for c in every)
    assert (
        r.red_flags["denies_failure"].probe == "Take the worst moment of that project. What would you do differently?"
    )


def test_the_feedback_asks_the_follow_up_written_beside_the_criterion():
    fb = analyze(
        "Estimate the number of piano tuners in Chicago.",
        "There are probably a lot of them, I would guess "
        "quite a few because Chicago is a big city and pianos need tuning now and then by someone.",
    )
    asked = {p.criterion: p.text for p in fb.probes if p.criterion}
    for cid, text in asked.items():
        assert text == next(c.probe for c in rubrics().for_type("estimation") if c.id == cid)


def test_a_broken_rubric_file_names_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "rubrics.yaml").read_text(encoding="utf-8")
    text = text.replace(', probe: "What would you ship in the first six weeks, and what waits?"', "")
    text = text.replace("    - {id: goal_first,", "    - {id: goal_first, colour: red,")
    (folder / "rubrics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_rubrics(folder / "rubrics.yaml")
    assert set(error.value.problems) == {
        Problem("acme/rubrics.yaml", "scoped_v1", "probe", "expected non-empty text"),
        Problem("acme/rubrics.yaml", "goal_first", "colour", "is not a field of a criterion"),
    }


def test_every_part_a_judging_function_names_has_its_words_in_the_rubric_file():
    import ast
    from pathlib import Path

    import pmprep.analysis.criteria as criteria

    named = set()
    for path in Path(criteria.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "part":
                named.add(node.args[3].value)
    assert len(named) == 102 and named == set(rubrics().parts)
    assert rubrics().parts["north_star.guardrail_metric"] == (
        "no guardrail metric",
        "Add guardrails that must not get worse.",
    )


def test_a_part_fills_in_its_values_and_the_advice_reads_as_written():
    fb = analyze(
        "Estimate the number of piano tuners in Chicago.", "Chicago matters. Chicago matters. Chicago matters a lot."
    )
    concision = next(c for c in fb.criteria if c.id == "concision")
    assert (
        concision.missing[0].startswith("short for the time available (") and "aim for at least" in concision.missing[0]
    )
    assert concision.advice == rubrics().parts["concision.short"][1]
    assert analyze("Why Netflix?", "   ").notes[0] == rubrics().notes["no_answer"] == "There is no answer to analyse."
    flag = analyze(
        "Tell me about a failure.",
        "I don't really have a big failure. It was fine in the end, honestly, "
        "and everyone on the team agreed that the launch went well and that we did what we could.",
    )
    denial = next(f for f in flag.red_flags if f.id == "denies_failure")
    assert denial.advice == rubrics().red_flags["denies_failure"].advice


def test_broken_parts_and_advice_name_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "rubrics.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    guardrail_metric: {missing: 'no guardrail metric', advice: 'Add guardrails that must not get worse.'}",
        "    guardrail_metric: {missing: 'no guardrail metric', advice: '', tone: firm}",
    )
    text = text.replace("\nparts:\n", "\nparts:\n  wizardry:\n    spell: {missing: x, advice: y}\n")
    text = text.replace("  keep: 'Keep this: it is what interviewers listen for.'\n", "")
    text = text.replace(", advice: 'Own your part:", ", tip: 'Own your part:")
    text = text.replace(
        "  repeats: 'Much of the answer repeats itself", "  repeated: 'Much of the answer repeats itself"
    )
    (folder / "rubrics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_rubrics(folder / "rubrics.yaml")
    where = "acme/rubrics.yaml"
    assert set(error.value.problems) == {
        Problem(where, "parts.north_star.guardrail_metric", "advice", "expected non-empty text"),
        Problem(where, "parts.north_star.guardrail_metric", "tone", "is not a field of a part"),
        Problem(where, "parts", "wizardry", "is not a criterion of this rubric"),
        Problem(where, "advice", "keep", "expected non-empty text"),
        Problem(where, "blaming", "advice", "expected non-empty text"),
        Problem(where, "blaming", "tip", "is not a field of a criterion"),
        Problem(where, "notes", "repeats", "expected non-empty text"),
        Problem(where, "notes", "repeated", "is not a note the analyzer gives"),
    }


def test_an_estimate_with_no_numbers_worked_through_is_held_at_borderline_and_says_why():
    note = next(c for c in rubrics().by_type["estimation"] if c.id == "arithmetic").essential_note
    words = (
        "I would start with the population of the city, then think about how many households own a piano, "
        "how often a piano needs tuning, and how many pianos one tuner can look after in a working year. "
        "Multiplying those through gives the number of tuners, and I would sanity-check it against listings."
    )
    fb = analyze("Estimate the number of piano tuners in Chicago.", words)
    assert note in fb.notes and fb.score <= 35.0 and fb.level <= 2
    worked = (
        "Chicago has about 2.7 million people in 1.1 million households. Say 1 in 20 households has a piano: "
        "55,000 pianos, plus 5,000 in schools and churches, so 60,000. Each is tuned once a year, so 60,000 "
        "tunings. A tuner does 4 a day for 250 days, 1,000 a year, so 60,000 / 1,000 = 60 tuners, "
        "between 40 and 90. A directory listing of about 50 tuners fits that."
    )
    assert note not in analyze("Estimate the number of piano tuners in Chicago.", worked).notes


def test_a_technical_answer_that_names_no_mechanism_is_held_at_borderline():
    note = next(c for c in rubrics().by_type["technical"] if c.id == "concepts").essential_note
    fb = analyze(
        "How does Netflix make sure a video starts quickly?",
        (
            "I think speed matters a great deal to members, and everyone wants the video to start quickly when they "
            "press play. I would talk with the team about what matters, agree on the goals with the people involved "
            "and keep improving it over time until members are happy with how quickly it starts."
        ),
        question_type="technical",
    )
    assert note in fb.notes and fb.score <= 35.0


def test_a_broken_essential_names_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "rubrics.yaml").read_text(encoding="utf-8")
    text = text.replace("essential: {below: 0.2, note:", "essential: {below: 2, note:")
    text = text.replace("essential: {below: 0.15, note:", "essential: {under: 0.15, note:")
    (folder / "rubrics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_rubrics(folder / "rubrics.yaml")
    assert set(error.value.problems) == {
        Problem("acme/rubrics.yaml", "arithmetic", "essential.below", "expected a strength between 0 and 1"),
        Problem("acme/rubrics.yaml", "concepts", "essential", "expected a mapping with below and note"),
    }


def test_a_broken_red_flag_scope_names_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "rubrics.yaml").read_text(encoding="utf-8")
    text = text.replace("types: [product_design, strategy, metrics], min_words: 30}", "types: [design], min_words: -1}")
    text = text.replace("types: [culture], company_named: true}", "types: culture, company_named: yes please}")
    text = text.replace("types: [behavioral, culture]}", "types: [behavioral], when: always}")
    (folder / "rubrics.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_rubrics(folder / "rubrics.yaml")
    known = ", ".join(question_types())
    assert set(error.value.problems) == {
        Problem("acme/rubrics.yaml", "no_user", "types", f"'design' is not a question type (known: {known})"),
        Problem("acme/rubrics.yaml", "no_user", "min_words", "expected a whole number of words, 0 or more"),
        Problem("acme/rubrics.yaml", "generic_why_netflix", "types", "expected a list of question type ids"),
        Problem("acme/rubrics.yaml", "generic_why_netflix", "company_named", "expected true or false"),
        Problem("acme/rubrics.yaml", "denies_failure", "when", "is not a field of a criterion"),
    }


def test_where_a_red_flag_is_judged_is_the_rubric_files(tmp_path, monkeypatch):
    """Denial is judged on behavioural and culture answers as shipped; a company that judges it on
    behavioural answers only says so in its rubric file, and a culture answer no longer raises it."""
    denial = (
        "I don't really have a big failure. Things were slow because engineering missed dates, but it was "
        "fine in the end and the launch happened, so I would not call it a failure at all, honestly."
    )
    culture = "Tell me about a time you got candid feedback that was hard to hear."
    assert "denies_failure" in {f.id for f in analyze(culture, denial, question_type="culture").red_flags}
    shipped = load_rubrics(SHIPPED / "rubrics.yaml")
    assert shipped.red_flags["denies_failure"].scope.types == frozenset({"behavioral", "culture"})
    assert shipped.red_flags["no_user"].scope.applies("metrics", 29, "", "Netflix") is False
    assert shipped.red_flags["no_user"].scope.applies("metrics", 30, "", "Netflix") is True
    why = shipped.red_flags["generic_why_netflix"].scope
    assert why.applies("behavioral", 40, "Why do you want to work at Netflix?", "Netflix") is True
    assert why.applies("behavioral", 40, "Why do you want this role?", "Netflix") is False

    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder)
    text = (folder / "rubrics.yaml").read_text(encoding="utf-8")
    (folder / "rubrics.yaml").write_text(text.replace("types: [behavioral, culture]}", "types: [behavioral]}"))
    monkeypatch.setenv("PMPREP_CONTENT", str(folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    assert "denies_failure" not in {f.id for f in analyze(culture, denial, question_type="culture").red_flags}
    assert "denies_failure" in {f.id for f in analyze(culture, denial, question_type="behavioral").red_flags}
