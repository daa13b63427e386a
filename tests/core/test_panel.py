"""The case panel is content: panel.yaml names the roles and what each asks; a broken file is refused with
file, entry and field, and each company's panel speaks in its own words."""

from __future__ import annotations

import shutil

import pytest

from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.cases import Deck, qa_probes
from pmprep.cases.deck import SectionId
from pmprep.cases.panel import load_panel, panel
from pmprep.config import active_catalog, using_company
from pmprep.loops import plan_loop


def test_the_shipped_panel_has_three_roles_in_the_companys_name():
    shipped = load_panel(SHIPPED / "panel.yaml", "Netflix")
    assert [(r.id, r.name) for r in shipped.roles] == [
        ("design", "Design"),
        ("data_science", "Data science"),
        ("engineering", "Engineering"),
    ]
    assert [len(r.general) for r in shipped.roles] == [2, 2, 2]
    assert list(shipped.role("engineering").sections) == [
        SectionId.ROLLOUT_PLAN,
        SectionId.SOLUTION_OPTIONS,
        SectionId.TRADE_OFFS,
        SectionId.RISKS,
    ]
    assert "What breaks at Netflix scale" in shipped.role("engineering").general[1]
    assert "{company}" not in " ".join(q for r in shipped.roles for qs in r.sections.values() for q in qs)


def test_a_broken_panel_file_names_file_entry_and_field(tmp_path):
    folder = tmp_path / "acme"
    folder.mkdir()
    text = (SHIPPED / "panel.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: data_science\n    name: Data science\n", "  - id: design\n    name: Data science\n")
    text = text.replace("      rollout_plan:", "      launch:", 1)
    (folder / "panel.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_panel(folder / "panel.yaml", "Acme")
    sections = ", ".join(s.value for s in SectionId)
    assert set(error.value.problems) == {
        Problem("acme/panel.yaml", "design", "id", "another role has this id"),
        Problem(
            "acme/panel.yaml", "engineering", "sections.launch", f"is not a deck section (expected one of {sections})"
        ),
    }
    (folder / "panel.yaml").write_text("roles:\n  - id: design\n    name: ''\n    general: []\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_panel(folder / "panel.yaml", "Acme")
    assert {(p.entry, p.field) for p in error.value.problems} == {
        ("design", "name"),
        ("design", "general"),
        ("design", "sections"),
    }


def test_a_company_folders_panel_is_what_its_mock_loop_and_rehearsal_ask(tmp_path, monkeypatch):
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder)
    text = (folder / "company.yaml").read_text(encoding="utf-8").replace("id: netflix", "id: acme")
    (folder / "company.yaml").write_text(text.replace("name: Netflix", "name: Acme"), encoding="utf-8")
    (folder / "panel.yaml").write_text(
        "roles:\n  - id: finance\n    name: Finance\n    general: ['What does this cost {company} in year one?']\n"
        "    sections:\n      trade_offs: ['Which option pays back first?']\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PMPREP_CONTENT", str(folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    with using_company("acme"):
        assert panel().general == ("What does this cost Acme in year one?",)
        probes = qa_probes(Deck(title="t", prompt="p", sections={}), seed="s")
        assert [(p.role, p.role_name, p.section, p.question) for p in probes] == [
            ("finance", "Finance", SectionId.TRADE_OFFS, "Which option pays back first?"),
            ("finance", "Finance", None, "What does this cost Acme in year one?"),
        ]


def test_the_second_company_panel_speaks_of_users_not_members():
    with using_company("bigtech"):
        roles = panel().roles
        words = " ".join(q for r in roles for q in (*r.general, *(x for qs in r.sections.values() for x in qs)))
        catalog = active_catalog()
        rounds = [r for t in catalog.tracks for r in plan_loop(catalog, t, seed="s") if r.qa_probes]
        general = panel().general
    assert "member" not in words.lower() and "Netflix" not in words
    assert rounds and all(r.qa_probes == general for r in rounds)
