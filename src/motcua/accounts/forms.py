from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from motcua.core.ratelimit import RateLimit
from motcua.core.requestmeta import client_ip


def login_limits() -> tuple[RateLimit, RateLimit]:
    """Failed-login counters: one per account, one per address."""
    return (
        RateLimit("login-user", settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_LOCK_SECONDS),
        RateLimit("login-ip", settings.LOGIN_FAILURE_LIMIT * 4, settings.LOGIN_LOCK_SECONDS),
    )


class LoginForm(AuthenticationForm):
    """Password sign-in with a temporary lock after repeated failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not correct."),
        "locked": _("Too many failed attempts. Sign-in is locked for %(minutes)d minutes."),
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip().lower()
        by_user, by_ip = login_limits()
        ip = client_ip(self.request) or "unknown"
        if by_user.exceeded(username) or by_ip.exceeded(ip):
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": max(1, settings.LOGIN_LOCK_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            by_user.hit(username)
            by_ip.hit(ip)
            raise
        by_user.reset(username)
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 10,
            }
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()
