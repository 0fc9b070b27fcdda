"""Fixtures for the browser tests: `explainer preview` serving a temporary copy of the site's
sources, and headless Chromium.

Each `Preview` copies Content/ and Templates/ into a temp folder (so tests can edit them without
touching the repository), runs `explainer preview --port 0` on it, and reads the URL it prints.
The built files on disk (`Preview.output`) are what the validator checks; the browser sees them
through the preview server, which injects the live-reload script into every HTML page.
"""
import os
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1440, 900)}
LIVE_RELOAD_SCRIPT = "/_explainer/live.js"
LIVE_RELOAD_EVENTS = "/_explainer/events"


def explainer_binary() -> Path:
    if os.environ.get("EXPLAINER_BIN"):
        return Path(os.environ["EXPLAINER_BIN"]).resolve()
    # the newer of the release and debug builds
    candidates = [ROOT / ".build" / c / "explainer" for c in ("release", "debug")]
    candidates = [c for c in candidates if c.exists()]
    if candidates:
        return max(candidates, key=lambda c: c.stat().st_mtime)
    pytest.exit("no explainer binary: run `swift build` or set EXPLAINER_BIN", returncode=2)


class Preview:
    """`explainer preview --port 0` on a temp copy of Content/ and Templates/."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.content = folder / "Content"
        self.templates = folder / "Templates"
        self.output = folder / "Public"
        shutil.copytree(ROOT / "Content", self.content)
        shutil.copytree(ROOT / "Templates", self.templates)
        self.lines: list[str] = []
        self.process = None
        self.base = None

    def command(self) -> list[str]:
        return [str(explainer_binary()), "preview", "--port", "0", "--content", str(self.content),
                "--templates", str(self.templates), "--output", str(self.output)]

    def start(self) -> "Preview":
        """Starts the server, waits for the URL it prints and for it to answer."""
        self.process = subprocess.Popen(self.command(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, cwd=self.folder)
        deadline = time.monotonic() + 30
        while self.base is None:
            line = self.process.stdout.readline()
            if not line and self.process.poll() is not None:
                raise RuntimeError(f"explainer preview exited with {self.process.returncode}:\n{''.join(self.lines)}")
            self.lines.append(line)
            match = re.search(r"https?://(?:127\.0\.0\.1|localhost):(\d+)/", line)
            if match:
                self.base = f"http://127.0.0.1:{match.group(1)}"
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("explainer preview printed no URL:\n" + "".join(self.lines))
        while True:
            try:
                urllib.request.urlopen(self.base + "/", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.1)
        # keep reading its output (one line per rebuild), so it never blocks on a full pipe
        threading.Thread(target=lambda: [self.lines.append(l) for l in self.process.stdout], daemon=True).start()
        return self

    def stop(self) -> int | None:
        """Stops the server as Ctrl-C would; its exit status (None if it had to be killed)."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.terminate()
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None

    def log(self) -> str:
        return "".join(self.lines)


@pytest.fixture(scope="session")
def preview(tmp_path_factory):
    server = Preview(tmp_path_factory.mktemp("preview")).start()
    yield server
    status = server.stop()
    assert status == 0, f"explainer preview did not stop cleanly (status {status}):\n{server.log()}"


@pytest.fixture(scope="session")
def site_dir(preview) -> Path:
    """The built site on disk: what the preview serves, without the injected script."""
    return preview.output


@pytest.fixture(scope="session")
def base_url(preview) -> str:
    return preview.base


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


# Figures the tests measure (live-reload latency…), printed at the end of the run.
FIGURES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.write_sep("-", "measured")
        for line in FIGURES:
            terminalreporter.write_line(line)
