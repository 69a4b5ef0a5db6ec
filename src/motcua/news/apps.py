from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "motcua.news"
    label = "news"
    verbose_name = _("News portal")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_public, register_staff
        from motcua.core.pagecache import invalidate_on_change
        from motcua.news import search as news_search
        from motcua.search.registry import register

        register_public(
            NavItem(_("News"), "news:list", order=100),
            NavItem(_("Published documents"), "news:documents", order=600),
            NavItem(_("Videos"), "news:videos", order=650, in_header=False),
        )
        editors = (RoleCode.EDITOR, RoleCode.LEADER)
        register_staff(
            NavItem(_("News"), "news:staff-articles", order=300, roles=editors),
            NavItem(_("Published documents"), "news:staff-documents", order=310, roles=editors),
            NavItem(_("Videos"), "news:staff-videos", order=320, roles=editors),
        )
        register(news_search.ArticleProvider())
        register(news_search.DocumentProvider())
        register(news_search.VideoProvider())
        # Cached public pages show this content (view counts are written with update()).
        content = ("Article", "ArticleImage", "Category", "Video", "Document")
        invalidate_on_change(*(self.get_model(name) for name in content))
