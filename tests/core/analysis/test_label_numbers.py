"""Numbers and names that label rather than quantify earn nothing, and an estimate that is not worked
in numbers stays below Solid however well it names its steps."""

from pmprep.analysis import analyze
from pmprep.analysis.criteria import common
from pmprep.analysis.judging import Context
from pmprep.analysis.signals import Signals
from pmprep.analysis.text import Doc


def _numbers(text: str) -> list[str]:
    return [h.text for h in Signals(Doc(text))("number")]


def test_step_and_version_numbers_are_labels_not_quantities():
    text = (
        "Step 1 - scope. We had 40,000 users and cut 2 steps. It streams H.264 and 4K. Phase 2 reaches 30% of "
        "users. Priority 1 is churn; #3 is cost. Sales rose around 8% and level 3 support costs $5."
    )
    assert _numbers(text) == ["40,000 users", "2", "4K", "30%", "8%", "$5"]


def _named(text: str, question: str = "") -> list[str]:
    from pmprep.analysis.analyzer import _known
    from pmprep.analysis.substance import shape_vocabulary

    doc = Doc(text)
    signals = Signals(doc, _known(question), shape_vocabulary())
    return [h.text for h in common.named_things(Context(doc, signals, question, "estimation", None))]


def test_the_first_word_after_a_bullet_or_a_step_label_is_not_a_name():
    text = "Step 1 - Clarify the scope with Netflix.\n- Goal: more members in Brazil\n2) Segment by Spotify plan"
    assert _named(text) == ["Brazil", "Spotify"]  # "Netflix" is the rubric's own word here, not a specific


def test_the_first_word_after_a_heading_label_and_names_the_question_or_rubric_says_are_not_names():
    text = (
        "I'll use the STAR framework.\nSituation: Leadership asked us to ship it at Monzo.\n"
        "Goal and context: Duolingo wants growth in Mexico."
    )
    assert _named(text, "Should Duolingo expand into new subjects?") == ["Monzo", "Mexico"]


UNWORKED = (
    "I'll use a structured approach. Step 1 - Clarify scope: every ATM in the UK, cash withdrawals only. "
    "Step 2 - Assumptions: I would state assumptions for population, cash usage and machine utilisation, "
    "drawing on UK Finance and LINK. Step 3 - Sanity check: I would triangulate the demand side and the supply "
    "side and compare with published statistics. Step 4 - Range: I would give a low, base and high case. "
    "Answer: withdrawals are in the millions per day and falling as people move to contactless payment."
)


def test_an_estimate_with_no_numbers_keeps_its_estimation_criteria_below_solid():
    fb = analyze(
        "Estimate how many cash withdrawals are made from ATMs in the UK each day.",
        UNWORKED,
        question_type="estimation",
    )
    levels = {c.id: c.level for c in fb.criteria}
    assert {k: levels[k] for k in ("assumptions", "arithmetic", "sanity_check", "range_answer")} == {
        "assumptions": 2,
        "arithmetic": 1,
        "sanity_check": 2,
        "range_answer": 1,
    }
    assert "the estimate is not worked in numbers" in fb.criterion("sanity_check").missing
    assert fb.criterion("sanity_check").advice.startswith("An estimate is numbers:")
    assert fb.level <= 2
