"""Render every diagram source figures/<id>.<lang>.mmd into docs/assets/figures/<id>.<lang>.svg and .png.

The renderer is the pinned mermaid (node_modules/mermaid/dist/mermaid.min.js) in Debian's chromium, driven by
Playwright; nothing is downloaded and every request other than the blank page is refused. Settings come from
figures/mermaid.json. Beside each output, <id>.<lang>.sha256 records the hash of the source and the settings it was
made from (hooks/checks/figures.py): the build fails when a source changed after its figure was rendered, so the
site itself never needs a browser.

SVG: white background (readable on the light and the dark scheme, and on any slide), text as SVG text (no
foreignObject: presentation programs import it), explicit width and height. PNG: the same SVG drawn by chromium as
an image, at least 1600 px wide, for slides.

    .venv/bin/python scripts/render_figures.py            # only figures whose source or settings changed
    .venv/bin/python scripts/render_figures.py --all      # every figure
    .venv/bin/python scripts/render_figures.py --check    # list stale figures, exit 1 if any (no browser)
    .venv/bin/python scripts/render_figures.py fig-hpa-axis   # these ids only (both languages)

Chinese labels need a CJK font on the rendering machine (Debian: apt-get install fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from checks.figures import (OUTPUT_DIR, RENDER_CONFIG, SOURCES_DIR, renderer_fingerprint,  # noqa: E402
                            source_hash)

CHROMIUM = "/usr/bin/chromium"
MERMAID = ROOT / "node_modules/mermaid/dist/mermaid.min.js"
MIN_PNG_WIDTH = 1600
BLANK = "http://figures.invalid/"  # a page of our own; every other request is refused


def stale(names: list[str], renderer: str) -> list[str]:
    out = ROOT / OUTPUT_DIR
    result = []
    for name in names:
        stored = out / f"{name}.sha256"
        source = (ROOT / SOURCES_DIR / f"{name}.mmd").read_text(encoding="utf-8")
        fresh = stored.is_file() and stored.read_text(encoding="utf-8").strip() == source_hash(source, renderer)
        if not (fresh and (out / f"{name}.svg").is_file() and (out / f"{name}.png").is_file()):
            result.append(name)
    return result


def standalone(svg: str, background: str) -> tuple[str, float, float]:
    """Mermaid's inline SVG as a file: explicit size from the viewBox, a background, an XML declaration."""
    view_box = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
    if not view_box:
        raise ValueError("mermaid's SVG has no viewBox")
    x, y, width, height = (float(v) for v in view_box.groups())
    svg = re.sub(r'^<svg([^>]*?) width="100%"', r"<svg\1", svg, count=1)
    svg = re.sub(r'^<svg([^>]*?) style="[^"]*"', r"<svg\1", svg, count=1)
    svg = svg.replace("<svg ", f'<svg width="{math.ceil(width)}" height="{math.ceil(height)}" ', 1)
    opening = svg.index(">") + 1
    backdrop = f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{background}"/>'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{svg[:opening]}{backdrop}{svg[opening:]}\n', width, height


def render(names: list[str], settings: dict, renderer: str) -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / OUTPUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context()
        context.route("**/*", lambda route: route.fulfill(body="<!doctype html><meta charset=utf-8><body></body>",
                                                           content_type="text/html")
                      if route.request.url == BLANK else route.abort())
        page = context.new_page()
        page.goto(BLANK)
        page.add_script_tag(content=MERMAID.read_text(encoding="utf-8"))
        for name in names:
            figure_id, lang = name.rsplit(".", 1)
            source = (ROOT / SOURCES_DIR / f"{name}.mmd").read_text(encoding="utf-8")
            config = json.loads(json.dumps(settings["mermaid"]))
            config["fontFamily"] = config["themeVariables"]["fontFamily"] = settings["fontFamily"][lang]
            svg = page.evaluate("""async ([id, text, config]) => {
                mermaid.initialize(config);
                return (await mermaid.render(id, text)).svg;
            }""", [f"{figure_id}-{lang}", source, config])
            if "<foreignObject" in svg:
                raise ValueError(f"{name}: labels rendered as HTML (foreignObject); keep htmlLabels false")
            svg, width, height = standalone(svg, settings["background"])
            scale = max(2.0, MIN_PNG_WIDTH / width)
            png = raster(browser, svg, width, height, scale)
            (out / f"{name}.svg").write_text(svg, encoding="utf-8")
            (out / f"{name}.png").write_bytes(png)
            (out / f"{name}.sha256").write_text(source_hash(source, renderer) + "\n", encoding="utf-8")
            print(f"{name}: {math.ceil(width)}×{math.ceil(height)} SVG, {math.ceil(width * scale)} px PNG")
        browser.close()


def raster(browser, svg: str, width: float, height: float, scale: float) -> bytes:
    """The SVG file as chromium draws it in an <img> (as a slide or a page would), at scale."""
    context = browser.new_context(viewport={"width": math.ceil(width), "height": math.ceil(height)},
                                  device_scale_factor=scale)
    context.route("**/*", lambda route: route.abort() if not route.request.url.startswith("data:") else route.continue_())
    page = context.new_page()
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    page.set_content(f'<body style="margin:0"><img src="data:image/svg+xml;base64,{data}" '
                     f'width="{math.ceil(width)}" height="{math.ceil(height)}" style="display:block"></body>')
    page.wait_for_function("document.images[0].complete && document.images[0].naturalWidth > 0")
    png = page.locator("img").screenshot(type="png", omit_background=False)
    context.close()
    return png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="figure ids to render (default: every stale figure)")
    parser.add_argument("--all", action="store_true", help="render every figure")
    parser.add_argument("--check", action="store_true", help="only list stale figures; exit 1 if any")
    args = parser.parse_args()
    settings_text = (ROOT / RENDER_CONFIG).read_text(encoding="utf-8")
    renderer = renderer_fingerprint(settings_text, (ROOT / "package.json").read_text(encoding="utf-8"))
    names = sorted(p.name.removesuffix(".mmd") for p in (ROOT / SOURCES_DIR).glob("*.mmd"))
    if args.ids:
        names = [n for n in names if n.rsplit(".", 1)[0] in args.ids]
    todo = names if args.all or args.ids else stale(names, renderer)
    if args.check:
        print("\n".join(todo) or "every figure is up to date")
        return 1 if todo else 0
    if not todo:
        print("every figure is up to date")
        return 0
    if any(n.endswith(".zh") for n in todo) and not subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip():
        print("no CJK font: Chinese labels would render as boxes (Debian: apt-get install fonts-noto-cjk)",
              file=sys.stderr)
        return 1
    render(todo, json.loads(settings_text), renderer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
