"""Reads of the news portal, with the joins that keep query counts flat."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from motcua.core.text import fold
from motcua.news.models import (
    Article,
    ArticleImage,
    ArticleStatus,
    Category,
    Document,
    Video,
)

NEIGHBOURS = 5


def categories() -> list[Category]:
    return list(Category.objects.filter(is_active=True))


def _public(now=None) -> QuerySet[Article]:
    first_image = Prefetch(
        "images", queryset=ArticleImage.objects.order_by("sort_order", "id"), to_attr="image_list"
    )
    return (
        Article.objects.public(now)
        .select_related("category")
        .prefetch_related(first_image)
        .order_by("-published_at", "-id")
    )


@dataclass
class CategoryBlock:
    category: Category
    articles: list[Article] = field(default_factory=list)


@dataclass
class HomeNews:
    featured: list[Article]
    latest: list[Article]
    blocks: list[CategoryBlock]

    @property
    def lead(self) -> Article | None:
        return (self.featured or self.latest or [None])[0]

    @property
    def more_featured(self) -> list[Article]:
        return [a for a in self.featured if a is not self.lead]


def home_news(*, per_category: int = 3, featured: int = 4, latest: int = 6) -> HomeNews:
    """Featured and latest articles, and the latest few of each home-page category, in a
    fixed number of queries whatever the number of categories."""
    now = timezone.now()
    home_categories = [c for c in categories() if c.show_on_home]
    ranked = (
        Article.objects.public(now)
        .filter(category__in=home_categories)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("category_id")],
                order_by=[F("published_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=per_category)
        .values_list("pk", flat=True)
    )
    featured_ids = list(
        Article.objects.public(now).filter(is_featured=True).values_list("pk", flat=True)[:featured]
    )
    latest_ids = list(Article.objects.public(now).values_list("pk", flat=True)[:latest])
    wanted = {*ranked, *featured_ids, *latest_ids}
    by_id = {a.pk: a for a in _public(now).filter(pk__in=wanted)}
    blocks = {c.pk: CategoryBlock(c) for c in home_categories}
    for article in sorted(by_id.values(), key=lambda a: (a.published_at, a.pk), reverse=True):
        block = blocks.get(article.category_id)
        if block is not None and len(block.articles) < per_category:
            block.articles.append(article)
    return HomeNews(
        featured=[by_id[pk] for pk in featured_ids if pk in by_id],
        latest=[by_id[pk] for pk in latest_ids if pk in by_id],
        blocks=[b for b in blocks.values() if b.articles],
    )


def article_for_counting(slug: str) -> tuple[int, uuid.UUID] | None:
    """(id, public id) of the published article behind ``slug``: what counting a view needs,
    also when the page comes from the cache (which then keeps these too)."""
    return Article.objects.public().filter(slug=slug).values_list("pk", "public_id").first()


def article_for_page(slug: str) -> Article | None:
    return (
        Article.objects.public()
        .select_related("category", "unit")
        .prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.order_by("sort_order", "id"))
        )
        .filter(slug=slug)
        .first()
    )


def newer_articles(article: Article, limit: int = NEIGHBOURS) -> list[Article]:
    """ "Tin mới hơn": the next articles of the same category, nearest first."""
    rows = list(
        Article.objects.public()
        .filter(category_id=article.category_id)
        # A range on the (category, status, published_at) index; articles of the same second
        # follow the article's id.
        .filter(published_at__gte=article.published_at)
        .exclude(published_at=article.published_at, pk__lte=article.pk)
        .order_by("published_at", "pk")
        .only("title", "slug", "published_at")[:limit]
    )
    return rows


def older_articles(article: Article, limit: int = NEIGHBOURS) -> list[Article]:
    """ "Tin đã đưa": the previous articles of the same category, nearest first."""
    return list(
        Article.objects.public()
        .filter(category_id=article.category_id)
        .filter(published_at__lte=article.published_at)
        .exclude(published_at=article.published_at, pk__gte=article.pk)
        .order_by("-published_at", "-pk")
        .only("title", "slug", "published_at")[:limit]
    )


def category_articles(category: Category | None = None) -> QuerySet[Article]:
    qs = _public()
    return qs.filter(category=category) if category is not None else qs


def articles_on(day: dt.date) -> QuerySet[Article]:
    """The articles published on ``day`` (local time)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return _public().filter(published_at__gte=start, published_at__lt=start + dt.timedelta(days=1))


def days_with_news_around(day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The nearest earlier and later days that have news (for "previous/next day" links)."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    public = Article.objects.public()
    before = (
        public.filter(published_at__lt=start)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    after = (
        public.filter(published_at__gte=start + dt.timedelta(days=1))
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return (
        timezone.localdate(before) if before else None,
        timezone.localdate(after) if after else None,
    )


def latest_videos(limit: int = 3, exclude: Video | None = None) -> list[Video]:
    qs = Video.objects.public()
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return list(qs[:limit])


def videos() -> QuerySet[Video]:
    return Video.objects.public()


def latest_documents(limit: int = 5) -> list[Document]:
    return list(Document.objects.public()[:limit])


def documents(
    *, query: str = "", kind: str = "", field: str = "", year: int | None = None
) -> QuerySet[Document]:
    qs = Document.objects.public()
    if query:
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
    if kind:
        qs = qs.filter(kind=kind)
    if field:
        qs = qs.filter(field=field)
    if year:
        qs = qs.filter(issued_on__year=year)
    return qs


def document_fields() -> list[str]:
    return list(
        Document.objects.public()
        .exclude(field="")
        .order_by("field")
        .values_list("field", flat=True)
        .distinct()
    )


def document_years() -> list[int]:
    return sorted(
        {d.year for d in Document.objects.public().dates("issued_on", "year")}, reverse=True
    )


# --- Back-office ---------------------------------------------------------------------------


def articles_for_staff(user, *, status: str = "", query: str = "") -> QuerySet[Article]:
    qs = (
        Article.objects.visible_to(user)
        .select_related("category", "unit", "created_by")
        .order_by("-updated_at", "-id")
    )
    if status in ArticleStatus.values:
        qs = qs.filter(status=status)
    if query:
        for word in query.split():
            qs = qs.filter(title__icontains=word)
    return qs


def status_counts(user) -> dict[str, int]:
    from django.db.models import Count

    rows = Article.objects.visible_to(user).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}
