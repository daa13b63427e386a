"""outreach_rules.yaml: the shipped file loads, a company folder's own file is the one its notes are checked
against, {company} is the company served, and every problem in a broken file is named with file, entry and
field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.bank import ContentError, Problem
from pmprep.bounded_regex import unbounded_repeats
from pmprep.config import using_company
from pmprep.outreach import Kind, check
from pmprep.outreach.rule_content import RULE_KINDS, RULES_FILE, load_phrase_rules, shipped_phrase_rules
from pmprep.outreach.rules import scan
from pmprep.outreach.text import fold
from tests.core.outreach import content_copies

WHERE = "acme/outreach_rules.yaml"
KINDS = (
    "hiring_ask, referral_ask, resume, rejection_feedback, job_seeking, big_ask, open_ended, flattery, "
    "small_ask, research_framing"
)


def shipped() -> dict:
    return content_copies.shipped(RULES_FILE)


def write(tmp_path: Path, data) -> Path:
    return content_copies.write(tmp_path, "outreach_rules.yaml", data)


def problems(tmp_path: Path, data) -> list[Problem]:
    return content_copies.problems(lambda path: load_phrase_rules(path, "Acme"), write(tmp_path, data))


def kinds_found(rules, text: str) -> set[Kind]:
    return {m.kind for m in scan(fold(text), rules)}


def test_the_shipped_file_has_a_rule_for_every_kind_and_every_pattern_is_bounded():
    rules = shipped_phrase_rules()
    assert {rule.kind for rule in rules.rules} == set(RULE_KINDS)
    patterns = [p for rule in rules.rules for p in rule.patterns] + [rules.durations.pattern]
    assert len(patterns) > 140
    assert [p.pattern for p in patterns if unbounded_repeats(p)] == []
    assert rules.durations.small_at_most == 15


def test_a_copy_of_the_shipped_file_compiles_to_the_same_rules(tmp_path):
    copy = load_phrase_rules(write(tmp_path, shipped()), "Netflix")
    assert copy == load_phrase_rules(RULES_FILE, "Netflix")


def test_company_is_the_company_served_in_patterns_fragments_and_reasons(tmp_path):
    rules = load_phrase_rules(RULES_FILE, "Acme  Groceries UK")
    assert Kind.HIRING_ASK in kinds_found(rules, "I'd love to join acme\ngroceries uk one day.")
    assert Kind.HIRING_ASK in kinds_found(rules, "I want to work with Acme Groceries UK's design team.")
    assert Kind.HIRING_ASK not in kinds_found(rules, "I'd love to join Netflix one day.")
    [referral] = [rule for rule in rules.rules if rule.kind is Kind.REFERRAL_ASK]
    assert "Acme  Groceries UK counts a referral only when" in referral.reason
    assert "{" not in "".join(rule.reason for rule in rules.rules)


def test_the_durations_line_and_number_words_are_content(tmp_path):
    data = shipped()
    data["durations"]["small_at_most"] = 30
    data["durations"]["number_words"]["quindici"] = 15
    data["durations"]["small_reason"] = "Small: {minutes} minutes of {company}'s time."
    rules = load_phrase_rules(write(tmp_path, data), "Acme")
    [small] = [m for m in scan(fold("Could you spare a 30-minute call?"), rules) if m.kind is Kind.SMALL_ASK]
    assert small.reason == "Small: 30 minutes of Acme's time."
    assert [m.reason for m in scan(fold("quindici minutes of your time"), rules)] == [
        "Small: 15 minutes of Acme's time."
    ]


def test_a_company_folders_own_rules_are_the_ones_its_notes_are_checked_against(company_folder, monkeypatch):
    text = (company_folder / "company.yaml").read_text(encoding="utf-8").replace("id: netflix", "id: acme")
    (company_folder / "company.yaml").write_text(text.replace("name: Netflix", "name: Acme Groceries"), "utf-8")
    data = shipped()
    data["rules"]["referral_asks"]["reason"] = "At {company}, a referral comes from someone who has worked with you."
    write(company_folder.parent, data)
    monkeypatch.setenv("PMPREP_CONTENT", str(company_folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    note = "Hi Sam, could you refer me? I'd love to join Netflix."
    with using_company("acme"):
        flags = check(note).flags
    assert [(f.kind, f.reason) for f in flags if f.kind is Kind.REFERRAL_ASK] == [
        (Kind.REFERRAL_ASK, "At Acme Groceries, a referral comes from someone who has worked with you.")
    ]
    assert Kind.HIRING_ASK not in {f.kind for f in flags}  # "Netflix" is not the company served
    with using_company("netflix"):
        flags = check(note).flags
    [referral] = [f for f in flags if f.kind is Kind.REFERRAL_ASK]
    assert referral.reason.startswith("Asks for a referral or to be passed on. Netflix counts a referral")
    assert Kind.HIRING_ASK in {f.kind for f in flags}


def test_a_company_without_a_file_of_its_own_gets_the_shipped_rules_in_its_name(company_folder, monkeypatch):
    text = (company_folder / "company.yaml").read_text(encoding="utf-8").replace("id: netflix", "id: acme")
    (company_folder / "company.yaml").write_text(text.replace("name: Netflix", "name: Acme Groceries"), "utf-8")
    (company_folder / "outreach_rules.yaml").unlink()
    monkeypatch.setenv("PMPREP_CONTENT", str(company_folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    with using_company("acme"):
        flags = check("Hi Sam, could you refer me?").flags
    [referral] = [f for f in flags if f.kind is Kind.REFERRAL_ASK]
    assert "Acme Groceries counts a referral only when" in referral.reason


def test_bigtechs_rules_state_no_netflix_policy():
    with using_company("bigtech"):
        flags = check("Hi Sam, could you refer me? And why was I rejected after the onsite?").flags
    reasons = {f.kind: f.reason for f in flags}
    assert reasons[Kind.REFERRAL_ASK].startswith("Asks for a referral or to be passed on. A referral from someone")
    assert "formal feedback" not in reasons[Kind.REFERRAL_ASK] and "Bigtech" not in reasons[Kind.REFERRAL_ASK]


# "named_work" is a kind the checker finds itself (specifics.py), not with a phrase rule.
@pytest.mark.parametrize("rule, kind", [("resumes", "cover_letter"), ("flattery", "named_work")])
def test_an_unknown_kind_names_the_rule_and_the_kinds_a_rule_may_flag(tmp_path, rule, kind):
    data = shipped()
    data["rules"][rule]["kind"] = kind
    assert problems(tmp_path, data) == [
        Problem(WHERE, f"rules.{rule}", "kind", f"is not a kind a phrase rule flags (expected {KINDS})")
    ]


def test_a_missing_or_empty_reason_is_named(tmp_path):
    data = shipped()
    del data["rules"]["big_asks"]["reason"]
    data["rules"]["small_asks"]["reason"] = "  "
    assert problems(tmp_path, data) == [
        Problem(WHERE, "rules.big_asks", "reason", "Field required"),
        Problem(WHERE, "rules.small_asks", "reason", "String should have at least 1 character"),
    ]


def test_a_pattern_that_does_not_compile_names_its_rule_and_position(tmp_path):
    data = shipped()
    data["rules"]["referral_asks"]["patterns"][2] = "\\brefer(?:ring"
    [problem] = problems(tmp_path, data)
    assert (problem.file, problem.entry, problem.field) == (WHERE, "rules.referral_asks", "patterns[2]")
    assert problem.message == "is not a valid pattern: missing ), unterminated subpattern at position 7"
    assert str(problem) == (
        "acme/outreach_rules.yaml › entry 'rules.referral_asks' › field 'patterns[2]': is not a valid pattern: "
        "missing ), unterminated subpattern at position 7"
    )


def test_a_pattern_that_matches_empty_text_is_refused(tmp_path):
    data = shipped()
    data["rules"]["open_ended_asks"]["patterns"][0] = "(?:any advice)?"
    assert problems(tmp_path, data) == [
        Problem(WHERE, "rules.open_ended_asks", "patterns[0]", "matches empty text, so it would match everywhere")
    ]


def test_an_unknown_fragment_is_named(tmp_path):
    data = shipped()
    data["rules"]["hiring_asks"]["patterns"][5] = "\\bany {opening}"
    assert problems(tmp_path, data) == [
        Problem(
            WHERE, "rules.hiring_asks", "patterns[5]", "names {opening}; it is not a fragment of this file or {company}"
        )
    ]


def test_a_quantifier_and_an_escaped_brace_are_not_fragments(tmp_path):
    data = shipped()
    data["rules"]["small_asks"]["patterns"] = ["\\bno \\{pressure\\} at all\\b", "\\b(?:a )?line{1,2}\\b"]
    rules = load_phrase_rules(write(tmp_path, data), "Acme")
    assert kinds_found(rules, "No {pressure} at all.") == {Kind.SMALL_ASK}


def test_an_empty_pattern_list_and_an_empty_file_of_rules_are_refused(tmp_path):
    data = shipped()
    data["rules"]["flattery"]["patterns"] = []
    assert problems(tmp_path, data) == [
        Problem(WHERE, "rules.flattery", "patterns", "List should have at least 1 item after validation, not 0")
    ]
    data["rules"] = {}
    assert problems(tmp_path, data) == [
        Problem(WHERE, "rules", None, "Dictionary should have at least 1 item after validation, not 0")
    ]


def test_a_fragment_may_use_only_company(tmp_path):
    data = shipped()
    data["fragments"]["team"] = "(?:{want}|your) team"
    data["fragments"]["company"] = "acme"
    assert problems(tmp_path, data) == [
        Problem(WHERE, "fragments", "company", "is the company's name; a fragment needs a name of its own"),
        Problem(WHERE, "fragments", "team", "names {want}; a fragment may use only {company}"),
    ]


def test_an_unknown_placeholder_in_a_reason_is_named(tmp_path):
    data = shipped()
    data["rules"]["flattery"]["reason"] = "Praise for {name}."
    data["durations"]["big_reason"] = "Asks for {hours} hours."
    assert problems(tmp_path, data) == [
        Problem(WHERE, "durations", "big_reason", "names {hours}; the placeholders it may use: {company}, {minutes}"),
        Problem(WHERE, "rules.flattery", "reason", "names {name}; the placeholders it may use: {company}"),
    ]


def test_a_wrong_type_an_unknown_field_and_a_bad_number_word_are_named(tmp_path):
    data = shipped()
    data["durations"]["small_at_most"] = "fifteen"
    data["durations"]["number_words"]["Twelve"] = 12
    data["rules"]["resumes"]["weight"] = 3
    found = {(p.entry, p.field): p.message for p in problems(tmp_path, data)}
    assert found == {
        ("durations", "small_at_most"): "Input should be a valid integer, unable to parse string as an integer",
        ("durations", "number_words.Twelve.[key]"): "String should match pattern '^[a-z]+(?:-[a-z]+)*$'",
        ("rules.resumes", "weight"): "Extra inputs are not permitted",
    }


def test_every_problem_is_reported_at_once_in_one_message(tmp_path):
    data = shipped()
    data["rules"]["resumes"]["kind"] = "cv"
    data["rules"]["job_seeking"]["patterns"][0] = "({doc}"
    data["rules"]["research_framing"]["patterns"][1] = "{prep}"
    with pytest.raises(ContentError) as caught:
        load_phrase_rules(write(tmp_path, data), "Acme")
    lines = str(caught.value).splitlines()
    assert lines[0] == "3 problems in the content:"
    assert lines[1].startswith(
        "  - acme/outreach_rules.yaml › entry 'rules.job_seeking' › field 'patterns[0]': is not a valid pattern"
    )
    assert lines[2] == (
        "  - acme/outreach_rules.yaml › entry 'rules.research_framing' › field 'patterns[1]': names {prep}; "
        "it is not a fragment of this file or {company}"
    )
    assert lines[3] == (
        f"  - acme/outreach_rules.yaml › entry 'rules.resumes' › field 'kind': is not a kind a phrase rule flags "
        f"(expected {KINDS})"
    )


def test_a_missing_section_and_a_file_that_is_not_yaml(tmp_path):
    data = shipped()
    del data["durations"]
    assert problems(tmp_path, data) == [Problem(WHERE, "durations", None, "Field required")]
    [problem] = problems(tmp_path, "rules: [unclosed")
    assert (problem.file, problem.entry, problem.field) == (WHERE, None, None)
    assert problem.message.startswith("cannot be read:")
