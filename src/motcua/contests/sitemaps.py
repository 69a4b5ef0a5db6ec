from django.contrib.sitemaps import Sitemap

from motcua.contests.models import Contest


class ContestSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Contest.objects.public().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"contests": ContestSitemap}
