from django.contrib import admin

from motcua.surveys.models import Campaign, Question, Rating


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fk_name = "campaign"
    fields = (
        ("position", "code", "element", "measure", "kind", "required"),
        "text",
        "choices",
        ("scale_max", "satisfied_from"),
        ("show_if", "show_if_values"),
    )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "period_start", "period_end", "status")
    list_filter = ("status",)
    search_fields = ("title",)
    inlines = [QuestionInline]
    readonly_fields = ("status", "opened_at", "closed_at")

    def get_inline_instances(self, request, obj=None):
        # The questionnaire is frozen once the campaign is open.
        if obj is not None and obj.status != "draft":
            return []
        return super().get_inline_instances(request, obj)


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("dossier", "unit", "level", "channel", "rated_at")
    list_filter = ("level", "channel")
    readonly_fields = ("dossier", "unit", "level", "reasons", "comment", "channel", "rated_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
