"""An alias (`aliases:`) works in a real browser: its redirect page sends Chromium on to the
explainer with JavaScript turned off (the meta refresh alone), and it is valid HTML (W3C Nu).
"""
import time
from pathlib import Path

from conftest import Preview
from test_site import run_validator


def test_an_alias_redirects_without_javascript_and_is_valid_html(tmp_path: Path, driver):
    server = Preview(tmp_path)
    sample = server.content / "russia-taliban" / "index.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("\n---\n", "\naliases: [old-russia-taliban]\n---\n", 1), encoding="utf-8")
    server.start()
    try:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get(server.base + "/old-russia-taliban/")
        deadline = time.monotonic() + 10
        while not driver.current_url.endswith("/russia-taliban/") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert driver.current_url == server.base + "/russia-taliban/"
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        assert server.stop() == 0, server.log()
    page = server.output / "old-russia-taliban" / "index.html"
    assert '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8")
    code, report = run_validator("--files", str(page))
    assert code == 0, report
