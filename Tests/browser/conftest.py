"""Fixtures for the browser tests: a freshly built site, a local server for it, headless Chromium.

The site folder comes from $EXPLAINER_SITE (Scripts/browser-tests.sh builds one into a temp
folder); without it, the explainer binary of .build/ builds Content/ into a temp folder here.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1440, 900)}


def explainer_binary() -> Path:
    if os.environ.get("EXPLAINER_BIN"):
        return Path(os.environ["EXPLAINER_BIN"])
    for config in ("release", "debug"):
        candidate = ROOT / ".build" / config / "explainer"
        if candidate.exists():
            return candidate
    pytest.exit("no explainer binary: run `swift build` or set EXPLAINER_BIN", returncode=2)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    if os.environ.get("EXPLAINER_SITE"):
        return Path(os.environ["EXPLAINER_SITE"])
    out = tmp_path_factory.mktemp("site") / "Public"
    subprocess.run(
        [str(explainer_binary()), "build", "--content", str(ROOT / "Content"),
         "--templates", str(ROOT / "Templates"), "--output", str(out)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    return out


def server_command(site_dir: Path) -> list[str]:
    """The one place that says how the built site is served. It must listen on 127.0.0.1 on a
    free port and print its URL (http://127.0.0.1:PORT/) on stdout. To switch to the preview
    server: return [str(explainer_binary()), "preview", "--output", str(site_dir), "--port", "0"].
    """
    return [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site_dir)]


def start_server(site_dir: Path):
    """Starts `server_command`, waits for the URL it prints and for it to answer: (process, base URL)."""
    process = subprocess.Popen(server_command(site_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 20
    base = None
    while base is None:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        match = re.search(r"https?://(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):(\d+)", line)
        if match:
            base = f"http://127.0.0.1:{match.group(1)}"
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("server printed no URL")
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)
    # keep draining its output so a chatty server never blocks on a full pipe
    import threading
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    return process, base


@pytest.fixture(scope="session")
def base_url(site_dir):
    process, base = start_server(site_dir)
    yield base
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none",
                "--window-size=1440,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(60)
    yield browser
    browser.quit()


def set_viewport(driver, width: int, height: int):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def set_color_scheme(driver, scheme: str):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}],
    })


def axe_source() -> str:
    import axe_playwright_python
    folder = Path(axe_playwright_python.__file__).parent
    found = sorted(folder.rglob("axe.min.js"))
    if not found:
        pytest.exit(f"axe.min.js not found under {folder}", returncode=2)
    return found[0].read_text(encoding="utf-8")
