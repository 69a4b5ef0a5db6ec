"""How news articles, documents and videos appear in site search."""

from django.utils.translation import gettext_lazy as _

from motcua.news.models import Article, ArticleStatus, Document, Video
from motcua.news.richtext import plain_text
from motcua.search.registry import SearchDocument, SearchProvider


class ArticleProvider(SearchProvider):
    kind = "news"
    label = _("News")
    model = Article
    order = 10

    def queryset(self):
        return Article.objects.filter(status=ArticleStatus.PUBLISHED).select_related("category")

    def document(self, article):
        if article.status != ArticleStatus.PUBLISHED:
            return None
        return SearchDocument(
            title=article.title,
            body=f"{article.summary}\n{plain_text(article.body)}",
            url=article.get_absolute_url(),
            published_at=article.published_at,
            label=article.category.name,
        )


class DocumentProvider(SearchProvider):
    kind = "documents"
    label = _("Published documents")
    model = Document
    order = 30

    def queryset(self):
        return Document.objects.filter(is_published=True)

    def document(self, document):
        if not document.is_published:
            return None
        return SearchDocument(
            title=document.title,
            body=" ".join(
                [document.number, document.issuing_body, document.field, document.summary]
            ),
            url=document.get_absolute_url(),
            published_at=document.published_at,
            label=document.number,
        )


class VideoProvider(SearchProvider):
    kind = "videos"
    label = _("Videos")
    model = Video
    order = 60

    def queryset(self):
        return Video.objects.filter(is_published=True)

    def document(self, video):
        if not video.is_published:
            return None
        return SearchDocument(
            title=video.title,
            body=video.description,
            url=video.get_absolute_url(),
            published_at=video.published_at,
        )
