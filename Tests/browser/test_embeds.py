"""Embeds in Chromium: a site whose site.yml adds an embed provider on a local HTTP server
(127.0.0.1, a free port) shows its frame; the page's Content-Security-Policy allows exactly
that origin (no violation in the console), the caption links to the original, and the pages
pass axe (light and dark, phone and desktop) and the Nu validator. A second explainer holds
one embed of every built-in provider: it is only validated (the test machine has no network).
"""
import socket
import threading
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import VIEWPORTS, Preview, set_viewport
from test_site import axe_report, clear_logs, console_errors, failed_requests, open_page, run_validator

FRAME = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local chart</title></head>
<body><p id="chart">Local chart: 42 per cent</p></body></html>
"""

LOCAL = """---
title: "Local charts, explained"
summary: "An explainer with a chart from a provider the site adds."
date: 2025-06-01
tags: [Charts]
---
```embed
http://127.0.0.1:{port}/chart.html
title: Share of households, 2025
height: 240
```

The chart above comes from the newsroom's own chart server.

## More

Nothing else is embedded here.
"""

BUILT_IN = """---
title: "Every provider, explained"
summary: "One embed of each built-in provider."
date: 2025-06-02
tags: [Charts]
---
The lede.

```embed
https://datawrapper.dwcdn.net/Ab1Cd/1/
title: A Datawrapper chart
```

```embed
https://public.flourish.studio/visualisation/1234567/
title: A Flourish chart
```

```embed
https://www.youtube.com/watch?v=dQw4w9WgXcQ
title: A YouTube video
```

```embed
https://vimeo.com/76979871
title: A Vimeo video
ratio: 4:3
```

```embed
https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk
title: A Spotify episode
```

```embed
https://podcasts.apple.com/gb/podcast/the-daily/id1200361736?i=1000650000000
title: An Apple Podcasts episode
```
"""

PAGE = "/local-charts/"

# What the Nu validator says of every embed that is not wrong here (each is checked to be all
# it says, below): its bundled schema predates `loading` on <iframe> (in the HTML standard, and
# in every current browser); and it warns against `allow-scripts` with `allow-same-origin`,
# which lets a frame of the page's OWN origin remove its sandbox. An embed's frame is always
# another site's (a provider's host, never the site's pages), and the players need both (their
# storage and cookies), so that combination gives the frame nothing over the page.
VALIDATOR_GAPS = ('Attribute "loading" not allowed on element "iframe"',
                  'Setting both "allow-scripts" and "allow-same-origin" is not recommended')


@pytest.fixture(scope="module")
def frame_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("frames")
    (folder / "chart.html").write_text(FRAME, encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = HTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield port
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def embeds(tmp_path_factory, frame_server):
    server = Preview(tmp_path_factory.mktemp("embeds"))
    site = server.content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "\nembeds:\n  - name: Newsroom charts\n    hosts: [127.0.0.1]\n",
                    encoding="utf-8")
    (server.content / "local-charts.md").write_text(LOCAL.replace("{port}", str(frame_server)), encoding="utf-8")
    (server.content / "every-provider.md").write_text(BUILT_IN, encoding="utf-8")
    server.start()
    yield server
    status = server.stop()
    assert status == 0, f"explainer preview did not stop cleanly (status {status}):\n{server.log()}"


def test_the_frame_loads_from_the_added_provider(driver, embeds, frame_server):
    set_viewport(driver, *VIEWPORTS["desktop"])
    clear_logs(driver)
    open_page(driver, embeds.base + PAGE)
    policy = driver.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert f"frame-src http://127.0.0.1:{frame_server}" in policy, policy
    frame = driver.find_element(By.CSS_SELECTOR, "figure.embed iframe")
    assert frame.get_attribute("title") == "Share of households, 2025"
    assert frame.get_attribute("loading") == "lazy" and frame.get_attribute("height") == "240"
    assert frame.get_attribute("style") in (None, "")
    driver.execute_script("arguments[0].scrollIntoView()", frame)
    driver.switch_to.frame(frame)
    try:
        text = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "chart").text)
    finally:
        driver.switch_to.default_content()
    assert text == "Local chart: 42 per cent"
    link = driver.find_element(By.CSS_SELECTOR, "figure.embed figcaption a")
    assert link.get_attribute("href") == f"http://127.0.0.1:{frame_server}/chart.html"
    assert link.text == "Share of households, 2025"
    assert not console_errors(driver), console_errors(driver)
    assert not failed_requests(driver), failed_requests(driver)


def test_a_page_without_the_embed_blocks_no_frame_it_shows(driver, embeds):
    open_page(driver, embeds.base + PAGE + "more/")
    policy = driver.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "frame-src" not in policy
    assert not driver.find_elements(By.CSS_SELECTOR, "iframe")


def test_the_embed_pages_are_valid_html(embeds):
    pages = [embeds.output / "local-charts" / "index.html", embeds.output / "local-charts" / "all" / "index.html",
             embeds.output / "every-provider" / "index.html"]
    for page in pages:
        assert page.exists(), page
    code, output = run_validator("--files", *map(str, pages), ignore=VALIDATOR_GAPS)
    assert code == 0, f"W3C Nu validator reported errors:\n{output}"
    # Only those gaps are ignored: one of each per frame (1 + 1 + 6 frames), nothing else.
    _, strict = run_validator("--files", *map(str, pages))
    messages = [line for line in strict.splitlines() if "error:" in line]
    assert len(messages) == 16 and all(any(gap in m for gap in VALIDATOR_GAPS) for m in messages), strict


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_embed_pages(driver, embeds, viewport, scheme):
    report = axe_report(driver, embeds.base, [PAGE, PAGE + "all/"], viewport, scheme)
    assert not report, "\n".join(report)
