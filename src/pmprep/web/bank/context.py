from __future__ import annotations

from django.http import HttpRequest

from pmprep.config import active_catalog


def catalog_nav(request: HttpRequest) -> dict[str, object]:
    catalog = active_catalog()
    return {"company": catalog.company, "nav_tracks": list(catalog.tracks.values())}
