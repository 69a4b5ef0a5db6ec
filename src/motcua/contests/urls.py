from django.urls import path

from motcua.contests.views import public, staff

app_name = "contests"

urlpatterns = [
    path("cuoc-thi/", public.contest_list, name="list"),
    path("cuoc-thi/bai-thi/<uuid:public_id>/", public.entry, name="entry"),
    path("cuoc-thi/bai-thi/<uuid:public_id>/luu/", public.entry_autosave, name="entry-autosave"),
    path("cuoc-thi/<slug:slug>/", public.contest_detail, name="detail"),
    path("cuoc-thi/<slug:slug>/vong-<int:number>/ket-qua/", public.results, name="results"),
    path("can-bo/cuoc-thi/", staff.contest_list, name="staff-list"),
    path("can-bo/cuoc-thi/<uuid:public_id>/", staff.contest_manage, name="staff-contest"),
    path(
        "can-bo/cuoc-thi/vong/<uuid:public_id>/cong-bo-ket-qua/",
        staff.results_publish,
        name="staff-results",
    ),
]
