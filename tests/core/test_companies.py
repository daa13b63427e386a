"""Which company is served: the shipped folders, PMPREP_CONTENT's, PMPREP_COMPANY, and one chosen for a block
of work; the catalog, the frameworks and the analyzer's bank lookups all follow it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmprep.analysis import analyze
from pmprep.bank import SHIPPED
from pmprep.config import ConfigError, active_catalog, companies, company, default_company, using_company

ACME_QUESTION = """questions:
  - id: acme-only-checkout
    text: How would you cut the time it takes a first-time buyer to check out in Acme's grocery app?
    type: product_design
    tracks: [early_in, experienced]
    rounds: [ei_case_presentation, ex_case_presentation]
    competencies: [customer_obsession]
    difficulty: medium
    talking_points:
      - Names the first-time buyer and where they drop out of checkout, with the share that does.
      - Picks one change for a first version and the metric that says it worked.
      - Says what could go wrong for returning buyers and how the change is rolled out.
    probes:
      - What would you not build, and why?
      - How would you know the change, and not the season, moved the number?
"""


@pytest.fixture
def acme(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder)
    text = (folder / "company.yaml").read_text(encoding="utf-8").replace("id: netflix", "id: acme")
    (folder / "company.yaml").write_text(text.replace("name: Netflix", "name: Acme Groceries"), encoding="utf-8")
    (folder / "questions" / "acme.yaml").write_text(ACME_QUESTION, encoding="utf-8")
    monkeypatch.setenv("PMPREP_CONTENT", str(folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    return folder


def test_the_shipped_netflix_folder_is_served_by_default(monkeypatch):
    monkeypatch.delenv("PMPREP_CONTENT", raising=False)
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    assert companies()["netflix"] == SHIPPED
    assert company() == default_company() == "netflix" and active_catalog().company.name == "Netflix"


def test_pmprep_content_is_served_by_default_beside_the_shipped_folders(acme):
    assert companies()["acme"] == acme and companies()["netflix"] == SHIPPED
    assert company() == "acme" and active_catalog().company.name == "Acme Groceries"
    assert "acme-only-checkout" in active_catalog().questions


def test_pmprep_company_picks_the_default_and_an_unknown_one_is_refused(acme, monkeypatch):
    monkeypatch.setenv("PMPREP_COMPANY", "netflix")
    assert company() == "netflix" and "acme-only-checkout" not in active_catalog().questions
    monkeypatch.setenv("PMPREP_COMPANY", "initech")
    with pytest.raises(ConfigError, match=r"PMPREP_COMPANY='initech' is not a company folder; expected one of "):
        company()


def test_a_block_of_work_serves_the_company_chosen_for_it_and_then_the_default_again(acme):
    with using_company("netflix"):
        assert active_catalog().company.name == "Netflix"
        with using_company("acme"):
            assert active_catalog().company.name == "Acme Groceries"
        assert company() == "netflix"
    assert company() == "acme"
    with pytest.raises(ConfigError, match="'initech' is not a company folder"):
        with using_company("initech"):
            pass


def test_the_analyzer_finds_a_question_in_the_bank_of_the_company_served(acme):
    with using_company("acme"):
        fb = analyze("acme-only-checkout", "First-time buyers drop out at the address step: 30% of them leave there.")
    assert fb.question.startswith("How would you cut the time") and fb.question_type == "product_design"
    with using_company("netflix"):
        other = analyze("acme-only-checkout", "First-time buyers drop out at the address step.")
    assert other.question == "acme-only-checkout"  # not a question of Netflix's bank: judged as typed
