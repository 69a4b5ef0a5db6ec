from django.contrib.sitemaps import Sitemap

from motcua.consultations.models import Consultation


class ConsultationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Consultation.objects.public().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"consultations": ConsultationSitemap}
