"""The STAR story bank core: stories, feedback mapped to fields, kinds, coverage, suggestions, recall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmprep.bank import ContentError, load_catalog
from pmprep.cue_words import compile_cues
from pmprep.stories import (
    FieldEvidence,
    StarStory,
    StoryError,
    analyse_story,
    columns,
    coverage,
    detect_kinds,
    load_story_kinds,
    outline,
    question_kinds,
    recall_prompt,
    story_kinds,
    story_profile,
    suggest_stories,
)
from pmprep.stories.cues import KINDS_FILE

# A small bank, built in code. Each story is written to show particular kinds.
ONBOARDING = StarStory(
    id="onboarding",
    title="Onboarding rescue at a budgeting app",
    situation="At a 40-person fintech startup last spring, a third of new users quit before linking a bank account.",
    task="I owned the onboarding flow and my goal was to raise completion within one quarter.",
    action=(
        "I interviewed eight users who dropped out and found they distrusted the bank-link screen. "
        "I dropped the planned redesign and shipped a plain explanation plus a skip option in three weeks. "
        "Engineering wanted to wait for a new provider; I agreed to revisit it after the results."
    ),
    result="Completion rose from 64% to 78% in six weeks.",
    reflection="I learned to run five user interviews before committing to scope, and I now do it on every project.",
    tags=["internship"],
)
REFERRAL = StarStory(
    id="referral",
    title="The referral programme that flopped",
    situation="In my internship at a food-delivery app, growth wanted a referral programme before the holidays.",
    task="My job was the rollout plan and the success measure.",
    action=(
        "We opened it to everyone at once without a holdout. We skipped the fraud review because we were late, "
        "and we did not watch the guardrails."
    ),
    result="Most referrals were fraud, so we switched it off after two weeks.",
    reflection="Lesson learned.",
)
CANCEL = StarStory(
    id="cancel",
    title="Saying no to a harder cancel flow",
    situation=(
        "Last year at a video subscription startup with 200,000 members, leadership asked for a dark pattern: "
        "an extra three screens before anyone could cancel."
    ),
    task="As the PM for billing, I had to decide whether we would build it.",
    action=(
        "Everyone in the planning meeting agreed it would cut churn, so I pushed back and asked for a two-week "
        "test first. I showed that 30% of cancellations came from members who forgot a free trial, and I "
        "proposed a reminder email instead of the extra screens."
    ),
    result="The reminder reduced monthly churn from 6.1% to 5.4%, and complaints did not rise.",
    reflection=(
        "I learned that a metric bought with hidden friction costs trust later; I now write the user harm "
        "next to every churn idea."
    ),
)
PAYMENTS = StarStory(
    id="payments",
    title="Getting the payments team to ship our fix",
    situation="At a marketplace app, 12% of checkouts failed on older Android phones.",
    task="I was responsible for checkout conversion, but the fix sat with the payments team, who did not report to me.",
    action=(
        "Their lead disagreed that it was urgent, so I brought him the support tickets and sized the lost "
        "revenue at $40k a week. I convinced him to take the fix into the next sprint by offering one of our "
        "engineers for the testing."
    ),
    result="Failed checkouts dropped from 12% to 3% within a month.",
    reflection="I learned to bring the other team's cost, not just mine; since then I open every cross-team ask with it.",
)
BANK = [ONBOARDING, REFERRAL, CANCEL, PAYMENTS]


def kinds_of(story: StarStory) -> list[tuple]:
    return [
        (
            k.kind,
            k.chosen,
            k.cue,
            k.hits[0].field if k.hits else None,
            k.hits[0].start if k.hits else None,
            k.hits[0].text if k.hits else None,
        )
        for k in detect_kinds(story)
    ]


# ---------------------------------------------------------------- the story value


def test_round_trip_through_dict():
    data = ONBOARDING.to_dict()
    assert data["tags"] == ["internship"] and data["kinds"] == [] and data["notes"] == ""
    assert StarStory.from_dict(json.loads(json.dumps(data))) == ONBOARDING


def test_validation_lists_every_bad_field_at_once():
    with pytest.raises(StoryError) as err:
        StarStory.from_dict(
            {
                "id": "",
                "title": "x" * 201,
                "action": "a" * 5001,
                "result": 3,
                "tags": ["ok", 5, " "],
                "kinds": ["heroics", "failure"],
                "competencies": ["charm"],
                "colour": "red",
            }
        )
    assert err.value.problems == (
        "id: must not be empty",
        "title: 201 characters; the limit is 200",
        "action: 5,001 characters; the limit is 5,000",
        "result: expected text (found 3)",
        "tags[1]: expected text (found 5)",
        "tags[2]: must not be empty",
        "kinds[0]: unknown kind 'heroics' (one of: launch, failure, conflict, pivot, metric_win, ethical_call, "
        "pushing_back, leading_without_authority)",
        "competencies[0]: unknown competency 'charm'",
        "colour: is not a known field",
    )
    assert str(err.value).startswith("9 problems in the story: id: must not be empty; ")


def test_missing_required_fields_and_wrong_types():
    with pytest.raises(StoryError) as err:
        StarStory.from_dict({"title": "ok", "notes": None, "tags": "abc"})
    assert err.value.problems == (
        "id: is required",
        "notes: expected text (found nothing)",
        "tags: expected a list of text (found 'abc')",
    )
    with pytest.raises(StoryError) as err:
        StarStory.from_dict(["not", "a", "mapping"])
    assert err.value.problems == ("story: expected a mapping of fields (found a list)",)


def test_constructor_validates_and_normalises_lists():
    with pytest.raises(StoryError) as err:
        StarStory("s", "   ", situation=7, tags=["x"] * 21)
    assert err.value.problems == (
        "title: must not be empty",
        "situation: expected text (found 7)",
        "tags: 21 tags; the limit is 20",
    )
    story = StarStory(
        "s", "t", tags=[" growth ", "growth"], kinds=["failure", "failure"], competencies=["data_literacy"]
    )
    assert (story.tags, story.kinds, story.competencies) == (("growth",), ("failure",), ("data_literacy",))


def test_fields_are_kept_exactly_as_written():
    story = StarStory("s", "t", situation="  Two spaces first.\n")
    assert story.situation == "  Two spaces first.\n"
    assert story.filled() == ["situation"]


# ---------------------------------------------------------------- analysis mapped to fields


def test_evidence_is_mapped_to_the_field_it_falls_in():
    analysis = analyse_story(ONBOARDING)
    assert (analysis.score, analysis.level, analysis.level_label) == (75.2, 4, "Outstanding")
    assert analysis.words == {"situation": 19, "task": 15, "action": 47, "result": 9, "reflection": 19}
    ownership = analysis.criterion("ownership")
    assert ownership.evidence[:2] == (
        FieldEvidence("task", 0, 7, "I owned", "your own action"),
        FieldEvidence("action", 0, 13, "I interviewed", "your own action"),
    )
    assert FieldEvidence("result", 21, 24, "64%", "a number") in analysis.criterion("conclusion").evidence
    assert FieldEvidence("reflection", 70, 75, "I now", "reflection") in analysis.criterion("reflection").evidence
    for criterion in analysis.criteria:
        for ev in criterion.evidence:
            assert ONBOARDING.field(ev.field)[ev.start : ev.end] == ev.text
    assert analysis.checks == ()


def test_offsets_survive_leading_whitespace_and_empty_fields():
    story = StarStory(
        "s",
        "Fix",
        situation="",
        task="\n  I owned checkout for 3 markets.",
        action="  I decided to cut the form to two steps.",
        result="Conversion rose from 20% to 26%.",
    )
    analysis = analyse_story(story)
    spans = [ev for c in analysis.criteria for ev in c.evidence]
    assert FieldEvidence("task", 3, 10, "I owned", "your own action") in spans
    assert FieldEvidence("result", 16, 31, "from 20% to 26%", "a baseline") in spans
    for ev in spans:
        assert story.field(ev.field)[ev.start : ev.end] == ev.text


def test_checks_in_plain_words():
    checks = analyse_story(REFERRAL).checks
    assert [(c.id, c.field) for c in checks] == [
        ("action_we", "action"),
        ("result_no_number", "result"),
        ("reflection_no_change", "reflection"),
    ]
    assert checks[0].message == (
        'The action says "we" 4 times and "I" 0 times: say what you decided and did '
        '("I proposed…", "I cut…") and keep "we" for the team\'s work.'
    )
    assert [(e.start, e.end, e.text) for e in checks[0].evidence] == [
        (0, 2, "We"),
        (52, 54, "We"),
        (88, 90, "we"),
        (106, 108, "we"),
    ]
    assert checks[1].message == (
        'The result has no number: say from what to what, and over how long ("from 64% to 78% in six weeks").'
    )
    assert checks[2].message == (
        "The reflection does not say what you now do differently or where you applied the lesson since."
    )


def test_missing_fields_task_and_proportion_checks():
    story = StarStory(
        "s",
        "Draft",
        situation="Our team of six ran the mobile app for a regional bank with a lot of "
        "legacy code and a long history of rushed releases before the yearly audit.",
        task="The team had to ship a new login.",
        action="I cut the scope to one screen.",
        result="Logins rose 14%.",
    )
    checks = analyse_story(story).checks
    assert [(c.id, c.field, c.message) for c in checks] == [
        ("task_not_yours", "task", 'The task does not say what was yours: write "I owned…" or "My job was…".'),
        (
            "situation_longer_than_action",
            "situation",
            "The situation (29 words) is longer than the action (7 words): cut the background and spend the words "
            "on what you did.",
        ),
        (
            "result_no_baseline",
            "result",
            "The result has one number (14%) and nothing to compare it with: say what it was before.",
        ),
        (
            "missing_reflection",
            "reflection",
            "There is no reflection: add what you learned and what you now do differently.",
        ),
    ]
    assert checks[2].evidence == (FieldEvidence("result", 12, 15, "14%", "a number"),)


def test_empty_story_has_every_missing_check_and_no_score():
    analysis = analyse_story(StarStory("s", "Nothing yet"))
    assert analysis.score == 0.0 and analysis.level == 1
    assert [c.id for c in analysis.checks] == [
        "missing_situation",
        "missing_task",
        "missing_action",
        "missing_result",
        "missing_reflection",
    ]


def test_a_long_story_is_flagged_on_the_whole_story():
    long_action = "I met the team and I wrote the plan. " * 60
    checks = analyse_story(StarStory("s", "Long", action=long_action, result="Sales rose from 3 to 9.")).checks
    too_long = [c for c in checks if c.id == "too_long"]
    assert [(c.field, c.message) for c in too_long] == [
        (
            None,
            "The story runs to 546 words, about 3.6 minutes aloud: aim for about two minutes (300 words) and "
            "let the interviewer ask for more.",
        )
    ]


def test_analysis_is_deterministic_and_serialisable():
    first, second = analyse_story(CANCEL), analyse_story(CANCEL)
    assert first == second
    data = json.loads(json.dumps(first.to_dict()))
    assert data["story_id"] == "cancel" and data["criteria"][0]["evidence"][0]["field"] == "situation"


# ---------------------------------------------------------------- kinds, competencies, themes


def test_kinds_detected_with_the_cue_that_matched():
    assert kinds_of(ONBOARDING) == [
        ("launch", False, "shipped", "action", 125, "shipped"),
        ("pivot", False, "dropped the", "action", 92, "dropped the"),
        ("metric_win", False, "rose", "result", 11, "rose"),
    ]
    assert kinds_of(REFERRAL) == [("failure", False, "flopped", "title", 28, "flopped")]
    assert kinds_of(CANCEL) == [
        ("metric_win", False, "reduc*", "result", 13, "reduced"),
        ("ethical_call", False, "dark pattern*", "situation", 87, "dark pattern"),
        ("pushing_back", False, "pushed back", "action", 65, "pushed back"),
    ]
    assert kinds_of(PAYMENTS) == [
        ("conflict", False, "disagree*", "action", 11, "disagreed"),
        ("metric_win", False, "dropped from", "result", 17, "dropped from"),
        ("leading_without_authority", False, "did not report to me", "task", 87, "did not report to me"),
    ]


def test_describing_a_broken_system_is_not_a_failure_story():
    # "12% of checkouts failed" is the problem PAYMENTS solved, not the candidate's failure.
    assert "failure" not in [k.kind for k in detect_kinds(PAYMENTS)]


def test_chosen_kinds_join_the_detected_ones():
    story = StarStory("s", "Quiet win", result="Nothing measurable.", kinds=["conflict"])
    [match] = detect_kinds(story)
    assert (match.kind, match.chosen, match.hits, match.reason) == (
        "conflict",
        True,
        (),
        "You marked it as this kind of story.",
    )
    both = detect_kinds(StarStory("s2", "It flopped", kinds=["failure"]))
    assert [(m.kind, m.chosen, m.reason) for m in both] == [
        ("failure", True, "You marked it as this kind of story. Found 'flopped' in the title.")
    ]


def test_a_metric_win_needs_a_number_in_the_result():
    assert "metric_win" not in [k.kind for k in detect_kinds(StarStory("s", "t", result="Sign-ups rose a lot."))]
    assert "metric_win" in [k.kind for k in detect_kinds(StarStory("s", "t", result="Sign-ups rose by 30%."))]
    # A rise told in the action is not the result.
    assert "metric_win" not in [k.kind for k in detect_kinds(StarStory("s", "t", action="Sign-ups rose by 30%."))]


def test_notes_never_count_as_evidence():
    assert detect_kinds(StarStory("s", "t", notes="This one failed badly, a real failure.")) == []


def test_profile_gives_competencies_and_themes_with_reasons(catalog):
    profile = story_profile(PAYMENTS, catalog)
    assert {c: [r.text for r in rs] for c, rs in profile.competencies.items()} == {
        "customer_obsession": ["Found 'support tickets' in the action."],
        "data_literacy": ["It shows a metric win.", "Found 'conversion' in the task."],
        "quantitative_metrics": ["It shows a metric win.", "Found 'revenue' in the action."],
        "strategy_execution": ["It shows leading without authority.", "Found 'revenue' in the action."],
        "culture_leadership": [
            "It shows a conflict.",
            "It shows leading without authority.",
            "Found 'convinced' in the action.",
        ],
    }
    assert {t: [r.source for r in rs] for t, rs in profile.themes.items()} == {
        "owned_end_to_end": ["cue"],
        "lead_without_authority": ["kind"],
    }
    chosen = story_profile(StarStory("s", "t", competencies=["technical_judgment"]), catalog)
    assert [(c, [r.source for r in rs]) for c, rs in chosen.competencies.items()] == [
        ("technical_judgment", ["chosen"])
    ]


def test_a_theme_rule_with_groups_needs_every_group(catalog):
    themes = story_profile(ONBOARDING, catalog).themes
    [reason] = themes["plan_changed_by_research"]
    assert reason.text == "Found 'interviewed' in the action and 'dropped' in the action."
    assert [(h.field, h.start, h.end, h.cue) for h in reason.hits] == [
        ("action", 2, 13, "interview*"),
        ("action", 30, 37, "dropped"),
    ]
    research_only = StarStory("s", "t", action="I interviewed eight users and kept the plan as it was.")
    assert "plan_changed_by_research" not in story_profile(research_only, catalog).themes


def test_kinds_file_agrees_with_the_catalog(catalog):
    assert story_kinds().check_against(catalog) == []
    assert list(story_kinds().kinds) == [
        "launch",
        "failure",
        "conflict",
        "pivot",
        "metric_win",
        "ethical_call",
        "pushing_back",
        "leading_without_authority",
    ]


def test_the_kinds_are_the_stories_the_plan_asks_for(company_folder):
    plan = company_folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("core_stories: 6", "core_stories: 5").replace("  - id: pushing_back", "  - id: push_back")
    plan.write_text(text, encoding="utf-8")

    assert story_kinds().check_against(load_catalog(company_folder)) == [
        "kinds › pushing_back: the plan (plan.yaml) has no story of this kind",
        "plan.yaml › stories › push_back: not a kind of story",
        "target › min: 6, but plan.yaml's core_stories is 5",
    ]


def test_cue_words_match_whole_words_and_endings():
    launch = compile_cues(["launch*"]).pattern
    assert launch.search("we launched it") and launch.search("launch day") and not launch.search("relaunch")
    memo = compile_cues(["context not control"]).pattern
    assert memo.search("context, not control") and not memo.search("contextual control")
    both = compile_cues(["went live", "went"])
    # The leftmost match wins; at the same place, the cue listed first.
    assert both.phrase_of(both.first("then it went live")) == "went live"
    assert both.phrase_of(both.first("it went, then it went live")) == "went"


def test_a_bad_kinds_file_reports_every_problem(tmp_path: Path):
    text = KINDS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "story_kinds.yaml"
    bad.write_text(
        text.replace("target: {min: 6, max: 8}", "target: {min: 6, max: 8, ideal: 7}").replace(
            "    phrase: a launch\n", ""
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_story_kinds(bad)
    assert [(p.file, p.field) for p in err.value.problems] == [
        (f"{tmp_path.name}/story_kinds.yaml", "kinds.0.phrase"),
        (f"{tmp_path.name}/story_kinds.yaml", "target.ideal"),
    ]


# ---------------------------------------------------------------- coverage


def test_columns_come_from_the_catalog(catalog):
    keys = [c.key for c in columns(catalog)]
    assert keys[:8] == [f"kind:{k}" for k in story_kinds().kinds]
    # Competencies tested by behavioural or culture questions; 'Case solving' is not one of them.
    assert [k for k in keys if k.startswith("competency:")] == [
        "competency:technical_judgment",
        "competency:customer_obsession",
        "competency:scope_control",
        "competency:data_literacy",
        "competency:job_awareness",
        "competency:company_awareness",
        "competency:quantitative_metrics",
        "competency:product_design",
        "competency:strategy_execution",
        "competency:culture_leadership",
        "competency:technical_fluency",
    ]
    assert [k for k in keys if k.startswith("theme:")] == [
        f"theme:{t.id}" for t in catalog.themes.values() if t.group in ("behavioral", "culture")
    ]


def test_gaps_are_named_in_plain_words(catalog):
    cov = coverage(BANK, catalog)
    assert [g.message for g in cov.gaps] == [
        "No story covers the competency 'Technical judgment'",
        "No story covers the competency 'Job awareness'",
        "No story covers the competency 'Company awareness'",
        "No story covers the competency 'Technical fluency and experimentation'",
        "No story covers the theme 'A hard product decision'",
        "No story covers the theme 'Disagreeing with engineering on scope'",
        "No story covers the theme 'Building trust across diverse teams'",
        "No story covers the theme 'Why Netflix'",
        "No story covers the theme 'Why now, why this role'",
        "No story covers the theme 'Which part of the culture memo'",
    ]
    assert cov.target_message == "You have 4 stories; the sources suggest 6–8."
    assert cov.overused == ()


def test_a_missing_kind_is_one_gap_not_two(catalog):
    cov = coverage([ONBOARDING, PAYMENTS], catalog)
    messages = [g.message for g in cov.gaps]
    assert messages[:3] == [
        "No story shows a failure",
        "No story shows an ethical call",
        "No story shows pushing back on groupthink",
    ]
    assert "No story covers the theme 'A failure'" not in messages
    assert "No story covers the theme 'A tough ethical call'" not in messages


def test_cells_say_which_story_covers_what_and_why(catalog):
    cov = coverage(BANK, catalog)
    assert cov.stories_for("kind:metric_win") == ["onboarding", "cancel", "payments"]
    assert cov.stories_for("kind:failure") == ["referral"]
    assert [r.text for r in cov.cells["referral"]["kind:failure"]] == ["Found 'flopped' in the title."]
    assert [r.text for r in cov.cells["cancel"]["theme:ethical_call"]] == ["It shows an ethical call."]
    assert not cov.covers("referral", "kind:launch")
    assert {s: len(c) for s, c in cov.cells.items()} == {"onboarding": 12, "referral": 5, "cancel": 9, "payments": 10}
    data = json.loads(json.dumps(cov.to_dict()))
    assert data["count"] == 4 and data["stories"][0] == {"id": "onboarding", "title": ONBOARDING.title}
    assert data["cells"]["referral"]["kind:failure"][0]["hits"][0] == {
        "field": "title",
        "start": 28,
        "end": 35,
        "text": "flopped",
        "cue": "flopped",
    }


def test_overused_story_rules(catalog):
    thin = StarStory("thin", "Club sign-up form", situation="I ran the sign-up form for a student club.")
    cov = coverage([CANCEL, REFERRAL, thin], catalog)
    [over] = cov.overused
    assert (over.story_id, over.rules) == ("cancel", ("sole_kinds", "share"))
    assert over.message == (
        "'Saying no to a harder cancel flow' carries too much: it is your only story for a metric win, an ethical "
        "call and pushing back on groupthink; it covers 9 of the 12 cells your bank covers (75%). One story cannot "
        "answer several rounds of the same loop; write another story for some of these."
    )
    # Two stories: the share rule waits for a bank of three, the sole-kinds rule does not.
    assert [(o.story_id, o.rules) for o in coverage([CANCEL, REFERRAL], catalog).overused] == [
        ("cancel", ("sole_kinds",))
    ]
    # Another story for one of its kinds takes CANCEL under the limit.
    assert coverage([CANCEL, REFERRAL, PAYMENTS], catalog).overused == ()


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (0, "You have no stories yet; the sources suggest 6–8."),
        (1, "You have 1 story; the sources suggest 6–8."),
        (7, "You have 7 stories, within the 6–8 the sources suggest."),
        (9, "You have 9 stories; the sources suggest 6–8: keep the strongest and know each one well."),
    ],
)
def test_target_of_six_to_eight(catalog, count, message):
    stories = [StarStory(f"s{i}", f"StarStory {i}") for i in range(count)]
    assert coverage(stories, catalog).target_message == message


def test_story_ids_must_be_unique(catalog):
    with pytest.raises(ValueError, match="repeated: cancel"):
        coverage([CANCEL, CANCEL], catalog)


# ---------------------------------------------------------------- suggestions


def test_questions_ask_for_kinds(catalog):
    def asked(qid):
        return [(k.kind, k.reason) for k in question_kinds(catalog.questions[qid], catalog)]

    assert asked("beh-failure-product-you-owned") == [("failure", "it cites the theme 'A failure'")]
    assert asked("beh-metric-win-proudest") == [
        ("launch", "it cites the theme 'A product you owned end to end'"),
        ("pivot", "it cites the theme 'A pivot on new data'"),
        ("metric_win", "'metric win' in the question"),
    ]
    # "you thought it was a mistake" is about pushing back, not about failing.
    assert asked("beh-student-group-agreed-you-didnt") == [
        ("pushing_back", "it cites the theme 'Pushing back on groupthink'")
    ]


def test_suggestions_for_a_failure_question(catalog):
    found = suggest_stories("beh-failure-product-you-owned", BANK, catalog)
    assert [(s.story_id, s.score) for s in found] == [("referral", 7), ("payments", 3), ("cancel", 3)]
    assert found[0].reason == (
        "Shows a failure and what you learned; the question asks about a failure. "
        "Also shows 'Data literacy' and 'Cultural fit and leadership', which the question tests."
    )
    assert (found[0].kinds, found[0].themes, found[0].competencies) == (
        ("failure",),
        ("failure",),
        ("data_literacy", "culture_leadership"),
    )
    # payments and cancel tie on score and kinds; the title decides ("Getting…" before "Saying…").
    assert found[1].reason == (
        "Shows 'Customer obsession', 'Data literacy' and 'Cultural fit and leadership', which the question tests."
    )


def test_suggestions_for_pushing_back_on_groupthink(catalog):
    found = suggest_stories("beh-pushed-back-on-groupthink", BANK, catalog, limit=2)
    assert [(s.story_id, s.score) for s in found] == [("cancel", 7), ("payments", 2)]
    assert found[0].reason == (
        "Shows you pushing back on a view the group had settled on; the question asks about pushing back on "
        "groupthink. Also shows 'Data literacy' and 'Cultural fit and leadership', which the question tests."
    )


def test_suggestions_for_a_question_asking_two_kinds(catalog):
    found = suggest_stories(catalog.questions["beh-metric-at-users-expense"], BANK, catalog)
    assert [(s.story_id, s.score) for s in found] == [("cancel", 13), ("payments", 3), ("onboarding", 2)]
    assert found[0].reason == (
        "Shows an ethical call you made and you pushing back on a view the group had settled on; the question asks "
        "about an ethical call and pushing back on groupthink. Also shows 'Customer obsession', 'Data literacy' and "
        "'Cultural fit and leadership', which the question tests."
    )


def test_a_theme_beyond_the_kinds_is_named(catalog):
    [top, *_] = suggest_stories("beh-plan-changed-by-user-research", BANK, catalog)
    assert (top.story_id, top.score) == ("onboarding", 7)
    assert top.reason == (
        "Shows a change of plan on new evidence; the question asks about a pivot. Also covers 'Changing a plan "
        "after user research', which the question is about. Also shows 'Customer obsession' and 'Data literacy', "
        "which the question tests."
    )


def test_suggestion_order_does_not_depend_on_bank_order(catalog):
    forward = suggest_stories("beh-failure-product-you-owned", BANK, catalog)
    backward = suggest_stories("beh-failure-product-you-owned", list(reversed(BANK)), catalog)
    assert forward == backward


def test_suggestions_only_for_story_questions(catalog):
    product = next(q for q in catalog.questions.values() if q.type == "product_design")
    with pytest.raises(ValueError, match="is a product_design question"):
        suggest_stories(product, BANK, catalog)
    with pytest.raises(ValueError, match="unknown question id 'nope'"):
        suggest_stories("nope", BANK, catalog)
    assert suggest_stories("beh-failure-product-you-owned", [], catalog) == []


# ---------------------------------------------------------------- outline and recall


def test_outline_keeps_one_line_per_field_and_the_numbers():
    assert outline(ONBOARDING) == (
        "- Situation: At a 40-person fintech startup last spring, a third of new users quit before linking a bank account.\n"
        "- Task: I owned the onboarding flow and my goal was to raise completion within one quarter.\n"
        "- Action: I interviewed eight users who dropped out and found they distrusted the bank-link screen. (three weeks)\n"
        "- Result: Completion rose from 64% to 78% in six weeks.\n"
        "- Lesson: I learned to run five user interviews before committing to scope, and I now do it on every project."
    )


def test_outline_cuts_long_sentences_and_marks_empty_fields():
    story = StarStory(
        "s",
        "t",
        action=(
            "I mapped every step of the returns flow with the support lead, the warehouse "
            "manager and two engineers over 3 days, then ranked 14 problems by cost."
        ),
    )
    assert outline(story) == (
        "- Situation: (not written yet)\n"
        "- Task: (not written yet)\n"
        "- Action: I mapped every step of the returns flow with the support lead, the warehouse manager and two "
        "engineers over 3 days, then ranked 14 problems…\n"
        "- Result: (not written yet)\n"
        "- Lesson: (not written yet)"
    )


def test_outline_adds_numbers_from_a_cut_sentence():
    story = StarStory(
        "s",
        "t",
        result=(
            "After a long and careful rollout across every single region and every device "
            "that we support today, weekly active users finally went from 12,000 to 19,500."
        ),
    )
    assert outline(story).splitlines()[3] == (
        "- Result: After a long and careful rollout across every single region and every device that we support "
        "today, weekly active users finally went from 12,000 to… (19,500)"
    )


def test_recall_prompt_asks_for_numbers_and_lesson():
    prompt = recall_prompt(ONBOARDING)
    assert (prompt.kind, prompt.key, prompt.type) == ("story", "onboarding", "behavioral")
    assert prompt.question == "What were the key numbers and the lesson of 'Onboarding rescue at a budgeting app'?"
    assert prompt.numbers == ("eight users", "three weeks", "64%", "78%", "six weeks")
    assert prompt.lesson == (
        "I learned to run five user interviews before committing to scope, and I now do it on every project."
    )
    assert recall_prompt(PAYMENTS).numbers == ("$40k", "12%", "3%")
    assert recall_prompt(CANCEL).answer == (
        "Key numbers: 30%, 6.1%, 5.4%. Lesson: I learned that a metric bought with hidden friction costs trust "
        "later; I now write the user harm next to every churn idea."
    )


def test_recall_prompt_without_numbers_or_lesson():
    assert recall_prompt(StarStory("s", "Quiet", result="It went well.", reflection="Ask early.")).question == (
        "What was the lesson of 'Quiet'?"
    )
    assert recall_prompt(StarStory("s", "Quiet", result="Up 5%.")).question == "What were the key numbers of 'Quiet'?"
    bare = recall_prompt(StarStory("s", "Quiet"))
    assert bare.question == "Tell 'Quiet' in STAR order: situation, task, action, result."
    assert bare.answer == "This story has no numbers and no lesson yet: add them to the story first."
    assert json.loads(json.dumps(bare.to_dict()))["numbers"] == []


def test_a_score_of_a_half_shows_as_one_whole_number_everywhere():
    # This story scores exactly 40.5: the summary and the page's heading once said 40 and 41.
    story = StarStory(
        id="x",
        title="t",
        situation="In my internship at a food-delivery app, growth wanted a referral programme before the holidays.",
        task="My job was the rollout plan.",
        action="We talked to users and we shipped a fix.",
        result="Completion rose from 52% to 61% in six weeks; I learned to test first.",
    )
    analysis = analyse_story(story)
    assert analysis.score == 40.5
    assert analysis.points == 41
    assert analysis.summary.startswith("Borderline (41/100). ")
