from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "motcua.feedback"
    label = "feedback"
    verbose_name = _("Citizens' feedback")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import (
            NavItem,
            register_public,
            register_staff,
            register_work_summary,
        )
        from motcua.feedback import rollup
        from motcua.feedback.access import STAFF_ROLES
        from motcua.feedback.summary import work_summary

        rollup.connect()

        register_work_summary(work_summary)
        from motcua.feedback.search import FeedbackAnswerProvider
        from motcua.search.registry import register

        register(FeedbackAnswerProvider())

        register_public(
            NavItem(_("Send feedback"), "feedback:new", order=200, in_header=False),
            NavItem(_("Feedback and answers"), "feedback:list", order=210),
        )
        register_staff(
            NavItem(
                _("Citizens' feedback"),
                "feedback:queue",
                order=200,
                roles=STAFF_ROLES,
            ),
            NavItem(_("Feedback routing"), "feedback:rules", order=210, roles=(RoleCode.LEADER,)),
        )
