"""No page shows an internal id where the catalog has a name for it ("Productdesign", "Earlyin",
`scope_control`): every page of the URLconf, with a user who has saved one of everything, and the
Markdown downloads. Ids inside URLs, form values and other attributes are fine."""

from __future__ import annotations

import re

import pytest
import time_machine

from pmprep.config import active_catalog
from tests.web.test_loop_labels import SNAKE_CASE, visible
from tests.web.test_validation_limits import NOW, save_everything, urls

pytestmark = pytest.mark.django_db


def named_ids() -> dict[str, str]:
    """Every id the catalog gives a name to: rounds, tracks, competencies, question types, themes."""
    catalog = active_catalog()
    return {
        **{r: v.name for r, v in catalog.rounds.items()},
        **{t: v.name for t, v in catalog.tracks.items()},
        **{c: catalog.competency_name(c) for c in [*catalog.dimensions, *catalog.components]},
        **{t: v.name for t, v in catalog.question_types.items()},
        **{t: v.name for t, v in catalog.themes.items()},
    }


def leaks(text: str) -> set[str]:
    """Ids with an underscore as written, or squashed the way a title filter squashes them, and any other
    snake_case word (the shape of every such id)."""
    found = set(SNAKE_CASE.findall(text))
    for key in named_ids():
        if "_" in key:
            squashed = key.replace("_", "").title()
            if re.search(rf"\b{squashed}\b", text):
                found.add(squashed)
    return found


@pytest.fixture
def pages(client, alice):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        saved = save_everything(client, alice)
        out = {}
        for _name, url in urls(saved):
            response = client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code == 200 and (kind.startswith("text/html") or kind.startswith("text/markdown")):
                out[url] = response.content.decode()
        client.logout()
        for url in ("/", "/questions/", "/loop/", "/primers/"):
            out[f"{url} (anonymous)"] = client.get(url).content.decode()
    return out


def test_no_page_or_markdown_download_shows_a_catalog_id_as_text(pages):
    assert len(pages) > 40
    found = {url: sorted(leaks(visible(html) if "<html" in html else html)) for url, html in pages.items()}
    wrong = {url: ids for url, ids in found.items() if ids}
    assert not wrong, "\n".join(f"{u}: {i}" for u, i in wrong.items())
