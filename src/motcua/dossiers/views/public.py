"""What citizens see: online submission, status lookup, supplements, payment, my dossiers."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.core.errors import DomainError
from motcua.core.pagecache import cached_page, content_fact
from motcua.core.ratelimit import RateLimit, limit_by_ip
from motcua.core.requestmeta import client_ip
from motcua.dossiers import payments, selectors, services, slips
from motcua.dossiers.forms import LookupForm, SubmissionForm, SupplementForm, WithdrawForm
from motcua.dossiers.models import Dossier, PaymentStatus, Status
from motcua.dossiers.services import Applicant, Attachment
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.models import Unit
from motcua.organisations.selectors import portal_unit
from motcua.procedures.models import Procedure, ProcedureVersion
from motcua.procedures.selectors import current_version

SUBMIT_RATE = RateLimit("dossier-submit", limit=20, window=3600)
LOOKUP_RATE = RateLimit("dossier-lookup", limit=30, window=900)


def _wards():
    top = portal_unit()
    qs = (
        Unit.objects.active()
        .administrative()
        .exclude(kind="province")
        .order_by("-sort_order", "name")
    )
    return qs.filter(path__startswith=top.path) if top else qs


def _applicant(cleaned) -> Applicant:
    return Applicant(
        name=cleaned["name"],
        phone=cleaned.get("phone", ""),
        email=cleaned.get("email", ""),
        address=cleaned.get("address", ""),
        id_number=cleaned.get("id_number", ""),
        applicant_type=cleaned["applicant_type"],
        organisation_name=cleaned.get("organisation_name", ""),
    )


#: How many dossiers one browser keeps open after their lookup (the latest ones).
UNLOCKED_KEPT = 20
#: The dossiers a browser proved it may see (code and secret, the receipt's QR link, its own
#: filing), in a signed cookie rather than the session: a lookup writes nothing to the
#: database and the status page reads no session row. The signature (the secret key with a
#: salt of its own) means the list cannot be forged or added to; it is bound to the signed-in
#: user (or to none), so signing in or out ends it; it expires like a session.
UNLOCK_COOKIE = "motcua_ho_so"
UNLOCK_SALT = "motcua.dossiers.unlocked"


def _unlocked_codes(request) -> list[str]:
    try:
        user, codes = signing.loads(
            request.COOKIES.get(UNLOCK_COOKIE, ""),
            salt=UNLOCK_SALT,
            max_age=settings.SESSION_COOKIE_AGE,
        )
    except signing.BadSignature:
        return []
    return codes if user == _user_id(request) else []


def _user_id(request) -> int | None:
    return request.user.pk if request.user.is_authenticated else None


def _unlock_and_redirect(request, to: str, code: str) -> HttpResponse:
    """A redirect to page ``to`` of dossier ``code``, which this browser may see from now on."""
    earlier = [unlocked for unlocked in _unlocked_codes(request) if unlocked != code]
    response = redirect(to, code)
    response.set_cookie(
        UNLOCK_COOKIE,
        signing.dumps([_user_id(request), [*earlier, code][-UNLOCKED_KEPT:]], salt=UNLOCK_SALT),
        max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _unlocked_dossier(request, code: str, queryset=None) -> Dossier:
    """The dossier, if this visitor proved they may see it (secret, phone, or their account).
    ``queryset``: which of its columns to read (by default all, with its procedure and unit)."""
    if queryset is None:
        queryset = Dossier.objects.select_related("procedure_version__procedure", "unit")
    dossier = get_object_or_404(queryset, code=code)
    if code in _unlocked_codes(request):
        return dossier
    if request.user.is_authenticated and dossier.applicant_user_id == request.user.pk:
        return dossier
    raise Http404


def _procedure_for_filing(slug: str) -> tuple[Procedure, ProcedureVersion | None] | None:
    """The active procedure ``slug`` and its version in force today (with its documents),
    kept beside the cached pages: a change to the catalogue has them read again."""

    def read():
        procedure = (
            Procedure.objects.select_related("field").filter(slug=slug, is_active=True).first()
        )
        return (procedure, current_version(procedure)) if procedure else None

    return content_fact(f"dossiers:filing:{slug}:{timezone.localdate():%Y%m%d}", read)


@limit_by_ip(SUBMIT_RATE)
def submit(request, slug: str):
    """File a dossier online for a procedure."""
    found = _procedure_for_filing(slug)
    if found is None:
        raise Http404
    procedure, version = found
    if version is None or not version.is_online:
        messages.warning(
            request, _("This procedure cannot be filed online; please come to the one-stop desk.")
        )
        return redirect("home")
    initial = {}
    if request.user.is_authenticated and not request.user.is_staff:
        initial = {
            "name": request.user.full_name,
            "phone": request.user.phone,
            "email": request.user.email,
        }
    wards = _wards()
    if wanted := request.GET.get("don-vi"):  # a link from a ward's page chooses that ward
        initial["unit"] = wards.filter(slug=wanted).first()
    form = SubmissionForm(
        request.POST or None,
        request.FILES or None,
        version=version,
        units=wards,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            dossier, _created = services.dossier_submit_online(
                version=version,
                unit=form.cleaned_data["unit"],
                applicant=_applicant(form.cleaned_data),
                attachments=form.attachments(),
                idempotency_key=form.cleaned_data["idempotency_key"],
                user=request.user,
            )
        except DomainError as error:
            form.refused(error)
        else:
            form.filed()
            return _unlock_and_redirect(request, "dossiers:submitted", dossier.code)
    return render(
        request, "dossiers/submit.html", {"form": form, "procedure": procedure, "version": version}
    )


def submitted(request, code: str):
    dossier = _unlocked_dossier(request, code)
    return render(request, "dossiers/submitted.html", {"dossier": dossier})


@limit_by_ip(LOOKUP_RATE)
def lookup(request):
    """Find a dossier by its code and the secret on the receipt (or the applicant's phone).
    Without the secret nothing is shown, not even whether the code exists."""
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = selectors.code_for_applicant(form.cleaned_data["code"], form.cleaned_data["secret"])
        if found is not None:
            return _unlock_and_redirect(request, "dossiers:status", found)
        form.add_error(
            None,
            _(
                "No dossier matches this code and lookup code or phone number. Check them on your receipt."
            ),
        )
    if request.method == "POST":
        return render(request, "dossiers/lookup.html", {"form": form})
    return cached_page(  # the empty form, the same for every visitor but for the CSRF token
        request,
        lambda holes: render(request, "dossiers/lookup.html", {"form": form, **holes}),
        holes={},
    )


def status(request, code: str):
    """The dossier's status in plain Vietnamese. The receipt's QR code opens this page with the
    secret in ``?ma=``; the page then forgets the secret from the address."""
    secret = request.GET.get("ma")
    if secret is not None:
        if not LOOKUP_RATE.hit(client_ip(request) or "unknown"):
            raise Http404
        found = selectors.code_for_applicant(code, secret)
        if found is None:
            raise Http404
        return _unlock_and_redirect(request, "dossiers:status", found)
    dossier = _unlocked_dossier(request, code, selectors.dossiers_for_status_page())
    return render(
        request,
        "dossiers/status.html",
        {
            "dossier": dossier,
            "history": selectors.public_history(dossier),
            "next_step": selectors.next_step_for_applicant(dossier),
            "supplement_form": SupplementForm() if dossier.status == Status.SUPPLEMENT else None,
            "withdraw_form": WithdrawForm() if dossier.is_open else None,
            "slips": selectors.public_slips(dossier),
        },
    )


@require_POST
def supplement(request, code: str):
    dossier = _unlocked_dossier(request, code)
    form = SupplementForm(request.POST, request.FILES)
    if form.is_valid():
        attachments = [
            Attachment(upload=form.cleaned_data[n])
            for n in ("files", "files_2", "files_3")
            if form.cleaned_data.get(n)
        ]
        try:
            services.dossier_supplement(
                dossier=dossier,
                attachments=attachments,
                as_applicant=True,
                expected_status=Status.SUPPLEMENT,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you: the additional documents were sent."))
            return redirect("dossiers:status", code)
    return render(
        request,
        "dossiers/status.html",
        {
            "dossier": dossier,
            "history": selectors.public_history(dossier),
            "next_step": selectors.next_step_for_applicant(dossier),
            "supplement_form": form,
            "slips": selectors.public_slips(dossier),
        },
        status=400,
    )


@require_POST
def withdraw(request, code: str):
    dossier = _unlocked_dossier(request, code)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            dossier_transition(
                dossier=dossier,
                action="withdraw",
                as_applicant=True,
                data={"reason": form.cleaned_data["reason"]},
                expected_status=dossier.status,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your dossier was withdrawn."))
    else:
        messages.error(request, _("Say why you withdraw the dossier."))
    return redirect("dossiers:status", code)


@require_POST
def pay(request, code: str):
    dossier = _unlocked_dossier(request, code)
    try:
        return redirect(payments.payment_start(dossier=dossier))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("dossiers:status", code)


def test_gateway(request, reference: str):
    """The test payment provider's page (embedded set-up only): pay or cancel."""
    payment = get_object_or_404(
        payments.Payment.objects.select_related("dossier"), reference=reference, method="test"
    )
    if request.method == "POST" and payment.status == PaymentStatus.PENDING:
        result = "paid" if request.POST.get("result") == "paid" else "cancelled"
        amount = str(payment.amount)
        params = {
            "reference": reference,
            "amount": amount,
            "result": result,
            "signature": payments.TestProvider.sign(reference, amount, result),
        }
        payments.payment_confirm(params=params)
        return redirect("dossiers:status", payment.dossier.code)
    return render(request, "dossiers/test_gateway.html", {"payment": payment})


def slip_download(request, code: str, slip_id):
    dossier = _unlocked_dossier(request, code)
    slip = get_object_or_404(dossier.slips, public_id=slip_id)
    response = HttpResponse(slips.slip_pdf(slip), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{slips.slip_filename(dossier, slip.kind)}"'
    )
    return response


@login_required
def my_dossiers(request):
    return render(
        request,
        "dossiers/my_dossiers.html",
        {"dossiers": selectors.my_dossiers(request.user)[:100]},
    )
