"""The news portal: categories, articles with their images and editorial history, videos,
the document library, and the stored part of the view and visit counters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.models import BaseModel
from motcua.organisations.scoping import ScopedQuerySet


class Category(BaseModel):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address in URLs"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    show_on_home = models.BooleanField(_("shown on the home page"), default=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", args=[self.slug])


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Waiting for approval")
    PUBLISHED = "published", _("Published")


class ArticleQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def public(self, now=None):
        """Published and due: an article scheduled for later is not visible yet."""
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=now or timezone.now())


class Article(BaseModel):
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address in URLs"), max_length=160, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ArticleStatus.choices,
        default=ArticleStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True)
    is_featured = models.BooleanField(_("featured"), default=False)
    view_count = models.PositiveBigIntegerField(_("views"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "published_at"], name="news_article_pub"),
            models.Index(
                fields=["category", "status", "published_at"], name="news_article_cat_pub"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", args=[self.slug])

    def get_staff_url(self) -> str:
        return reverse("news:staff-article", args=[self.public_id])

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


class ArticleImage(BaseModel):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("image"), upload_to="public/news/%Y/%m/")
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to="public/news/%Y/%m/thumbs/", blank=True, editable=False
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("article image")
        verbose_name_plural = _("article images")
        ordering = ["sort_order", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class ArticleTransition(models.Model):
    """Append-only history of an article's editorial workflow."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("article")
    )
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=ArticleStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ArticleStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    occurred_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("article status change")
        verbose_name_plural = _("article status changes")
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status} -> {self.to_status}"


class SiteCounter(models.Model):
    """The stored part of a site-wide counter (the buffered part lives in the cache)."""

    key = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("site counter")
        verbose_name_plural = _("site counters")

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


class PublishedQuerySet(ScopedQuerySet):
    scope_field = "unit"

    def public(self, now=None):
        return self.filter(is_published=True, published_at__lte=now or timezone.now())


class Video(BaseModel):
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("address in URLs"), max_length=160, unique=True)
    description = models.TextField(_("description"), blank=True)
    video_file = models.FileField(_("video file"), upload_to="public/videos/%Y/", blank=True)
    embed_url = models.URLField(
        _("address of the video elsewhere"),
        blank=True,
        help_text=_("For example a YouTube address. Used when no file is uploaded."),
    )
    thumbnail = models.ImageField(_("thumbnail"), upload_to="public/videos/thumbs/%Y/", blank=True)
    duration = models.CharField(_("duration"), max_length=20, blank=True)
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)
    is_published = models.BooleanField(_("published"), default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["is_published", "published_at"], name="news_video_pub")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:video", args=[self.slug])


class DocumentKind(models.TextChoices):
    PLAN = "plan", _("Plan")
    DECISION = "decision", _("Decision")
    DIRECTIVE = "directive", _("Directive")
    REPORT = "report", _("Report")
    NOTICE = "notice", _("Notice")
    OFFICIAL_LETTER = "letter", _("Official letter")
    RESOLUTION = "resolution", _("Resolution")
    OTHER = "other", _("Other document")


class Document(BaseModel):
    """A published document of the library: a plan, a decision... as a PDF."""

    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    number = models.CharField(
        _("number and symbol"), max_length=80, help_text=_("For example: 45/KH-UBND")
    )
    title = models.CharField(_("summary of contents"), max_length=500)
    slug = models.SlugField(_("address in URLs"), max_length=160, unique=True)
    issued_on = models.DateField(_("date issued"))
    issuing_body = models.CharField(_("issued by"), max_length=200)
    field = models.CharField(_("field"), max_length=120, blank=True)
    signer = models.CharField(_("signed by"), max_length=200, blank=True)
    summary = models.TextField(_("description"), blank=True)
    file = models.FileField(_("PDF file"), upload_to="public/documents/%Y/")
    search_text = models.TextField(editable=False, blank=True)
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)
    is_published = models.BooleanField(_("published"), default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("published document")
        verbose_name_plural = _("published documents")
        ordering = ["-issued_on", "-id"]
        indexes = [models.Index(fields=["is_published", "issued_on"], name="news_document_pub")]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("news:document", args=[self.slug])
