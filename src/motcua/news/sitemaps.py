from django.contrib.sitemaps import Sitemap

from motcua.news.models import Article, Category, Document, Video


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.public().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.filter(is_active=True)


class DocumentSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Document.objects.public().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class VideoSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Video.objects.public().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "news": ArticleSitemap,
    "categories": CategorySitemap,
    "documents": DocumentSitemap,
    "videos": VideoSitemap,
}
