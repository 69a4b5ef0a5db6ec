"""Writes of the news portal. Each runs in one transaction with its audit event."""

from __future__ import annotations

import datetime as dt
import io
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import DomainError, NotAllowed
from motcua.core.text import fold, slugify_vi
from motcua.core.uploads import CleanUpload
from motcua.news import counters
from motcua.news.models import Article, ArticleImage, Category, Document, Video
from motcua.news.richtext import sanitise
from motcua.news.visitors import Visitor, token_for
from motcua.news.workflow import may_edit
from motcua.organisations.models import Unit
from motcua.organisations.selectors import roles_in

EDITOR_ROLES = frozenset({RoleCode.EDITOR, RoleCode.LEADER})


def unique_slug(model: type[models.Model], text: str, *, exclude_pk=None, max_length=150) -> str:
    base = slugify_vi(text)[:max_length].strip("-") or "bai-viet"
    slug, number = base, 2
    others = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager
    while others.filter(slug=slug).exists():
        slug = f"{base[: max_length - 6]}-{number}"
        number += 1
    return slug


def _require_editor(actor, unit: Unit) -> None:
    if not EDITOR_ROLES & roles_in(actor, unit):
        raise NotAllowed(_("Only an editor or a leader of this unit may do this."))


# --- Articles ------------------------------------------------------------------------------


def article_create(
    *,
    actor,
    unit: Unit,
    category: Category,
    title: str,
    summary: str = "",
    body: str = "",
    author: str = "",
    published_at: dt.datetime | None = None,
    is_featured: bool = False,
) -> Article:
    """A new draft article in ``unit``."""
    _require_editor(actor, unit)
    title = title.strip()
    if not title:
        raise DomainError(_("Please enter the title."), field="title")
    with transaction.atomic():
        article = Article.objects.create(
            unit=unit,
            category=category,
            title=title,
            slug=unique_slug(Article, title),
            summary=summary.strip(),
            body=sanitise(body),
            author=author.strip(),
            published_at=published_at,
            is_featured=is_featured,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="news.article_create",
            obj=article,
            unit_id=unit.pk,
            after={"title": article.title, "category": category.slug},
        )
    return article


ARTICLE_FIELDS = ("category", "title", "summary", "body", "author", "published_at", "is_featured")


def article_update(*, actor, article: Article, **changes) -> Article:
    """Change the content of a draft or of an article waiting for approval."""
    unknown = set(changes) - set(ARTICLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown article fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = Article.objects.select_for_update().select_related("unit").get(pk=article.pk)
        if not may_edit(actor, locked):
            if locked.status not in ("draft", "review"):
                raise NotAllowed(
                    _("A published article cannot be changed: withdraw it first, then edit it.")
                )
            raise NotAllowed(_("Only an editor or a leader of this unit may do this."))
        if "body" in changes:
            changes["body"] = sanitise(changes["body"])
        for name in ("title", "summary", "author"):
            if name in changes:
                changes[name] = changes[name].strip()
        if "title" in changes and not changes["title"]:
            raise DomainError(_("Please enter the title."), field="title")
        before = {name: _plain(getattr(locked, name)) for name in changes}
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.save()
        audit_record(
            actor=actor,
            action="news.article_update",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after={name: _plain(value) for name, value in changes.items()},
        )
    return locked


def _plain(value):
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and len(value) > 500:
        return value[:500] + "…"
    return value


THUMBNAIL_SIZE = (640, 400)


def make_thumbnail(content) -> ContentFile:
    """A small JPEG for lists (the full image stays for the article page)."""
    content.seek(0)
    with Image.open(content) as source:
        image = ImageOps.fit(source.convert("RGB"), THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80, optimize=True)
    content.seek(0)
    return ContentFile(out.getvalue())


def article_image_add(
    *, actor, article: Article, upload: CleanUpload, caption: str = ""
) -> ArticleImage:
    with transaction.atomic():
        locked = Article.objects.select_for_update().select_related("unit").get(pk=article.pk)
        if not may_edit(actor, locked):
            raise NotAllowed(_("The images of a published article cannot be changed."))
        order = (locked.images.aggregate(m=models.Max("sort_order"))["m"] or 0) + 1
        image = ArticleImage(article=locked, caption=caption.strip(), sort_order=order)
        image.image.save(upload.name, upload.content, save=False)
        image.thumbnail.save(upload.name, make_thumbnail(upload.content), save=False)
        image.save()
        audit_record(
            actor=actor,
            action="news.article_image_add",
            obj=locked,
            unit_id=locked.unit_id,
            after={"image": image.image.name, "caption": image.caption},
        )
    return image


def article_image_update(*, actor, image: ArticleImage, caption: str, remove: bool = False):
    with transaction.atomic():
        locked = Article.objects.select_for_update().select_related("unit").get(pk=image.article_id)
        if not may_edit(actor, locked):
            raise NotAllowed(_("The images of a published article cannot be changed."))
        before = {"image": image.image.name, "caption": image.caption}
        if remove:
            names = [f.name for f in (image.image, image.thumbnail) if f]
            storage = image.image.storage
            image.delete()
            transaction.on_commit(lambda: [storage.delete(name) for name in names])
            after = None
        else:
            image.caption = caption.strip()
            image.save(update_fields=["caption", "updated_at"])
            after = {"image": image.image.name, "caption": image.caption}
        audit_record(
            actor=actor,
            action="news.article_image_remove" if remove else "news.article_image_update",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after=after,
        )


class PageFigures(NamedTuple):
    site_visits: int
    article_views: int | None = None


def page_figures(
    visitor: Visitor | None, *, article: tuple[int, object] | None = None
) -> PageFigures:
    """Count what a public page view counts and return the figures it shows, in one round
    trip: the site's visits, and with ``article`` (its id and public id) the article's views.

    The article's view is counted once per visitor session; the site's visit once per browser
    session, with the flush check the middleware would otherwise make after the page.
    """
    site, viewed = counters.site_counter(), None
    count, show = [], [site]
    if article is not None:
        article_id, public_id = article
        viewed = counters.article_counter(article_id)
        show.append(viewed)
        if visitor is not None and visitor.first_view(token_for(public_id)):
            count.append(viewed)
    check_flush = visitor is not None and not visitor.tallied
    if check_flush:
        visitor.tallied = True
        if visitor.counts_as_visit:
            count.append(site)
    figures = counters.tally(count=count, show=show, check_flush=check_flush)
    return PageFigures(figures[site], figures[viewed] if viewed is not None else None)


# --- Videos and documents ------------------------------------------------------------------


def video_save(
    *,
    actor,
    unit: Unit,
    video: Video | None = None,
    title: str,
    description: str = "",
    embed_url: str = "",
    video_upload: CleanUpload | None = None,
    thumbnail_upload: CleanUpload | None = None,
    published_at: dt.datetime,
    is_published: bool = True,
    duration: str = "",
) -> Video:
    _require_editor(actor, video.unit if video else unit)
    if not embed_url and video_upload is None and not (video and video.video_file):
        raise DomainError(
            _("Upload a video file or give the address of the video."), field="embed_url"
        )
    with transaction.atomic():
        created = video is None
        if created:
            video = Video(unit=unit, slug=unique_slug(Video, title))
        before = None if created else {"title": video.title, "is_published": video.is_published}
        video.title, video.description = title.strip(), description.strip()
        video.embed_url, video.duration = embed_url.strip(), duration.strip()
        video.published_at, video.is_published = published_at, is_published
        if video_upload is not None:
            video.video_file.save(video_upload.name, video_upload.content, save=False)
        if thumbnail_upload is not None:
            video.thumbnail.save(thumbnail_upload.name, thumbnail_upload.content, save=False)
        video.save()
        audit_record(
            actor=actor,
            action="news.video_create" if created else "news.video_update",
            obj=video,
            unit_id=video.unit_id,
            before=before,
            after={"title": video.title, "is_published": video.is_published},
        )
    return video


def document_save(
    *,
    actor,
    unit: Unit,
    document: Document | None = None,
    kind: str,
    number: str,
    title: str,
    issued_on: dt.date,
    issuing_body: str,
    field: str = "",
    signer: str = "",
    summary: str = "",
    pdf: CleanUpload | None = None,
    published_at: dt.datetime,
    is_published: bool = True,
) -> Document:
    _require_editor(actor, document.unit if document else unit)
    if pdf is None and not (document and document.file):
        raise DomainError(_("Please attach the PDF file."), field="file")
    with transaction.atomic():
        created = document is None
        if created:
            document = Document(unit=unit, slug=unique_slug(Document, f"{number} {title}"))
        before = None if created else {"number": document.number, "title": document.title}
        document.kind, document.number, document.title = kind, number.strip(), title.strip()
        document.issued_on, document.issuing_body = issued_on, issuing_body.strip()
        document.field, document.signer, document.summary = (
            field.strip(),
            signer.strip(),
            summary.strip(),
        )
        document.published_at, document.is_published = published_at, is_published
        document.search_text = fold(
            " ".join([document.number, document.title, document.issuing_body, document.field])
        )
        if pdf is not None:
            document.file.save(pdf.name, pdf.content, save=False)
        document.save()
        audit_record(
            actor=actor,
            action="news.document_create" if created else "news.document_update",
            obj=document,
            unit_id=document.unit_id,
            before=before,
            after={"number": document.number, "title": document.title},
        )
    return document
