"""The denouncer's identity is confidential (Law on Denunciations 2018, art. 9 and 56).

Name, identity number, address and contact of a denouncer are shown only to the assigned
handler and their leader, and each time they are shown an audit event records who saw them.
Everyone else — verifiers, the Front's supervisor, other officers, exports, the API — gets a
redacted copy. Code never reads ``Case.person_*`` for display except through this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.complaints.models import Case, Kind, ReceptionVisit, VisitTopic
from motcua.complaints.workflow import is_leader_for
from motcua.core.errors import NotAllowed


@dataclass(frozen=True)
class Identity:
    name: str
    id_number: str
    address: str
    phone: str
    email: str
    redacted: bool = False


def redacted() -> Identity:
    hidden = _("[confidential]")
    return Identity(hidden, hidden, hidden, hidden, hidden, redacted=True)


def may_see_identity(user, case: Case) -> bool:
    """Complainants: every officer who sees the case. Denouncers: the handler and their leader."""
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    if not Case.objects.visible_to(user).filter(pk=case.pk).exists():
        return False
    if case.kind == Kind.COMPLAINT:
        return True
    return case.handler_id == user.pk or is_leader_for(user, case)


def identity_for(user, case: Case, *, purpose: str = "view") -> Identity:
    """The person's identity for ``user`` — the real one when allowed (and, for a denouncer,
    recorded in the audit trail), otherwise a redacted copy."""
    if not may_see_identity(user, case):
        return redacted()
    if case.kind == Kind.DENUNCIATION:
        audit_record(
            actor=user,
            action="complaints.identity_view",
            obj=case,
            unit_id=case.unit_id,
            reason=purpose,
        )
    return Identity(
        name=case.person_name,
        id_number=case.person_id_number,
        address=case.person_address,
        phone=case.person_phone,
        email=case.person_email,
    )


def reveal_identity(user, case: Case, *, purpose: str = "view") -> Identity:
    """Like ``identity_for`` but refuses instead of redacting."""
    if not may_see_identity(user, case):
        raise NotAllowed(_("The identity of the denouncer is confidential."))
    return identity_for(user, case, purpose=purpose)


def export_identity(case: Case) -> str:
    """What an export shows of the person: never a denouncer's identity."""
    if case.kind == Kind.DENUNCIATION:
        return str(redacted().name)
    return case.person_name


def visit_identity(user, visit: ReceptionVisit) -> Identity:
    """A visitor who came to denounce is protected the same way: the session's host and the
    unit's leaders see them (and each view is recorded)."""
    from motcua.accounts.roles import RoleCode
    from motcua.organisations.selectors import has_role

    real = Identity(
        name=visit.visitor_name,
        id_number=visit.visitor_id_number,
        address=visit.visitor_address,
        phone=visit.visitor_phone,
        email="",
    )
    if visit.topic != VisitTopic.DENUNCIATION:
        return real
    session = visit.session
    if session.host_id == user.pk or has_role(user, RoleCode.LEADER, session.unit):
        audit_record(
            actor=user,
            action="complaints.visitor_identity_view",
            obj=visit,
            unit_id=session.unit_id,
        )
        return real
    return redacted()
