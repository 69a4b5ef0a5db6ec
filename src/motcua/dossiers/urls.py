from django.urls import path

from motcua.dossiers.views import public, staff

app_name = "dossiers"

urlpatterns = [
    path("ho-so/nop/<slug:slug>/", public.submit, name="submit"),
    path("ho-so/da-nop/<str:code>/", public.submitted, name="submitted"),
    path("tra-cuu-ho-so/", public.lookup, name="lookup"),
    path("tra-cuu-ho-so/<str:code>/", public.status, name="status"),
    path("tra-cuu-ho-so/<str:code>/bo-sung/", public.supplement, name="supplement"),
    path("tra-cuu-ho-so/<str:code>/rut-ho-so/", public.withdraw, name="withdraw"),
    path("tra-cuu-ho-so/<str:code>/thanh-toan/", public.pay, name="pay"),
    path("tra-cuu-ho-so/<str:code>/phieu/<uuid:slip_id>/", public.slip_download, name="slip"),
    path("thanh-toan-thu-nghiem/<str:reference>/", public.test_gateway, name="test-gateway"),
    path("tai-khoan/ho-so-cua-toi/", public.my_dossiers, name="mine"),
    path("can-bo/ho-so/", staff.queue, name="queue"),
    path("can-bo/ho-so/tiep-nhan/", staff.desk_choose, name="desk"),
    path("can-bo/ho-so/tiep-nhan/<slug:slug>/", staff.desk_receive, name="desk-receive"),
    path("can-bo/ho-so/so-theo-doi/", staff.register, name="register"),
    path("can-bo/ho-so/phan-cong/", staff.bulk_assign, name="bulk-assign"),
    path("can-bo/ho-so/<str:code>/", staff.detail, name="staff-detail"),
    path("can-bo/ho-so/<str:code>/thao-tac/<slug:action>/", staff.act, name="act"),
    path("can-bo/ho-so/<str:code>/bo-sung/", staff.record_supplement, name="record-supplement"),
    path("can-bo/ho-so/<str:code>/ghi-chu/", staff.add_note, name="note"),
    path("can-bo/ho-so/<str:code>/tai-lieu/<uuid:document_id>/", staff.document, name="document"),
    path("can-bo/ho-so/<str:code>/phieu/<uuid:slip_id>/", staff.slip, name="staff-slip"),
    path("can-bo/ho-so/<str:code>/phieu-kiem-soat/", staff.control_slip, name="control-slip"),
]
