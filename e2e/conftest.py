"""Browser tests: Playwright driving Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped with a message, except in CI (CI=true), where
they must run.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(
            f"Browser tests must run in CI, but {CHROMIUM} is missing (apt-get install chromium)."
        )
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} not found: install Debian's chromium to run the browser tests"
    )
    for item in items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_server, django_db_serialized_rollback):
    """A page in a phone-sized window (360 × 740) on the live server. The database keeps
    the rows its migrations create (roles, categories) from one browser test to the next."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, locale="vi-VN"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def desktop(browser, live_server, django_db_serialized_rollback):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url, locale="vi-VN"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
