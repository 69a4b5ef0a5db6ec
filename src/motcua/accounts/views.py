from __future__ import annotations

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.accounts import services
from motcua.accounts.forms import LoginForm, TokenForm
from motcua.audit.services import audit_record


def _next_url(request, default: str = "organisations:staff-home") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(actor=form.get_user(), action="account.login", obj=form.get_user())
        return response

    def get_success_url(self):
        """Staff continue to the second factor; the password alone opens nothing of theirs."""
        if self.request.user.is_staff:
            return (
                f"{reverse('accounts:two-factor')}?{urlencode({'next': self.get_redirect_url()})}"
            )
        return super().get_success_url()


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit_record(actor=request.user, action="account.logout", obj=request.user)
        return super().post(request, *args, **kwargs)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Second step of a staff sign-in: a code from the authenticator (or a recovery code)."""
    user = request.user
    if not user.is_staff:
        raise PermissionDenied
    if not services.has_confirmed_device(user):
        return redirect(
            f"{reverse('accounts:two-factor-setup')}?{urlencode({'next': _next_url(request, '')})}"
        )
    if user.is_verified():
        return redirect(_next_url(request))
    limit = services.otp_limit()
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if limit.exceeded(str(user.pk)):
            form.add_error(
                "token",
                _("Too many wrong codes. Try again in %(minutes)d minutes.")
                % {"minutes": settings.LOGIN_LOCK_SECONDS // 60},
            )
        elif services.second_factor_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(_next_url(request))
        else:
            limit.hit(str(user.pk))
            form.add_error("token", _("The code is not correct or has expired."))
    return render(
        request, "accounts/two_factor.html", {"form": form, "next": _next_url(request, "")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Enrol an authenticator app: scan the QR code, confirm with a first code."""
    user = request.user
    if not user.is_staff:
        raise PermissionDenied
    if services.has_confirmed_device(user) and not user.is_verified():
        return redirect("accounts:two-factor")
    device = services.totp_pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.totp_enrol_confirm(
            request=request, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            messages.success(request, _("Two-factor authentication is on."))
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error("token", _("The code is not correct or has expired."))
    qr = segno.make(device.config_url, error="m")
    secret = _base32(device.bin_key)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=5, title=_("QR code for the authenticator app")),
            "secret": secret,
            "next": _next_url(request, ""),
        },
    )


@login_required
@require_http_methods(["POST"])
def recovery_codes_regenerate(request):
    if not (request.user.is_staff and request.user.is_verified()):
        raise PermissionDenied
    codes = services.recovery_codes_issue(user=request.user)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("organisations:staff-home")},
    )


def _base32(key: bytes) -> str:
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
