"""The web UI in real headless Chromium: load, filter, click a marker, read the article with its
evidence highlighted; screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

EVIDENCE = "أعلنت قيادة العمليات المشتركة يوم الثلاثاء أن القوات العراقية اشتبكت مع مسلحي تنظيم داعش في الموصل."


@pytest.fixture()
def page(browser, live_server):
    base = live_server[0]
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-GB")
    pg = ctx.new_page()
    outside: list[str] = []
    errors: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(base + "/")
    pg.wait_for_selector("body.ready", timeout=15000)
    yield pg
    assert outside == [], f"the page reached outside the server (it must work offline): {outside}"
    assert errors == [], f"browser errors: {errors}"
    ctx.close()


def test_map_filter_marker_article(page):
    # every event is on the map (6 places far enough apart not to cluster) and in the list
    expect(page.locator(".ev-marker")).to_have_count(6)
    assert page.locator(".ev-item").count() == 6
    assert page.locator("path.leaflet-interactive, .leaflet-basemap-pane path").count() > 100  # Natural Earth shapes
    assert "6 events" in page.locator("#count").inner_text()
    labels = page.locator(".country-label span").all_inner_texts()
    assert "Iraq" in labels and "Syria" in labels  # basemap labelled in the interface's language

    # filter by country: only Iraq's three events remain
    page.select_option("#f-country", "IQ")
    expect(page.locator(".ev-item")).to_have_count(3)
    expect(page.locator(".ev-marker")).to_have_count(3)
    assert "country=IQ" in page.locator("#export-csv").get_attribute("href")

    # type chip: Battles only
    page.click(".chip[data-type='Battles']")
    expect(page.locator(".ev-item")).to_have_count(1)
    page.click(".chip[data-type='Battles']")
    expect(page.locator(".ev-item")).to_have_count(3)

    # click the Mosul marker: the reader opens with the evidence highlighted and in view
    page.locator(".ev-marker span[data-id='1']").click()
    page.wait_for_selector("#reader:not([hidden]) .evidence.selected")
    art = page.locator("#art-text")
    assert art.get_attribute("dir") == "rtl"
    ev = page.locator(".evidence.selected")
    assert ev.count() == 1
    assert ev.inner_text().replace("\n", "").startswith(EVIDENCE[:20])
    assert "اشتبكت" in page.locator(".evidence.selected mark.hl-EVENT").inner_text()
    assert page.locator("mark.hl-LOC.hl-place").first.inner_text().startswith("الموصل")
    assert page.locator("mark.hl-DATE").first.inner_text().startswith("يوم الثلاثاء")
    assert page.locator("mark.hl-PER").first.inner_text().startswith("يحيى رسول")
    assert "المعارك أسفرت" in page.locator("q.quote").first.inner_text()
    assert page.locator(".ev-item.selected").get_attribute("data-id") == "1"
    assert page.locator(".ev-marker.selected").count() == 1
    box, reader = ev.bounding_box(), page.locator(".reader-body").bounding_box()
    assert box and reader and reader["y"] <= box["y"] <= reader["y"] + reader["height"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-reader.png"))

    # the Arabic interface: right to left, Arabic labels
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("[data-i18n='events']").inner_text() == "الأحداث"
    assert page.locator(".card-type").inner_text() == "معارك"
    assert "العراق" in page.locator(".country-label span").all_inner_texts()
    page.screenshot(path=str(ARTIFACTS / "web-reader-ar.png"))
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_timeline_filters_map(page):
    expect(page.locator(".ev-marker")).to_have_count(6)
    bars = page.locator("rect.tl-bar")
    assert bars.count() >= 6
    # click the bar of 13 June 2017: only the Mosul battle is left
    page.locator("rect.tl-bar[data-from='2017-06-13']").click()
    expect(page.locator(".ev-item")).to_have_count(1)
    expect(page.locator(".ev-marker")).to_have_count(1)
    assert "2017-06-13" in page.locator("#period-text").inner_text()
    # drag across the whole histogram: everything again
    svg = page.locator("#timeline").bounding_box()
    y = svg["y"] + svg["height"] / 2
    page.mouse.move(svg["x"] + 36, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] / 2, y, steps=5)
    page.mouse.move(svg["x"] + svg["width"] - 4, y, steps=5)
    page.mouse.up()
    expect(page.locator(".ev-item")).to_have_count(6)
    # text search narrows to the article that mentions the word
    page.fill("#f-q", "صنعاء")
    expect(page.locator(".ev-item")).to_have_count(1)
    assert page.locator(".ev-item .ev-title").inner_text() == "Abduction/forced disappearance"
    expect(page.locator("rect.tl-bar")).to_have_count(1)  # the timeline follows the other filters
    page.click("#reset")
    expect(page.locator(".ev-item")).to_have_count(6)
    expect(page.locator("rect.tl-bar[data-from='2017-04-29']")).to_have_count(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-map.png"))


def test_api_reference_works_offline(browser, live_server):
    base = live_server[0]
    ctx = browser.new_context()
    pg = ctx.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None)
    pg.goto(base + "/static/api.html")
    expect(pg.locator("section.op").first).to_be_visible()
    paths = pg.locator("code.path").all_inner_texts()
    for path in ("/api/events", "/api/events.csv", "/api/events.geojson", "/api/articles/{article_id}", "/healthz"):
        assert path in paths
    assert pg.locator(".lock").count() == 1  # the one write endpoint needs the token
    assert outside == []
    ctx.close()


def test_filters_in_the_url_and_events_in_view(browser, live_server):
    base = live_server[0]
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = ctx.new_page()
    pg.goto(base + "/#country=IQ&event_type=Battles")  # a shared link restores its filters
    expect(pg.locator(".ev-item")).to_have_count(1)
    assert pg.locator("#f-country").input_value() == "IQ"
    assert pg.locator(".chip.on").get_attribute("data-type") == "Battles"
    pg.click(".chip[data-type='Battles']")
    expect(pg.locator(".ev-item")).to_have_count(3)
    assert "country=IQ" in pg.evaluate("location.hash") and "event_type" not in pg.evaluate("location.hash")
    # only events in the map view: zoom in on Mosul, Baghdad and Basra leave the list
    pg.check("#f-inview")
    expect(pg.locator(".ev-item")).to_have_count(3)
    expect(pg.locator(".ev-marker")).to_have_count(3)
    pg.wait_for_load_state("networkidle")  # the markers are redrawn once the new answers are in
    mosul = pg.locator(".ev-marker span[data-id='1']")
    box = None
    for _ in range(20):
        expect(mosul).to_be_visible()
        box = mosul.bounding_box()
        if box:
            break
        pg.wait_for_timeout(100)
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(4):
        pg.mouse.wheel(0, -400)
        pg.wait_for_timeout(250)
    expect(pg.locator(".ev-item")).to_have_count(1)
    assert pg.locator(".ev-item").get_attribute("data-id") == "1"
    assert "bbox=" in pg.locator("#export-csv").get_attribute("href")
    expect(pg.locator(".ev-marker")).to_have_count(1)  # the map itself still holds every event (others off-screen)
    ctx.close()


def test_configured_tiles_are_drawn_under_the_events(browser, live_server, tmp_path):
    """--tile-url: a tile layer under the markers (here served by the test server itself, so the
    test needs no network); the Natural Earth layer turns transparent and unlabelled."""
    import socket
    import threading
    import time

    import uvicorn

    from marsad.api.app import create_app

    store = live_server[1]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    tile = f"http://127.0.0.1:{port}/static/vendor/leaflet/images/marker-icon.png?z={{z}}&x={{x}}&y={{y}}"
    server = uvicorn.Server(uvicorn.Config(create_app(backend=store, tile_url=tile, tile_attribution="Test tiles"),
                                           host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        ctx = browser.new_context(viewport={"width": 1200, "height": 800})
        pg = ctx.new_page()
        pg.goto(f"http://127.0.0.1:{port}/")
        pg.wait_for_selector("body.ready")
        expect(pg.locator(".ev-marker")).to_have_count(6)
        expect(pg.locator("img.leaflet-tile-loaded").first).to_be_attached()
        assert "Test tiles" in pg.locator(".leaflet-control-attribution").inner_text()
        assert pg.locator(".country-label").count() == 0
        ctx.close()
    finally:
        server.should_exit = True
        thread.join(10)
