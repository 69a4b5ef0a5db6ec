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


@pytest.fixture
def staff_sign_in():
    """Sign a staff user in through the real forms: password, then the authenticator's code."""
    from django_otp.oath import totp

    from motcua.accounts.tests.factories import PASSWORD

    def sign_in(page, user, next_path: str = "/can-bo/") -> None:
        page.goto(f"/dang-nhap/?next={next_path}")
        page.get_by_label("Tên đăng nhập").fill(user.username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        device = user.totpdevice_set.get()
        page.get_by_label("Mã").fill(f"{totp(device.bin_key):06d}")
        page.get_by_role("button", name="Xác nhận").click()
        page.wait_for_url(f"**{next_path}")

    return sign_in


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, browser tests use a database file, not memory: the live server answers each
    request in its own thread with its own connection."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("e2e") / "test.sqlite3"
        )


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The live server shares the test process's caches: cached lookups (the portal's unit)
    and buffered view counts must not outlive the test database they came from."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()
