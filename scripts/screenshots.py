"""Screenshots of pmprep's main pages on a phone (390 px) and a desktop (1280 px), into docs/screenshots/.

    python scripts/screenshots.py [--only NAME ...] [--dark] [--full-page] [--no-save] [--axe]

Starts a real `pmprep serve` on a throw-away data folder (as the end-to-end tests do), signs up in
Debian's headless Chromium, makes a little of everything (an answered drill, a story, a case deck, a
mock loop with one round done, a plan, a research note, a recording, a debriefed real round) and saves
NAME-390.png and NAME-1280.png for each page in tests/e2e/pages.py. It prints each page's width against the viewport and the header's
height; --axe adds axe-core's serious and critical findings. --dark emulates a dark colour scheme
(files NAME-390-dark.png), --no-save only measures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from playwright.sync_api import sync_playwright  # noqa: E402 - after the path

from tests.e2e.browsing import seed_a_candidate  # noqa: E402
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402
from tests.e2e.pages import DESKTOP, PAGES, PHONE, look, widest  # noqa: E402
from tests.e2e.served import start_server  # noqa: E402

TARGET = ROOT / "docs" / "screenshots"


def shrink(path: Path) -> None:
    """Keep the committed PNGs small: a 256-colour palette is plenty for text on flat colour."""
    from PIL import Image  # Pillow comes with fpdf2

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="page names to take (default: all)")
    parser.add_argument("--dark", action="store_true", help="emulate prefers-color-scheme: dark")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    parser.add_argument("--no-save", action="store_true", help="measure only")
    parser.add_argument("--axe", action="store_true", help="run axe-core on each page too")
    options = parser.parse_args()
    axe = None
    if options.axe:
        from axe_playwright_python.sync_playwright import Axe

        axe = Axe()
    pages = [p for p in PAGES if not options.only or p.name in options.only]
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))
        server = start_server(Path(home))
        if not server.url:
            print("\n".join(server.output), file=sys.stderr)
            return 1
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                scheme = "dark" if options.dark else "light"
                signed_in = browser.new_context(color_scheme=scheme)
                visitor = browser.new_context(color_scheme=scheme)
                made = seed_a_candidate(signed_in.new_page(), server.url, "screenshots")
                for context in (signed_in, visitor):
                    tab = context.new_page()
                    for item in [q for q in pages if q.signed_in == (context is signed_in)]:
                        for size in (PHONE, DESKTOP):
                            tab.set_viewport_size(size)
                            tab.goto(item.url(server.url, made))
                            if item.reach:
                                item.reach(tab)
                            seen = look(tab, axe)
                            wide = (
                                ""
                                if seen.width <= size["width"]
                                else "  wide: " + ", ".join(widest(tab, size["width"]))
                            )
                            found = f"  axe: {len(seen.violations)} {seen.describe()}" if axe else ""
                            print(
                                f"{item.name:12} {size['width']:5} width {seen.width:5} header {seen.header:4.0f}{wide}{found}"
                            )
                            if not options.no_save:
                                suffix = "-dark" if options.dark else ""
                                path = TARGET / f"{item.name}-{size['width']}{suffix}.png"
                                tab.screenshot(path=str(path), full_page=options.full_page)
                                shrink(path)
                browser.close()
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
