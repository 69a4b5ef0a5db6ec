from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AdminSite(admin.AdminSite):
    site_header = _("Một Cửa administration")
    site_title = _("Một Cửa administration")
    index_title = _("System administration")

    def has_permission(self, request):
        from motcua.organisations.selectors import is_administrator

        user = request.user
        return user.is_active and user.is_staff and user.is_verified() and is_administrator(user)

    def login(self, request, extra_context=None):
        """Administrators sign in through the staff sign-in, with their second factor."""
        target = request.GET.get("next") or reverse("admin:index")
        if request.user.is_authenticated and (
            not request.user.is_staff or request.user.is_verified()
        ):
            raise PermissionDenied
        if request.user.is_authenticated:
            return redirect(f"{reverse('accounts:two-factor')}?{urlencode({'next': target})}")
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")


class AdminConfig(DjangoAdminConfig):
    """Django's admin, with the site above as the default site."""

    default_site = "motcua.accounts.admin_site.AdminSite"
