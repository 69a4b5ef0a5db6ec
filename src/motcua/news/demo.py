"""Demo content of the portal: the two 2018 seed articles with their dates and view counts,
articles of the demo wards in every category (a scheduled one, one waiting for approval and a
draft among them), videos, documents as PDF, and the site's visit counter.

Idempotent: an item that exists (by its address) is left as it is.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.accounts.models import User
from motcua.core.pdf import render_pdf
from motcua.core.uploads import IMAGE_KINDS, PDF, clean_upload
from motcua.news import demo_data, services
from motcua.news.counters import SITE_VISITS
from motcua.news.demo_images import draw_scene
from motcua.news.models import (
    Article,
    ArticleStatus,
    Category,
    Document,
    DocumentKind,
    SiteCounter,
    Video,
)
from motcua.news.workflow import article_transition
from motcua.organisations.models import Unit

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def when(parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=HCM)


def _staff(handle: str, role_suffix: str) -> User:
    return User.objects.get(username=f"{handle}.{role_suffix}")


def _office(handle: str) -> Unit:
    ward = Unit.objects.get(slug__endswith="-office", parent__in=_wards(handle))
    return ward


def _wards(handle: str):
    from motcua.organisations.demo import DEMO_WARDS

    code = next(w.gso_code for w in DEMO_WARDS if w.handle == handle)
    return Unit.objects.filter(gso_code=code)


def _image(theme: str, seed: int, name: str):
    upload = SimpleUploadedFile(f"{name}.jpg", draw_scene(theme, seed), content_type="image/jpeg")
    return clean_upload(upload, kinds=IMAGE_KINDS)


def _body(paragraphs) -> str:
    return "\n\n".join(paragraphs)


def _article(data: dict, categories: dict[str, Category], seed: int) -> Article | None:
    slug = data.get("slug") or services.unique_slug(Article, data["title"])
    if (
        Article.objects.filter(slug=slug).exists()
        or Article.objects.filter(title=data["title"]).exists()
    ):
        return None
    editor = _staff(data["ward"], "bientap")
    leader = _staff(data["ward"], "lanhdao")
    article = services.article_create(
        actor=editor,
        unit=_office(data["ward"]),
        category=categories[data["category"]],
        title=data["title"],
        summary=data.get("summary", ""),
        body=_body(data["paragraphs"]),
        author=data.get("author", ""),
        published_at=when(data["published"]) if data.get("published") else None,
        is_featured=data.get("featured", False),
    )
    if data.get("slug") and article.slug != data["slug"]:
        Article.objects.filter(pk=article.pk).update(slug=data["slug"])
        article.slug = data["slug"]
    for number, (theme, caption) in enumerate(data.get("images", ()), 1):
        services.article_image_add(
            actor=editor,
            article=article,
            upload=_image(theme, seed * 10 + number, f"{article.slug[:40]}-{number}"),
            caption=caption,
        )
    status = data.get("status", ArticleStatus.PUBLISHED)
    if status in (ArticleStatus.REVIEW, ArticleStatus.PUBLISHED):
        article = article_transition(article=article, actor=editor, action="submit")
    if status == ArticleStatus.PUBLISHED:
        article = article_transition(article=article, actor=leader, action="approve")
    if data.get("views"):
        Article.objects.filter(pk=article.pk).update(view_count=data["views"])
    return article


def _pdf_for(
    kind_label: str, number: str, title: str, issued: dt.date, body: str, issuer: str, signer: str
) -> bytes:
    place = (
        f"Thành phố Hồ Chí Minh, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}"
    )
    paragraphs = [
        body,
        "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; căn cứ các văn bản chỉ đạo của "
        "Ủy ban nhân dân Thành phố Hồ Chí Minh về cải cách hành chính, chuyển đổi số;",
        "Các phòng, đơn vị thuộc Ủy ban nhân dân phường, Ủy ban Mặt trận Tổ quốc Việt Nam phường "
        "và các đoàn thể chính trị - xã hội phối hợp tổ chức thực hiện; định kỳ báo cáo kết quả "
        "về Văn phòng HĐND và UBND phường để tổng hợp.",
        "(Văn bản mẫu của dữ liệu trình diễn.)",
    ]
    return render_pdf(
        "news/pdf/document.html",
        {
            "issuer": issuer,
            "issuer_parent": "Thành phố Hồ Chí Minh",
            "number_line": f"Số: {number}",
            "place_and_date": place,
            "kind_label": kind_label,
            "number": number,
            "title": title,
            "paragraphs": paragraphs,
            "signer_title": "Chủ tịch" if "MTTQ" not in number else "TM. Ban Thường trực",
            "signer": signer,
        },
    )


@transaction.atomic
def seed(log=print) -> None:
    categories = {}
    for order, (slug, name, description, on_home) in enumerate(demo_data.CATEGORIES):
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "sort_order": order,
                "show_on_home": on_home,
            },
        )
    created = 0
    for seed_number, data in enumerate(
        (demo_data.SEED_ONE, demo_data.SEED_TWO, *demo_data.ARTICLES, *demo_data.DRAFTS), 1
    ):
        created += _article(data, categories, seed_number) is not None

    editor = _staff("binhthanh", "bientap")
    for number, (title, description, published, url, duration, theme) in enumerate(
        demo_data.VIDEOS, 1
    ):
        if Video.objects.filter(title=title).exists():
            continue
        services.video_save(
            actor=editor,
            unit=_office("binhthanh"),
            title=title,
            description=description,
            embed_url=url,
            thumbnail_upload=_image(theme, 500 + number, f"video-{number}"),
            published_at=when(published),
            duration=duration,
        )
    for kind, number, title, issued, issuer, field, signer, summary, ward in demo_data.DOCUMENTS:
        if Document.objects.filter(number=number).exists():
            continue
        issued_on = dt.date(*issued)
        kind_label = DocumentKind(kind).label
        pdf = _pdf_for(str(kind_label), number, title, issued_on, summary, issuer, signer)
        services.document_save(
            actor=_staff(ward, "bientap"),
            unit=_office(ward),
            kind=kind,
            number=number,
            title=title,
            issued_on=issued_on,
            issuing_body=issuer,
            field=field,
            signer=signer,
            summary=summary,
            pdf=clean_upload(
                SimpleUploadedFile(f"{number}.pdf", pdf, content_type="application/pdf"),
                kinds=frozenset({PDF}),
            ),
            published_at=when((*issued, 17, 0)),
        )
    SiteCounter.objects.get_or_create(key=SITE_VISITS, defaults={"value": demo_data.SITE_VISITS})
    log(
        f"Demo news: {created} new articles ({Article.objects.count()} in all), "
        f"{Video.objects.count()} videos, {Document.objects.count()} documents."
    )
