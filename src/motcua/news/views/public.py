"""Public pages of the portal: home, articles, categories, archive by date, videos, documents."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from motcua.core.pagecache import CachedPage, cached_page
from motcua.news import selectors, services
from motcua.news.forms import ArchiveForm, DocumentFilterForm
from motcua.news.models import Category, Document, Video
from motcua.news.video_embed import embed_for

PER_PAGE = 12


def visit_counter(request, visits: int | None = None) -> SafeString:
    """The site's visit counter ("Số lượt truy cập") as its digits (on every public page, so
    built here rather than by a template); ``visits`` when the caller has read it already.
    The request's own counting goes in the same round trip (``services.page_figures``)."""
    if visits is None:
        visits = services.page_figures(getattr(request, "visitor", None)).site_visits
    visits = str(visits)
    return format_html(
        '<p class="visit-counter__digits"><span class="visually-hidden">{}</span>{}</p>',
        visits,
        format_html_join(
            "",
            '<span class="visit-counter__digit" aria-hidden="true">{}</span>',
            ((digit,) for digit in visits),
        ),
    )


def _sidebar() -> dict:
    """The side column's content, except the visit counter (a hole of cached pages)."""
    return {"categories": selectors.categories(), "archive_day": timezone.localdate()}


def home(request):
    """The portal's home page: featured and latest news, news by category, services, videos,
    documents, contacts."""
    return cached_page(
        request,
        lambda holes: render(
            request,
            "news/home.html",
            {
                "news": selectors.home_news(),
                "videos": selectors.latest_videos(3),
                "documents": selectors.latest_documents(4),
                **_sidebar(),
                **holes,
            },
        ),
        holes={"visit_counter": visit_counter(request)},
    )


def article_detail(request, slug: str):
    """An article; its view is counted on every request, the rest may come from the cache."""
    counting_key = f"news:counting:{slug}"  # (id, public id), kept beside the cached page
    page = CachedPage(request, facts=(counting_key,))
    counted = page.fact(counting_key, lambda: selectors.article_for_counting(slug))
    if counted is None:
        raise Http404
    figures = services.page_figures(getattr(request, "visitor", None), article=counted)

    def render_page(holes):
        article = selectors.article_for_page(slug)
        if article is None:  # unpublished a moment ago
            raise Http404
        return render(
            request,
            "news/article.html",
            {
                "article": article,
                "images": list(article.images.all()),
                "newer": selectors.newer_articles(article),
                "older": selectors.older_articles(article),
                **_sidebar(),
                **holes,
            },
        )

    return page.response(
        render_page,
        holes={
            "view_count": figures.article_views,
            "visit_counter": visit_counter(request, figures.site_visits),
        },
    )


def article_list(request, slug: str | None = None):
    category = None
    if slug is not None:
        category = get_object_or_404(Category, slug=slug, is_active=True)
    page = Paginator(selectors.category_articles(category), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "news/category.html",
        {"category": category, "page": page, "visit_counter": visit_counter(request), **_sidebar()},
    )


def archive(request):
    """ "Xem theo ngày": pick a date, see that day's news."""
    sidebar = {**_sidebar(), "visit_counter": visit_counter(request)}
    form = ArchiveForm(request.GET or None)
    day = articles = None
    previous_day = next_day = None
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["ngay"]
        articles = list(selectors.articles_on(day))
        previous_day, next_day = selectors.days_with_news_around(day)
        sidebar["archive_day"] = day
    return render(
        request,
        "news/archive.html",
        {
            **sidebar,
            "form": form,
            "day": day,
            "articles": articles,
            "previous_day": previous_day,
            "next_day": next_day,
        },
    )


def video_list(request):
    page = Paginator(selectors.videos(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/videos.html", {"page": page})


def video_detail(request, slug: str):
    video = get_object_or_404(Video.objects.public(), slug=slug)
    embed = embed_for(video.embed_url) if not video.video_file else None
    response = render(
        request,
        "news/video.html",
        {"video": video, "embed": embed, "more": selectors.latest_videos(6, exclude=video)},
    )
    if embed and embed.allowed:
        response._csp_update = {"frame-src": [embed.origin]}
    return response


def document_list(request):
    fields, years = selectors.document_fields(), selectors.document_years()
    form = DocumentFilterForm(request.GET or None, fields=fields, years=years)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    documents = selectors.documents(
        query=filters.get("q", ""),
        kind=filters.get("loai", ""),
        field=filters.get("linh_vuc", ""),
        year=filters.get("nam"),
    )
    page = Paginator(documents, 20).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "news/documents.html",
        {"form": form, "page": page, "query_string": query_string.urlencode()},
    )


def document_detail(request, slug: str):
    document = get_object_or_404(Document.objects.public(), slug=slug)
    return render(request, "news/document.html", {"document": document})
