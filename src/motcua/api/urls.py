from django.urls import path, re_path

from motcua.api import open311
from motcua.api.root import api

FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^open311/v2/discovery" + FMT, open311.only_get(open311.discovery)),
    re_path(r"^open311/v2/services" + FMT, open311.only_get(open311.services_list)),
    re_path(
        r"^open311/v2/services/(?P<code>[\w-]+)" + FMT,
        open311.only_get(open311.service_definition),
    ),
    re_path(r"^open311/v2/requests" + FMT, open311.requests_endpoint),
    re_path(
        r"^open311/v2/requests/(?P<request_id>[\w-]+)" + FMT,
        open311.only_get(open311.request_detail),
    ),
]
