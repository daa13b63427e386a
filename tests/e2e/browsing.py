"""Steps the browser tests share."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

PASSWORD = "a-long-practice-passphrase"


def sign_up(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))


def follow_nav(page, name: str, group: str) -> None:
    """Follow the main navigation's link ``name``: on a phone it is under Menu, on a wide screen it may be in
    its ``group``'s menu (Track and Learn fold on a wide screen)."""
    link = page.get_by_role("navigation", name="Main").get_by_role("link", name=name)
    if not link.is_visible():
        toggle = page.locator(".nav-toggle summary")
        (toggle if toggle.is_visible() else page.locator(".nav-dropdown summary", has_text=group)).click()
    link.click()


def log_out(page) -> None:
    """Log out from the header: on a wide screen the button is in the account menu, on a phone in Menu."""
    button = page.get_by_role("button", name="Log out")
    if not button.is_visible():
        toggle = page.locator(".nav-toggle summary")
        (toggle if toggle.is_visible() else page.locator(".nav-account .nav-dropdown summary")).click()
    button.click()


QUESTION = "beh-owned-end-to-end-what-to-build"
STRONG_ANSWER = (
    "Last spring I owned onboarding for a budgeting app with 40,000 monthly users. Interviews showed people "
    "quit at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion "
    "rose from 52% to 61%, and I learned to test the riskiest step first."
)
# On the question above: solid on some criteria and weak on others, so the feedback page shows both.
DRILL_ANSWER = (
    "At a budgeting app with 40,000 monthly users I owned the savings goals feature from the first idea to launch. "
    "Interviews with twelve users showed they wanted one goal, not five, so for the first version I chose a single "
    "goal with a weekly nudge and cut sharing and charts. I tested it with 10% of new users for three weeks. "
    "Weekly active savers rose from 18% to 24%, and I learned to cut scope until the core question can be answered."
)


def choose_track(page, base: str) -> None:
    page.goto(base + "/accounts/profile/")
    page.get_by_label(re.compile(r"^Early-in \(new grad\)")).check()
    page.get_by_role("button", name="Save").click()


def answer_drill(page, base: str, question: str = QUESTION, answer: str = DRILL_ANSWER) -> str:
    """Answer a bank question; returns the feedback page's path."""
    page.goto(f"{base}/practice/?question={question}")
    page.get_by_label("Your answer").fill(answer)
    page.get_by_role("button", name="Get feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"))
    return page.url.removeprefix(base)


def write_story(page, base: str) -> str:
    """Write one STAR story; returns its page's path."""
    page.goto(base + "/stories/new")
    fill_story(page)
    return page.url.removeprefix(base).split("#")[0]


def fill_story(page) -> None:
    """On the story form: fill in the referral story that flopped, save it and wait for its feedback."""
    page.get_by_label("Title").fill("The referral programme that flopped")
    page.get_by_label("Situation").fill("In my internship at a food-delivery app, growth wanted a referral programme.")
    page.get_by_label("Task (your part)").fill("My job was the rollout plan and the success measure.")
    page.get_by_label("Action (what you did)").fill(
        "I opened it to everyone at once without a holdout and skipped the fraud review. I failed to plan for abuse."
    )
    page.get_by_label("Result (with numbers)").fill(
        "Fraud reached 40% of referrals, so I switched it off after two weeks."
    )
    page.get_by_label("Reflection (what you learned)").fill(
        "I learned to launch behind a holdout; I now do it every time."
    )
    page.get_by_role("group", name=re.compile("This story shows")).get_by_label("Conflict").check()
    page.get_by_role("button", name="Save the story").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Feedback: level \d"))).to_be_visible()


def start_deck(page, base: str) -> str:
    """Start a case deck from the first case question and write two sections; returns the deck's path."""
    page.goto(base + "/cases/")
    select = page.get_by_label("Case question", exact=True)
    select.select_option(select.locator("option").nth(1).get_attribute("value"))
    page.get_by_label("Title (optional)").fill("Streams in Brazil")
    page.get_by_role("button", name="Start the deck from this question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Streams in Brazil")
    page.get_by_role("textbox", name="1. Problem").fill(
        "Hours watched per member in Brazil fell 10% after the price change."
    )
    page.get_by_role("textbox", name="5. Trade-offs").fill(
        "Option A costs one team for six weeks and reaches about 40% of affected members."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile(r"^Saved\."))).to_be_visible()
    return page.url.removeprefix(base).split("?")[0]


def run_first_round(page, base: str) -> tuple[str, str]:
    """Plan a mock loop and do its first round; returns the loop's and the round's paths."""
    page.goto(base + "/loops/")
    page.get_by_label("Early-in (new grad)").check()
    page.get_by_role("button", name="Plan my loop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"loop"))
    loop = page.url.removeprefix(base)
    page.goto(base + loop + "rounds/1/")
    page.get_by_role("button", name=re.compile(r"^Start the (round|presentation)$")).click()
    page.get_by_label("Your answer").fill(STRONG_ANSWER)
    page.get_by_role("button", name=re.compile(r"^(Submit|Give the presentation)")).click()
    page.get_by_role("button", name="End the round now").click()
    expect(page.get_by_role("heading", name="pmprep's scorecard (from the analyzer)")).to_be_visible()
    return loop, loop + "rounds/1/"


def make_plan(page, base: str) -> None:
    page.goto(base + "/plan/")
    page.get_by_label("Early-in (new grad)").check()
    page.get_by_label("Hours a week you can give").fill("6")
    page.get_by_role("button", name="Make my plan").click()
    expect(page.get_by_text("Your plan is ready.")).to_be_visible()


def add_contact_note(page, base: str) -> None:
    page.goto(base + "/outreach/contacts/")
    page.locator("#id_name").fill("Priya")
    page.locator("#id_role").fill("PM, Ads measurement")
    page.locator("#id_question").fill("How did you decide the success metric for the downloads launch?")
    page.locator("#id_learned").fill("They watch hours per member in the first week, and churn at day 30.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Priya"))).to_be_visible()


def record_out_loud(page, base: str, question: str = QUESTION) -> str:
    """Answer a bank question out loud by uploading a synthetic WAV (the form that needs no JavaScript);
    returns the correct-the-transcript page's path."""
    import tempfile
    from pathlib import Path

    from tests.core.speech.conftest import VOICE, need_tools
    from tests.core.speech.synthetic import answer

    need_tools()
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "spoken.wav"
        answer([("First, I owned the home page row, and starts rose by four percent.", 160)], wav, voice=VOICE)
        page.goto(f"{base}/speech/record?question={question}")
        page.get_by_label("A WAV recording of your answer").set_input_files(str(wav))
        page.get_by_role("button", name="Upload and transcribe").click()
        expect(page).to_have_url(re.compile(r"/speech/\d+/$"), timeout=60_000)
    return page.url.removeprefix(base)


# A real round's transcript of three exchanges, the second a follow-up to the first.
TRANSCRIPT = (
    "Interviewer: Tell me about a launch of yours that failed?\n"
    "Me: In 2021 I launched autoplay previews on our video app and watch time per member fell 2% in a week.\n"
    "Interviewer: And what did you do then?\n"
    "Me: I rolled it back within five days and I learned to test the riskiest change behind a holdout first.\n"
    "Interviewer: How would you measure success for downloads?\n"
    "Me: Completion of downloaded titles within a week, with churn at day 30 as the guardrail.\n"
)
FIRST_Q = "Tell me about a launch of yours that failed?"
FIRST_A = "In 2021 I launched autoplay previews on our video app and watch time per member fell 2% in a week."
SECOND_Q = "And what did you do then?"
SECOND_A = "I rolled it back within five days and I learned to test the riskiest change behind a holdout first."
THIRD_Q = "How would you measure success for downloads?"
THIRD_A = "Completion of downloaded titles within a week, with churn at day 30 as the guardrail."


def paste_a_transcript(page, base: str) -> None:
    """Open a fresh debrief form and fill it in, up to the review of the transcript's split."""
    page.goto(base + "/debrief/new/")
    review_the_split(page)


def review_the_split(page) -> None:
    """On the debrief form: the round's details and the transcript above, then on to the review of its split.
    The served app runs on the real clock, so the date is two days back (a past date in every time zone)."""
    held_on = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2)
    page.get_by_label("Round", exact=True).select_option(label="Hiring-manager behavioural interview")
    page.get_by_label("Date of the interview").fill(held_on.isoformat())
    page.get_by_label("Interviewer's role (optional)").fill("Product director")
    page.get_by_role("group", name="Your rating: Structure and signposting (optional)").get_by_label("3 Solid").check()
    page.get_by_label("What went well").fill("The failure story landed.")
    page.get_by_label("Paste a transcript").fill(TRANSCRIPT)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the split before it is judged")


def debrief_a_round(page, base: str) -> str:
    """Debrief a real round from the transcript above, as split; returns the round's page's path."""
    paste_a_transcript(page, base)
    page.get_by_role("button", name="Confirm and judge").click()
    expect(page.get_by_text("Your debrief is saved and each answer judged.")).to_be_visible()
    return page.url.removeprefix(base)


def seed_a_candidate(page, base: str, username: str) -> dict[str, str]:
    """Sign up and make a little of everything; returns the path of each thing made, by name."""
    sign_up(page, base, username)
    choose_track(page, base)
    made = {"feedback": answer_drill(page, base)}
    made["story"] = write_story(page, base)
    made["deck"] = start_deck(page, base)
    made["loop"], made["round"] = run_first_round(page, base)
    make_plan(page, base)
    add_contact_note(page, base)
    made["recording"] = record_out_loud(page, base)
    made["debrief"] = debrief_a_round(page, base)
    return made
