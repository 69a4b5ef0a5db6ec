"""The editorial workflow as a scenario table: role x action -> allowed?"""

import pytest

from motcua.audit.models import AuditEvent
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.news.models import ArticleStatus
from motcua.news.tests.factories import ArticleFactory
from motcua.news.workflow import article_transition
from motcua.organisations.tests.helpers import make_staff

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.PUBLISHED


@pytest.mark.parametrize(
    ("role", "start", "action", "allowed", "end"),
    [
        ("editor", DRAFT, "submit", True, REVIEW),
        ("leader", DRAFT, "submit", False, DRAFT),
        ("one_stop_officer", DRAFT, "submit", False, DRAFT),
        ("editor", REVIEW, "approve", True, PUBLISHED),
        ("leader", REVIEW, "approve", True, PUBLISHED),
        ("specialist", REVIEW, "approve", False, REVIEW),
        ("front_supervisor", REVIEW, "approve", False, REVIEW),
        ("editor", REVIEW, "return", True, DRAFT),
        ("leader", REVIEW, "return", True, DRAFT),
        ("one_stop_officer", REVIEW, "return", False, REVIEW),
        ("leader", PUBLISHED, "withdraw", True, DRAFT),
        ("editor", PUBLISHED, "withdraw", True, DRAFT),
        ("specialist", PUBLISHED, "withdraw", False, PUBLISHED),
    ],
)
def test_who_may_move_an_article(ward_a, role, start, action, allowed, end):
    article = ArticleFactory(unit=ward_a, status=start, published_at=None)
    actor = make_staff(ward_a, role)
    if allowed:
        article = article_transition(article=article, actor=actor, action=action, note="Lý do")
        assert AuditEvent.objects.filter(action=f"news.article_{action}").count() == 1
        assert article.transitions.get().actor == actor
    else:
        with pytest.raises(NotAllowed):
            article_transition(article=article, actor=actor, action=action, note="Lý do")
        assert not AuditEvent.objects.filter(action=f"news.article_{action}").exists()
    article.refresh_from_db()
    assert article.status == end


@pytest.mark.parametrize(
    ("start", "action"),
    [(DRAFT, "approve"), (PUBLISHED, "submit"), (DRAFT, "withdraw"), (PUBLISHED, "return")],
)
def test_an_action_from_the_wrong_status_is_a_conflict(ward_a, start, action):
    article = ArticleFactory(unit=ward_a, status=start)
    with pytest.raises(Conflict):
        article_transition(
            article=article, actor=make_staff(ward_a, "leader"), action=action, note="x"
        )


def test_editor_of_another_ward_cannot_approve(ward_a, ward_b):
    article = ArticleFactory(unit=ward_a, in_review=True)
    with pytest.raises(NotAllowed):
        article_transition(article=article, actor=make_staff(ward_b, "editor"), action="approve")


def test_sending_back_needs_a_reason(ward_a):
    article = ArticleFactory(unit=ward_a, in_review=True)
    with pytest.raises(DomainError) as error:
        article_transition(article=article, actor=make_staff(ward_a, "leader"), action="return")
    assert error.value.field == "note"


def test_approval_publishes_now_unless_a_time_was_scheduled(ward_a):
    leader = make_staff(ward_a, "leader")
    now_article = article_transition(
        article=ArticleFactory(unit=ward_a, in_review=True), actor=leader, action="approve"
    )
    assert now_article.published_at is not None
    scheduled = ArticleFactory(unit=ward_a, in_review=True)
    scheduled.published_at = ArticleFactory.build(scheduled=True).published_at
    scheduled.save()
    scheduled = article_transition(article=scheduled, actor=leader, action="approve")
    assert scheduled.is_scheduled
