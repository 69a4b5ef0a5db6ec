"""The editors' back-office: articles with their workflow, images, videos, documents."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.core.errors import DomainError
from motcua.news import selectors, services, workflow
from motcua.news.forms import (
    ArticleForm,
    CaptionForm,
    DocumentForm,
    ImageForm,
    TransitionForm,
    VideoForm,
)
from motcua.news.models import Article, ArticleImage, ArticleStatus, Document, Video
from motcua.news.richtext import editable_text, sanitise
from motcua.organisations.selectors import active_unit

EDITORS = (RoleCode.EDITOR, RoleCode.LEADER)


def _article(request, public_id) -> Article:
    return get_object_or_404(
        Article.objects.visible_to(request.user).select_related("unit", "category", "created_by"),
        public_id=public_id,
    )


@staff_required(roles=EDITORS)
def article_list(request):
    status = request.GET.get("trang_thai", "")
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(
        selectors.articles_for_staff(request.user, status=status, query=query), 25
    ).get_page(request.GET.get("page"))
    counts = selectors.status_counts(request.user)
    tabs = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in ArticleStatus.choices
    ]
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "news/staff/articles.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "tabs": tabs,
            "query_string": query_string.urlencode(),
        },
    )


@staff_required(roles=EDITORS)
def article_create(request):
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = active_unit(request)
        try:
            article = services.article_create(actor=request.user, unit=unit, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("news:staff-article", article.public_id)
    return render(request, "news/staff/article_form.html", {"form": form, "article": None})


@staff_required(roles=EDITORS)
def article_edit(request, public_id):
    article = _article(request, public_id)
    editable = workflow.may_edit(request.user, article)
    initial = {
        "title": article.title,
        "category": article.category_id,
        "summary": article.summary,
        "body": editable_text(article.body),
        "author": article.author,
        "published_at": timezone.localtime(article.published_at) if article.published_at else None,
        "is_featured": article.is_featured,
    }
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_update(actor=request.user, article=article, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("news:staff-article", article.public_id)
    return render(
        request,
        "news/staff/article_form.html",
        {
            "form": form,
            "article": article,
            "editable": editable,
            "transitions": workflow.available_transitions(request.user, article),
            "transition_form": TransitionForm(),
            "images": [
                (
                    image,
                    CaptionForm(initial={"caption": image.caption}, prefix=str(image.public_id)),
                )
                for image in article.images.all()
            ],
            "image_form": ImageForm(),
            "history": article.transitions.select_related("actor"),
            "public": article.status == ArticleStatus.PUBLISHED and not article.is_scheduled,
        },
    )


@staff_required(roles=EDITORS)
@require_POST
def article_transition(request, public_id, action: str):
    article = _article(request, public_id)
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        article = workflow.article_transition(
            article=article,
            actor=request.user,
            action=action,
            note=form.cleaned_data.get("note", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The article is now “%(status)s”.") % {"status": article.get_status_display()},
        )
    return redirect("news:staff-article", article.public_id)


@staff_required(roles=EDITORS)
def article_preview(request, public_id):
    """The article as the public will see it, whatever its status."""
    article = _article(request, public_id)
    return render(
        request,
        "news/article.html",
        {
            "article": article,
            "images": list(article.images.all()),
            "view_count": article.view_count,
            "newer": [],
            "older": [],
            "preview": True,
        },
    )


@staff_required(roles=EDITORS)
@require_POST
def body_preview(request):
    """HTMX: the body as it will be published (sanitised)."""
    return render(
        request,
        "news/staff/article_form.html#body-preview",
        {"preview_html": sanitise(request.POST.get("body", ""))},
    )


@staff_required(roles=EDITORS)
@require_POST
def image_add(request, public_id):
    article = _article(request, public_id)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.article_image_add(
                actor=request.user,
                article=article,
                upload=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The image was added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(f"{article.get_staff_url()}#images")


@staff_required(roles=EDITORS)
@require_POST
def image_update(request, public_id):
    image = get_object_or_404(
        ArticleImage.objects.select_related("article").filter(
            article__in=Article.objects.visible_to(request.user)
        ),
        public_id=public_id,
    )
    form = CaptionForm(request.POST, prefix=str(image.public_id))
    if form.is_valid():
        try:
            services.article_image_update(
                actor=request.user,
                image=image,
                caption=form.cleaned_data["caption"],
                remove=form.cleaned_data["remove"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The image was removed.")
                if form.cleaned_data["remove"]
                else _("The caption was saved."),
            )
    return redirect(f"{image.article.get_staff_url()}#images")


# --- Videos and documents ------------------------------------------------------------------


@staff_required(roles=EDITORS)
def video_list(request):
    videos = Video.objects.visible_to(request.user).select_related("unit")
    page = Paginator(videos, 25).get_page(request.GET.get("page"))
    return render(request, "news/staff/videos.html", {"page": page})


@staff_required(roles=EDITORS)
def video_edit(request, public_id=None):
    video = (
        get_object_or_404(Video.objects.visible_to(request.user), public_id=public_id)
        if public_id
        else None
    )
    initial = (
        {
            "title": video.title,
            "description": video.description,
            "embed_url": video.embed_url,
            "duration": video.duration,
            "published_at": timezone.localtime(video.published_at),
            "is_published": video.is_published,
        }
        if video
        else None
    )
    form = VideoForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.video_save(
                actor=request.user,
                unit=active_unit(request),
                video=video,
                title=data["title"],
                description=data["description"],
                embed_url=data["embed_url"],
                video_upload=data["video_file"] or None,
                thumbnail_upload=data["thumbnail"] or None,
                duration=data["duration"],
                published_at=data["published_at"],
                is_published=data["is_published"],
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The video was saved."))
            return redirect("news:staff-videos")
    return render(request, "news/staff/video_form.html", {"form": form, "video": video})


@staff_required(roles=EDITORS)
def document_list(request):
    documents = Document.objects.visible_to(request.user).select_related("unit")
    page = Paginator(documents, 25).get_page(request.GET.get("page"))
    return render(request, "news/staff/documents.html", {"page": page})


@staff_required(roles=EDITORS)
def document_edit(request, public_id=None):
    document = (
        get_object_or_404(Document.objects.visible_to(request.user), public_id=public_id)
        if public_id
        else None
    )
    initial = (
        {
            "kind": document.kind,
            "number": document.number,
            "title": document.title,
            "issued_on": document.issued_on,
            "issuing_body": document.issuing_body,
            "field": document.field,
            "signer": document.signer,
            "summary": document.summary,
            "published_at": timezone.localtime(document.published_at),
            "is_published": document.is_published,
        }
        if document
        else None
    )
    form = DocumentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        pdf = data.pop("file") or None
        try:
            services.document_save(
                actor=request.user, unit=active_unit(request), document=document, pdf=pdf, **data
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The document was saved."))
            return redirect("news:staff-documents")
    return render(request, "news/staff/document_form.html", {"form": form, "document": document})
