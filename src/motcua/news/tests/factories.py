import datetime as dt

import factory
from django.utils import timezone

from motcua.core.text import fold
from motcua.news.models import Article, ArticleStatus, Category, Document, Video
from motcua.organisations.tests.factories import UnitFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    unit = factory.SubFactory(UnitFactory)
    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-so-{n}")
    summary = "Tóm tắt bài viết."
    body = "<p>Nội dung bài viết.</p>"
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))

    class Params:
        draft = factory.Trait(status=ArticleStatus.DRAFT, published_at=None)
        in_review = factory.Trait(status=ArticleStatus.REVIEW, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=2))
        )


class VideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Video

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Video số {n}")
    slug = factory.Sequence(lambda n: f"video-so-{n}")
    embed_url = "https://www.youtube.com/watch?v=abcdefghijk"
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    unit = factory.SubFactory(UnitFactory)
    kind = "plan"
    number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    title = factory.Sequence(lambda n: f"Kế hoạch số {n}")
    slug = factory.Sequence(lambda n: f"ke-hoach-so-{n}")
    issued_on = dt.date(2026, 1, 12)
    issuing_body = "Ủy ban nhân dân phường"
    field = ""
    file = factory.django.FileField(filename="kh.pdf", data=b"%PDF-1.4\n%%EOF")
    search_text = factory.LazyAttribute(
        lambda d: fold(f"{d.number} {d.title} {d.issuing_body} {d.field}")
    )
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
