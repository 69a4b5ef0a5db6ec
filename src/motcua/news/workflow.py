"""The editorial workflow of an article: draft -> waiting for approval -> published.

An editor writes and submits; an editor or a leader of the article's unit (or a unit above it)
approves, sends back with a reason, or withdraws a published article. Every change goes
through :func:`article_transition`, which locks the row, records the history and the audit
event in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.news.models import Article, ArticleStatus, ArticleTransition
from motcua.organisations.selectors import roles_in


@dataclass(frozen=True)
class Transition:
    action: str
    label: object
    source: ArticleStatus
    target: ArticleStatus
    roles: frozenset[str]
    needs_reason: bool = False
    tone: str = "neutral"


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit",
            gettext_lazy("Submit for approval"),
            ArticleStatus.DRAFT,
            ArticleStatus.REVIEW,
            frozenset({RoleCode.EDITOR}),
        ),
        Transition(
            "approve",
            gettext_lazy("Approve and publish"),
            ArticleStatus.REVIEW,
            ArticleStatus.PUBLISHED,
            frozenset({RoleCode.EDITOR, RoleCode.LEADER}),
            tone="primary",
        ),
        Transition(
            "return",
            gettext_lazy("Send back for changes"),
            ArticleStatus.REVIEW,
            ArticleStatus.DRAFT,
            frozenset({RoleCode.EDITOR, RoleCode.LEADER}),
            needs_reason=True,
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw from the portal"),
            ArticleStatus.PUBLISHED,
            ArticleStatus.DRAFT,
            frozenset({RoleCode.EDITOR, RoleCode.LEADER}),
            needs_reason=True,
        ),
    )
}

#: Statuses in which the content of an article may be edited.
EDITABLE = frozenset({ArticleStatus.DRAFT, ArticleStatus.REVIEW})


def may_apply(user, article: Article, action: str) -> bool:
    transition = TRANSITIONS.get(action)
    if transition is None or article.status != transition.source:
        return False
    return bool(transition.roles & roles_in(user, article.unit))


def available_transitions(user, article: Article) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if may_apply(user, article, t.action)]


def may_edit(user, article: Article) -> bool:
    return article.status in EDITABLE and bool(
        {RoleCode.EDITOR, RoleCode.LEADER} & roles_in(user, article.unit)
    )


def article_transition(*, article: Article, actor, action: str, note: str = "") -> Article:
    """Apply ``action`` to ``article`` as ``actor``. Raises NotAllowed for a role that may not,
    Conflict when the article is no longer in the status the action starts from."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(_("Unknown action."), code="unknown_action")
    note = note.strip()
    if transition.needs_reason and not note:
        raise DomainError(_("Please give the reason."), code="reason_required", field="note")
    with transaction.atomic():
        locked = Article.objects.select_for_update().select_related("unit").get(pk=article.pk)
        if locked.status != transition.source:
            raise Conflict(
                _("This article is now “%(status)s”: someone acted on it first.")
                % {"status": locked.get_status_display()}
            )
        if not transition.roles & roles_in(actor, locked.unit):
            raise NotAllowed(_("Your role does not allow this action on this article."))
        before = {"status": locked.status, "published_at": _iso(locked.published_at)}
        locked.status = transition.target
        if transition.target == ArticleStatus.PUBLISHED and locked.published_at is None:
            locked.published_at = timezone.now()
        locked.save(update_fields=["status", "published_at", "updated_at"])
        ArticleTransition.objects.create(
            article=locked,
            action=action,
            from_status=transition.source,
            to_status=transition.target,
            actor=actor,
            note=note,
        )
        audit_record(
            actor=actor,
            action=f"news.article_{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after={"status": locked.status, "published_at": _iso(locked.published_at)},
            reason=note,
        )
    return locked


def _iso(value) -> str | None:
    return value.isoformat() if value else None
