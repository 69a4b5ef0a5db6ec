"""RSS feeds: all news, and one per category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.news import selectors
from motcua.news.models import Category
from motcua.organisations.selectors import portal_unit

ITEMS = 30


class _ArticleFeed(Feed):
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.category.name]

    def item_author_name(self, item):
        return item.author or None


class LatestNewsFeed(_ArticleFeed):
    description = _("The latest news of the portal.")

    def title(self):
        unit = portal_unit()
        return f"{_('News')} — {unit.name}" if unit else str(_("News"))

    def link(self):
        return reverse("news:list")

    def items(self):
        return selectors.category_articles()[:ITEMS]


class CategoryFeed(_ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug, is_active=True)

    def title(self, category):
        unit = portal_unit()
        return f"{category.name} — {unit.name}" if unit else category.name

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return category.description or category.name

    def items(self, category):
        return selectors.category_articles(category)[:ITEMS]
