"""The page in a real browser: `python app.py` on 127.0.0.1 driven by Playwright and the system
Chromium (never `playwright install`). Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import csv
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from instruments.catalog import load_catalog

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
NL_QUESTION = "Welke regeling past bij ons bedrijf van 12 medewerkers dat software ontwikkelt?"
EN_QUESTION = "Which scheme fits our company of 12 employees that develops software?"
TIMEOUT_MS = 60_000

if not CHROMIUM.exists():
    pytest.skip("page tests need /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("app.py did not start within 120 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """`python app.py` with the hashing embedder and a freshly ingested temporary index."""
    folder = tmp_path_factory.mktemp("page")
    port = _free_port()
    env = {
        **os.environ, "FINDER_EMBEDDER": "hashing", "FINDER_INDEX_DIR": str(folder / "index"),
        "FINDER_COLLECTION": "page-test", "FINDER_FEEDBACK_DB": str(folder / "feedback.sqlite3"),
        "FINDER_HOST": "127.0.0.1", "FINDER_PORT": str(port), "FINDER_ANSWERER": "composer",
        "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False",
        "HF_HUB_OFFLINE": "1", "NO_PROXY": "127.0.0.1,localhost", "TMPDIR": str(folder / "tmp"),
    }
    (folder / "tmp").mkdir()
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "ingest"], cwd=folder, env=env,
                   check=True, capture_output=True, timeout=600)
    log = folder / "app.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], cwd=folder, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, proc, log)
        yield {"url": f"http://127.0.0.1:{port}", "db": folder / "feedback.sqlite3", "log": log,
               "tmp": folder / "tmp"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, server, width: int = 1280):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(str(server["url"]))
    page.locator("#question textarea").wait_for()
    return page


def _ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    page.locator("#cards .rec-card").first.wait_for()
    page.locator("#chat button.cite").first.wait_for()


def _shot(page, name: str, full_page: bool = True) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_dutch_question_shows_card_citation_and_source(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server)
    assert page.get_by_role("tab", name="Assistent").is_visible()
    _ask(page, NL_QUESTION)
    badge = page.locator("#cards .rec-card .badge").first
    assert badge.inner_text() in ("past", "past mogelijk", "past niet")
    assert page.locator("#profile").inner_text().count("12") >= 1
    _shot(page, "chat-nl-1280")

    page.locator("#chat button.cite").first.click()
    mark = page.locator("#source-panel mark").first
    mark.wait_for()
    assert mark.inner_text().strip()
    assert page.locator("#source-panel .label").inner_text().strip()
    assert page.locator("#cite-picker input:checked").count() == 1
    _shot(page, "source-open-1280")
    page.context.close()


def test_english_interface_and_answer(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server)
    page.locator("#lang").get_by_text("English").click()
    page.get_by_role("tab", name="Assistant").wait_for()
    assert page.get_by_role("button", name="Send").is_visible()
    assert page.get_by_label("Your question").is_visible()
    _ask(page, EN_QUESTION)
    badge = page.locator("#cards .rec-card .badge").first.inner_text()
    assert badge in ("fits", "may fit", "does not fit")
    assert page.locator("#cards h3").first.inner_text() == "Recommendations"
    _shot(page, "chat-en-1280")
    page.context.close()


def test_advisor_desk_table(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server)
    page.get_by_role("tab", name="Adviseursbalie").click()
    page.locator("#adv_employees").get_by_role("textbox").fill("12")
    page.locator("#adv_sector").get_by_role("textbox").fill("software")
    page.locator("#adv_is_startup").get_by_text("nee").click()
    page.locator("#adv-run").click()
    page.get_by_text(re.compile(r"past mogelijk: \d+")).wait_for()
    grid = page.locator("#adv-table [role=grid]")
    grid.get_by_text("Oordeel").first.wait_for()
    assert int(grid.get_attribute("aria-rowcount") or 0) == len(load_catalog()) + 1
    assert re.search(r"\bpast( mogelijk| niet)?\b", grid.inner_text())
    _shot(page, "advisor-1280")
    with page.expect_download() as download:
        page.locator("#adv-csv").click()
    with Path(download.value.path()).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(load_catalog()) and "company_size_reason" in rows[0]
    page.context.close()
    copies = list(Path(str(server["tmp"])).rglob("eligibility-*.csv"))
    assert copies, "the CSV lives in the server's own temporary folders"
    for copy in copies:  # the profile's facts: readable by this user only
        assert copy.stat().st_mode & 0o777 == 0o600, copy
        assert copy.parent.stat().st_mode & 0o077 == 0, copy.parent


def test_feedback_lands_in_the_database(browser, server) -> None:  # type: ignore[no-untyped-def]
    from assistant.feedback import FeedbackStore

    question = "Welke regeling past bij een startup van 3 mensen in de zorg?"
    page = _open(browser, server)
    _ask(page, question)
    assert not [r for r in FeedbackStore(server["db"]).all() if r.question == question]
    page.locator("#fb-comment textarea").fill("Ik miste de MIT-regeling")
    page.locator("#fb-down").click()
    page.get_by_text("Uw feedback is opgeslagen").wait_for()
    stored = [r for r in FeedbackStore(server["db"]).all() if r.question == question]
    assert len(stored) == 1
    assert stored[0].rating == "down"
    assert stored[0].comment == "Ik miste de MIT-regeling"
    assert stored[0].citations
    page.context.close()


def test_phone_width(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server, width=390)
    _ask(page, NL_QUESTION)
    page.locator("#chat button.cite").first.click()
    page.locator("#source-panel mark").first.wait_for()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than a 390px phone"
    _shot(page, "chat-nl-390")
    for name in ("Assistent", "Adviseursbalie", "Regelingen"):  # no tab hidden in a menu
        assert page.get_by_role("tab", name=name).is_visible(), f"tab {name} is hidden"
    page.get_by_role("tab", name="Regelingen").click()
    page.locator("#catalog .cat-card").first.wait_for()
    _shot(page, "catalog-390", full_page=False)  # the full list is some 80 000 px tall
    page.context.close()


def test_catalog_filter(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server)
    page.get_by_role("tab", name="Regelingen").click()
    cards = page.locator("#catalog .cat-card")
    cards.first.wait_for()
    total = cards.count()
    expected = sum(card.kind == "subsidy" for card in load_catalog())
    page.locator("#cat-kind input").click()
    page.get_by_role("option", name="subsidie", exact=True).click()
    page.wait_for_function(f"document.querySelectorAll('#catalog .cat-card').length == {expected}")
    assert 0 < expected < total
    assert page.locator("#catalog .cat-card .sources a").first.get_attribute("href")
    _shot(page, "catalog-1280", full_page=False)
    page.context.close()


def test_a_quick_reply_answers_the_question_it_was_offered_for(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server)
    page.locator("#question textarea").fill("ik heb een idee voor een nieuw product")
    page.locator("#question textarea").press("Enter")
    reply = page.locator("button.quick-reply", has_text="minder dan 10")
    reply.wait_for()
    reply.click()
    page.locator("#cards .rec-card").first.wait_for()  # the recommendations came (and stay)
    filled = page.locator("#profile", has_text=re.compile("micro", re.IGNORECASE))
    filled.wait_for()  # the slot was filled (the panel updates with the answer)
    last = page.locator("#chat .message").last.inner_text()
    assert "helaas niet mee helpen" not in last and "niet uit" not in last  # nothing refused
    _shot(page, "quick-reply-1280")
    page.context.close()


def test_a_comparison_is_a_table_and_its_source_scrolls_into_view(browser, server) -> None:  # type: ignore[no-untyped-def]
    page = _open(browser, server, width=390)
    page.locator("#question textarea").fill(
        "Wat is het verschil tussen de MIT-regeling en het Innovatiekrediet?")
    page.locator("#question textarea").press("Enter")
    table = page.locator("#chat table.compare")
    table.wait_for()  # the answer streams in: wait for its last row, then for all five
    page.locator("#chat table.compare tbody tr th", has_text="Status").wait_for()
    assert table.locator("tbody tr").count() == 5  # what, who, gives, apply, status
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the table makes the page {overflow}px wider than the phone"
    table.locator("button.cite").first.click()
    page.locator("#source-panel .source[data-n]").wait_for()
    page.wait_for_function("""() => { const r = document.getElementById('source-panel')
        .getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }""")
    _shot(page, "compare-390", full_page=False)
    page.context.close()


def test_the_api_beside_the_page_refuses_an_unbounded_body(server) -> None:  # type: ignore[no-untyped-def]
    """Through the real server: a chunked body (no length header) is cut off at the limit."""
    import httpx

    from app_api import MAX_BODY_BYTES

    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(MAX_BODY_BYTES // 4096 + 2):
            yield b"x" * 4096
        yield b'"}'

    url = f"{server['url']}/v1/ask"
    with httpx.Client(timeout=30, trust_env=False) as http:
        assert http.post(url, content=chunks(), headers={"content-type": "application/json"}
                         ).status_code == 413
        reply = http.post(url, json={"question": "Wat is de WBSO?"})
        assert reply.status_code == 200 and reply.json()["conversation_id"]
    assert "Traceback" not in Path(str(server["log"])).read_text(encoding="utf-8")


def test_the_load_script_drives_the_api(server) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    from eval.load import run_api_level

    with ThreadPoolExecutor(1) as thread:  # playwright keeps an event loop in this thread
        row = thread.submit(
            run_api_level, [str(server["url"])], users=3, think=0.0,
            questions=["Wat is de WBSO?", "Welke regeling past bij een bakkerij?"],
            requests=6, seconds=60).result()
    assert row["requests"] == 6 and row["errors"] == 0 and row["p95"] > 0
