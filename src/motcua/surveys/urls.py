from django.urls import path

from motcua.surveys.views import public, staff

app_name = "surveys"

urlpatterns = [
    path("danh-gia-hai-long/", public.start, name="start"),
    path("danh-gia-hai-long/<str:code>/", public.rate, name="rate"),
    path("danh-gia-hai-long/<str:code>/cam-on/", public.thanks, name="thanks"),
    path("khao-sat/<str:token>/", public.answer, name="answer"),
    path("ket-qua-khao-sat/<uuid:public_id>/", public.results, name="results"),
    path("can-bo/danh-gia-tai-quay/", staff.kiosk, name="kiosk"),
    path("can-bo/danh-gia-tai-quay/<str:code>/", staff.kiosk_rate, name="kiosk-rate"),
    path("can-bo/khao-sat/", staff.campaigns, name="campaigns"),
    path("can-bo/khao-sat/tao-moi/", staff.campaign_create, name="campaign-create"),
    path("can-bo/khao-sat/<uuid:public_id>/", staff.campaign_detail, name="campaign"),
    path(
        "can-bo/khao-sat/<uuid:public_id>/<slug:action>/", staff.campaign_act, name="campaign-act"
    ),
]
