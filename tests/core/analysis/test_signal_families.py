"""Every signal family of signal_cues.yaml, one rule at a time: a sentence it must match, with the exact
spans it finds (start offset and text), and a near-miss it must not match.

The families are read through ``Signals(Doc(text))``: the same scan the analyzer runs (patterns on the
ASCII-folded text, whole words only, repeated sentences blanked, whitespace and list markers trimmed off
a hit), without the question's ``known`` words, so no sentence is blanked for not being a claim. Which
sentences are claims is pinned in test_claims.py; here only the patterns are.

A family added to the cue file without a case here fails ``test_every_family_has_a_match_and_a_near_miss``.
"""

from __future__ import annotations

import pytest

from pmprep.analysis.signals import FAMILIES, Signals
from pmprep.analysis.text import Doc


def found(family: str, text: str) -> list[tuple[int, str]]:
    """Each hit of ``family`` in ``text`` as (start offset, the answer's own words)."""
    return [(h.start, h.text) for h in Signals(Doc(text))(family)]


# (family, a sentence, every hit it must give, in order)
MATCHES = [
    # numbers and time
    ("number", "We had 40,000 users, 3-5 engineers and cut 2 steps.", [(7, "40,000 users"), (21, "3-5"), (43, "2")]),
    (
        "number",
        "It costs $5 a month, p95 is 300 ms and a dozen engineers shipped 4K.",
        [(9, "$5"), (21, "p95"), (28, "300 ms"), (39, "a dozen engineers"), (65, "4K")],
    ),
    ("number", "Revenue was 1.5bn and 25 members joined.", [(12, "1.5bn"), (22, "25 members")]),
    ("number", "Starts fall by a third.", [(12, "by a third")]),
    # A year is a number here; pmprep.analysis.claims.is_quantity is what says it quantifies nothing.
    ("number", "We launched in 2019.", [(15, "2019")]),
    ("percent", "Churn fell 12% and then 3 percentage points.", [(11, "12%"), (24, "3 percentage points")]),
    (
        "timeframe",
        "We ran it for two weeks, reviewed it weekly and compared month-over-month.",
        [(10, "for two weeks"), (37, "weekly"), (57, "month-over-month")],
    ),
    ("timeframe", "A 6-week pilot shipped by Q3 2024.", [(2, "6-week pilot"), (23, "by Q3 2024")]),
    (
        "when",
        "Last summer, when I was at my previous company, I ran it.",
        [(0, "Last summer"), (13, "when I was"), (24, "at my previous company")],
    ),
    (
        "when",
        "Two years ago, in 2021, while I was an intern.",
        [(0, "Two years ago"), (15, "in 2021"), (24, "while I was")],
    ),
    # ownership
    (
        "i_action",
        "I decided to cut the scope and I quickly convinced the team.",
        [(0, "I decided"), (31, "I quickly convinced")],
    ),
    ("i_action", "I'd had to rewrite it; I've learned a lot.", [(0, "I'd had to"), (23, "I've learned")]),
    (
        "i_word",
        "I said my piece to me and myself, and I'm done.",
        [(0, "I"), (7, "my"), (19, "me"), (26, "myself"), (38, "I")],
    ),
    (
        "we_word",
        "We told the team our plan and we're ready; my team agreed.",
        [(0, "We"), (8, "the team"), (17, "our"), (30, "we"), (43, "my team")],
    ),
    # story arcs
    (
        "obstacle",
        "However, legal pushed back on the deadline.",
        [(0, "However"), (15, "pushed back"), (34, "deadline")],
    ),
    (
        "result",
        "Sign-ups increased and churn dropped; in the end we doubled revenue.",
        [(9, "increased"), (29, "dropped"), (38, "in the end"), (52, "doubled")],
    ),
    ("baseline", "Conversion went from 4% to 6%, compared to last year.", [(16, "from 4% to 6%"), (31, "compared to")]),
    (
        "baseline",
        "From 4% to 6%; from about 40 users to roughly 60 users.",
        [(0, "From 4% to 6%"), (15, "from about 40 users to roughly 60")],
    ),
    (
        "reflection",
        "In hindsight, I learned to ask earlier; next time I would.",
        [(0, "In hindsight"), (14, "I learned"), (40, "next time")],
    ),
    (
        "stakeholder",
        "I met engineering, the designers and our VP.",
        [(6, "engineering"), (19, "the designers"), (37, "our VP")],
    ),
    (
        "tradeoff",
        "It is faster at the cost of freshness, rather than cheaper.",
        [(13, "at the cost of"), (39, "rather than")],
    ),
    # product
    (
        "problem_framing",
        "Before diving in, I'd ask who are the users.",
        [(0, "Before diving"), (18, "I'd ask"), (26, "who are the users")],
    ),
    ("user", "Members and their kids watch with parents.", [(0, "Members"), (18, "kids"), (34, "parents")]),
    (
        "segment",
        "New members on prepaid plans and power users.",
        [(0, "New members"), (15, "prepaid"), (33, "power users")],
    ),
    ("reason", "We cut it because only 6% used it, so that we ship faster.", [(10, "because"), (35, "so that")]),
    (
        "solution",
        "We'd build a feature, and I could add a toggle.",
        [(0, "We'd build"), (13, "feature"), (26, "I could add")],
    ),
    (
        "option",
        "Option A is cheap; alternatively, a second approach.",
        [(0, "Option A"), (19, "alternatively"), (36, "second approach")],
    ),
    (
        "choice",
        "I'd pick the second, based on impact and our criteria.",
        [(0, "I'd pick"), (21, "based on impact"), (45, "criteria")],
    ),
    (
        "timebox",
        "A first version in 6 weeks, then expand to a v2.",
        [(2, "first version"), (16, "in 6 weeks"), (28, "then expand"), (45, "v2")],
    ),
    ("timebox", "Ship v1 in 2 sprints, then scale.", [(5, "v1"), (8, "in 2 sprints"), (22, "then scale")]),
    (
        "risk",
        "The risk is privacy abuse, so we'd mitigate it.",
        [(4, "risk"), (12, "privacy"), (20, "abuse"), (35, "mitigate")],
    ),
    (
        "rollout",
        "An A/B test with a holdout and a staged rollout to 5% of users.",
        [(3, "A/B test"), (19, "holdout"), (33, "staged"), (40, "rollout"), (51, "5% of users")],
    ),
    # "A/B" is one hit, not an "A" and a "B".
    ("rollout", "We ran an A/B on it and an AB test.", [(10, "A/B"), (27, "AB test")]),
    # metrics
    (
        "metric",
        "Retention, churn and watch time are the metrics we track.",
        [(0, "Retention"), (11, "churn"), (21, "watch time"), (40, "metrics"), (51, "track")],
    ),
    (
        "north_star",
        "Our north star is hours per member; success looks like more.",
        [(4, "north star"), (36, "success looks like")],
    ),
    (
        "guardrail",
        "Ship it only if churn does not rise, and keep an eye on latency.",
        [(0, "Ship it only if"), (22, "does not rise"), (41, "keep an eye on")],
    ),
    (
        "metric_unit",
        "Hours per member over a 28-day window, D7 retention.",
        [(6, "per member"), (24, "28-day"), (39, "D7")],
    ),
    (
        "goal",
        "The goal is retention, in order to grow, ultimately.",
        [(4, "goal"), (23, "in order to"), (41, "ultimately")],
    ),
    (
        "dimension",
        "Cut it by region and device, iOS versus Android.",
        [(0, "Cut it by"), (10, "region"), (21, "device"), (29, "iOS"), (40, "Android")],
    ),
    (
        "data_check",
        "Check logging and seasonality, or an outage.",
        [(6, "logging"), (18, "seasonality"), (37, "outage")],
    ),
    (
        "experiment_design",
        "Randomize by account, with a control and a sample size for power.",
        [(0, "Randomize"), (10, "by account"), (29, "control"), (43, "sample size"), (59, "power")],
    ),
    # technical
    (
        "tech_concept",
        "A CDN cache with a TTL and retries behind an API gateway.",
        [(2, "CDN"), (6, "cache"), (19, "TTL"), (27, "retries"), (45, "API"), (49, "gateway")],
    ),
    ("tech_tradeoff_dim", "Latency versus cost and freshness.", [(0, "Latency"), (15, "cost"), (24, "freshness")]),
    (
        "scale",
        "At Netflix scale we serve 2 million requests at peak traffic.",
        [(0, "At Netflix scale"), (26, "2 million requests"), (48, "peak traffic")],
    ),
    (
        "requirement",
        "It must support offline use; what are the requirements and use cases?",
        [(3, "must support"), (42, "requirements"), (59, "use cases")],
    ),
    (
        "hypothesis",
        "My hypothesis: a recent deploy; I'd check the dashboards to rule out the CDN.",
        [(3, "hypothesis"), (17, "recent deploy"), (32, "I'd check"), (46, "dashboards"), (60, "rule out")],
    ),
    (
        "honest_limits",
        "To be honest, I'm not sure; my understanding is it caches.",
        [(0, "To be honest"), (14, "I'm not sure"), (28, "my understanding is")],
    ),
    # strategy
    (
        "market",
        "Disney+ and YouTube compete on pricing in a saturated market.",
        [(0, "Disney+"), (12, "YouTube"), (31, "pricing"), (44, "saturated"), (54, "market")],
    ),
    (
        "advantage",
        "Our moat is personalisation and the content library.",
        [(0, "Our moat"), (12, "personalisation"), (36, "content library")],
    ),
    (
        "phase",
        "Pilot in one test market, then expand if it works.",
        [(0, "Pilot"), (13, "test market"), (26, "then expand"), (38, "if it works")],
    ),
    (
        "recommendation",
        "My recommendation is to launch; we should not wait.",
        [(0, "My recommendation"), (32, "we should")],
    ),
    # estimation
    (
        "assumption",
        "Assume 80 million households; roughly 2 people each, call it 160 million.",
        [(0, "Assume"), (30, "roughly"), (53, "call it")],
    ),
    (
        "arithmetic",
        "3 x 3 = 9 per home, so that's 9 in total.",
        [(0, "3 x 3"), (6, "= 9"), (20, "so that's 9"), (32, "in total")],
    ),
    (
        "breakdown",
        "Break it down by country, per household, into three segments.",
        [(0, "Break it down"), (14, "by country"), (26, "per household"), (46, "three segments")],
    ),
    (
        "sanity",
        "Sanity check: that seems reasonable, and top-down agrees.",
        [(0, "Sanity check"), (19, "seems reasonable"), (41, "top-down")],
    ),
    (
        "range",
        "Between 1 and 5 million, so 12–15M, at least 8.",
        [(0, "Between 1 and 5"), (28, "12–15M"), (36, "at least 8")],
    ),
    # culture
    (
        "culture_theme",
        "Freedom and responsibility, candor and the keeper test.",
        [(0, "Freedom and responsibility"), (28, "candor"), (43, "keeper test")],
    ),
    (
        "company_fact",
        "The ads tier, password sharing and Squid Game.",
        [(4, "ads tier"), (14, "password sharing"), (35, "Squid Game")],
    ),
    (
        "contribution",
        "In my first 90 days I'd focus on search; I can bring data skills.",
        [(0, "In my first 90 days"), (20, "I'd focus on"), (41, "I can bring")],
    ),
    # delivery and structure: a hit's trailing comma is trimmed off ("First," quotes "First")
    (
        "signpost",
        "First, the goal. Second, the metric. Finally, a plan.",
        [(0, "First"), (17, "Second"), (37, "Finally")],
    ),
    ("signpost", "Situation: I was the PM.", [(0, "Situation:")]),
    (
        "conclusion",
        "Overall, in short, my recommendation is to ship.",
        [(0, "Overall"), (9, "in short"), (19, "my recommendation")],
    ),
    (
        "filler",
        "Um, basically, you know, it was like, fine.",
        [(0, "Um"), (4, "basically"), (15, "you know"), (32, "like")],
    ),
    ("hedge", "I think it might work, probably.", [(0, "I think"), (11, "might"), (23, "probably")]),
    # red flags
    ("rf_talk_to_engineering", "I'd just talk to engineering about it.", [(0, "I'd just talk to engineering")]),
    (
        "rf_rigidity",
        "This is just how I always work, no matter what.",
        [(0, "This is just how I always work"), (32, "no matter what")],
    ),
    ("rf_vague_self", "I'm a team player and a hard worker.", [(6, "team player"), (24, "hard worker")]),
    (
        "rf_generic_why",
        "I love watching Netflix and the great perks.",
        [(0, "I love watching Netflix"), (32, "great perks")],
    ),
    (
        "rf_blaming",
        "It was not my fault; engineering was too slow.",
        [(7, "not my fault"), (21, "engineering was too slow")],
    ),
    ("rf_denial", "I don't really have any failures.", [(0, "I don't really have any failures")]),
    ("rf_dont_know", "I don't know. I have no idea.", [(0, "I don't know"), (14, "I have no idea")]),
    # a load or a count big enough to design for
    (
        "scale",
        "Say 3,000 authorisations a second at peak, across one million riders.",
        [(4, "3,000 authorisations a second"), (50, "one million riders")],
    ),
    (
        "requirement",
        "Two guests must never get the same night. Goal: it renders in a second.",
        [(11, "must never"), (42, "Goal:")],
    ),
    (
        "hypothesis",
        "To check, I compare views with purchases. Maybe the view event is broken after a release.",
        [(0, "To check"), (10, "I compare"), (42, "Maybe the view event is broken")],
    ),
    # handing a named part to the team that knows it
    (
        "honest_limits",
        "I'd confirm the heartbeat interval with the player team. I will ask the firmware team.",
        [(0, "I'd confirm the heartbeat interval with the player team"), (57, "I will ask the firmware team")],
    ),
    (
        "conclusion",
        "Answer: about 15 million. My point estimate is 20 million.",
        [(0, "Answer:"), (26, "My point estimate is")],
    ),
    # What it turns to ends before "because" or a mark: the reason is not part of the pivot.
    (
        "pivot",
        "I'd look at this as a payments problem, because paying is hard. Let me frame it through audiobooks.",
        [(0, "I'd look at this as a payments problem"), (64, "Let me frame it through audiobooks")],
    ),
]

# (family, a sentence it must not match): mostly a word that contains or resembles a cue
MISSES = [
    ("number", "Step 2, phase 3, version 2 and H.264 are labels."),
    ("number", "The third option, a third of the way through."),
    ("number", "Priority 1, tier 2, #3 and No. 4 are labels."),
    ("percent", "Latency at the 95th percentile; a percent of users."),
    ("timeframe", "It took weeks, and for weeks nothing moved."),  # a bare "weeks" is not a time frame
    ("when", "When I think about it, this works in summer."),
    ("i_action", "I think we decided, and they built it."),
    ("i_word", "I think so. Iceland memes."),  # "I think" is a hedge, not ownership
    ("we_word", "Western users used the teams' tool."),
    ("obstacle", "We spread butter on the challenger's bread."),
    ("result", "The resultant fellowship."),
    ("baseline", "We moved from London to Paris."),
    ("reflection", "Our lessor was clear."),
    ("stakeholder", "We redesigned the supportive partnership."),
    ("tradeoff", "The trader checked the weight."),
    ("problem_framing", "The problems were solved."),
    ("user", "The username field and memberships."),
    ("segment", "We talked about segmentation."),
    ("reason", "Mostly reasonable."),
    ("solution", "The featured ideas."),
    ("option", "Optional extras."),
    ("choice", "The price was nice."),
    ("timebox", "We kept version 1 and v10."),
    ("risk", "The brisk, careless walk."),
    ("rollout", "The ABBA tester."),
    ("metric", "The metrical poem in armor."),
    ("north_star", "The star of the north."),
    ("guardrail", "Guard the rail."),
    ("metric_unit", "A DD7 rating, per cent."),
    ("goal", "The goalkeeper aimed."),
    ("dimension", "The regional devise."),
    ("data_check", "The holidaymaker ate macaroni."),
    ("experiment_design", "The controller was powerful."),
    ("tech_concept", "The cashier kept an apiary."),
    ("tech_tradeoff_dim", "The costume was fresher."),
    ("scale", "The fish scales."),
    ("requirement", "The mustard."),
    ("hypothesis", "We suspected nothing."),
    ("honest_limits", "I'm sure."),
    ("market", "The supermarket and the Maxwell."),
    ("advantage", "The scaled brandy."),
    ("phase", "The emphasis."),
    ("recommendation", "I recommended it last year."),  # a story's past, not a recommendation
    ("assumption", "We estimated nothing and assumed less."),
    ("arithmetic", "The x-axis equalsign."),
    ("breakdown", "Breaking news."),
    ("sanity", "Insanity checks."),
    ("range", "The arrangement."),
    ("culture_theme", "A courageous, curious owner."),
    ("company_fact", "Gameplay and a downloader."),
    ("contribution", "I brought snacks."),
    ("signpost", "At first glance."),
    ("conclusion", "The network wore overalls."),
    ("filler", "I like the umbrella."),
    ("hedge", "The mighty maple."),
    ("rf_talk_to_engineering", "I talked to engineering."),
    ("rf_rigidity", "I always listen."),
    ("rf_vague_self", "The team played hard."),
    ("rf_generic_why", "I love the culture memo."),
    ("rf_blaming", "I was too slow."),
    ("rf_denial", "I have failed twice."),
    ("rf_dont_know", "I don't know yet which one."),
    ("pivot", "I looked at this as a payments problem."),
    ("honest_limits", "I'd ask the team to ship faster."),
    ("honest_limits", "I'd want a bigger team."),
]

# Analyzer bugs found by pinning each rule, and fixed; kept so they stay fixed. (family, text, a hit must
# contain this; None: no hit at all)
# A cue ending in a number reads the whole number (it once stopped at one digit); a cue ending in a
# space or a mark (a list marker, "So, ") is whole whatever follows; "the rest of" is not REST.
FIXED_BUGS = [
    pytest.param("number", "We ran alert(1) in the console.", None, id="number: the digit of alert(1)"),
    pytest.param("arithmetic", "Then 80 x 25 = 2000 screens.", "80 x 25", id="arithmetic: 80 x 25"),
    pytest.param("arithmetic", "Then 80 x 25 = 2000 screens.", "= 2000", id="arithmetic: = 2000"),
    pytest.param(
        "arithmetic", "Which comes to about 90 hours.", "comes to about 90", id="arithmetic: comes to about 90"
    ),
    pytest.param("assumption", "Assume about 80 hours a month.", "about 80", id="assumption: about 80"),
    pytest.param("range", "We need at least 80 servers.", "at least 80", id="range: at least 80"),
    pytest.param("range", "It is between 10 and 20 million.", "between 10 and 20", id="range: between 10 and 20"),
    pytest.param("option", "Two ways:\n1. download it\n2. stream it", "1.", id="option: a numbered list"),
    pytest.param("signpost", "My plan:\n1. size it\n2. price it", "1.", id="signpost: a numbered list"),
    pytest.param("conclusion", "We tested it.\nSo, we ship it.", "So", id="conclusion: a line opening 'So,'"),
    pytest.param("tech_concept", "The rest of the team agreed.", None, id="tech_concept: 'the rest of'"),
]


def _id(family: str, text: str) -> str:
    return f"{family}: {text if len(text) <= 40 else text[:37] + '...'}"


@pytest.mark.parametrize(("family", "text", "hits"), [pytest.param(*c, id=_id(c[0], c[1])) for c in MATCHES])
def test_the_family_finds_exactly_these_spans(family, text, hits):
    assert found(family, text) == hits


@pytest.mark.parametrize(("family", "text"), [pytest.param(*c, id=_id(*c)) for c in MISSES])
def test_the_family_does_not_match_a_near_miss(family, text):
    assert found(family, text) == []


@pytest.mark.parametrize(("family", "text", "wanted"), FIXED_BUGS)
def test_fixed_bugs_stay_fixed(family, text, wanted):
    hits = [t for _, t in found(family, text)]
    assert hits == [] if wanted is None else any(wanted in t for t in hits), hits


def test_every_family_has_a_match_and_a_near_miss():
    assert {c[0] for c in MATCHES} == set(FAMILIES)
    assert {c[0] for c in MISSES} == set(FAMILIES)
    assert all(hits for _, _, hits in MATCHES)  # a match case that finds nothing belongs in MISSES


def test_accented_words_are_whole_words_to_every_family():
    """Letters such as ã or è are word characters: no cue is found inside "São", "crème" or "Montréal"
    (an ASCII-only word boundary would find the i_word "me" in "crème")."""
    text = "Usámos a crème de São Paulo e Montréal: 300 usuários."
    signals = Signals(Doc(text))
    assert {f: [(h.start, h.text) for h in signals(f)] for f in FAMILIES if signals(f)} == {"number": [(40, "300")]}


def test_a_repeated_sentence_adds_no_hits():
    text = "Churn fell 12% in Brazil. Churn fell 12% in Brazil! We cut churn by 3 points."
    assert found("percent", text) == [(11, "12%")]
    assert found("number", text) == [(11, "12%"), (68, "3 points")]
