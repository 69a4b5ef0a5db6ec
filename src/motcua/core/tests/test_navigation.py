"""Menus: their addresses are reversed once per process, under the site's script prefix."""

from django.urls import set_script_prefix

from motcua.core.navigation import NavItem


def test_a_menu_address_follows_the_script_prefix():
    item = NavItem("Tra cứu hồ sơ", "dossiers:lookup")
    assert item.url == "/tra-cuu-ho-so/"
    set_script_prefix("/mot-cua/")  # the site served under a sub-path (SCRIPT_NAME)
    try:
        assert item.url == "/mot-cua/tra-cuu-ho-so/"
    finally:
        set_script_prefix("/")
