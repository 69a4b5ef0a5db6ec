"""An Open311 GeoReport v2 client: discover services, post a request, read it back — in JSON
and in XML; errors in the specification's format."""

from xml.etree import ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.feedback.models import Channel, Report, Status
from motcua.feedback.tests.test_intake import jpeg_with_gps
from motcua.feedback.workflow import Action, report_transition

BASE = "/open311/v2"


@pytest.mark.django_db
def test_json_client_flow(client, a):
    services = client.get(f"{BASE}/services.json")
    assert services["Content-Type"].startswith("application/json")
    by_code = {s["service_code"]: s for s in services.json()}
    noise = by_code["tieng-on"]
    assert noise["service_name"] == "Tiếng ồn"
    assert noise["metadata"] is True
    assert noise["type"] == "realtime"
    assert by_code["lan-chiem-long-le-duong"]["group"] == "Trật tự đô thị"
    assert "trat-tu-do-thi" not in by_code  # groups are not services

    definition = client.get(f"{BASE}/services/tieng-on.json").json()
    assert definition["service_code"] == "tieng-on"
    source = definition["attributes"][0]
    assert source["code"] == "nguon"
    assert source["datatype"] == "singlevaluelist"
    assert source["required"] is True
    assert {"key": "Karaoke, loa kéo", "name": "Karaoke, loa kéo"} in source["values"]

    posted = client.post(
        f"{BASE}/requests.json",
        {
            "jurisdiction_id": a.ward.slug,
            "service_code": "tieng-on",
            "lat": "10.8105",
            "long": "106.7011",
            "address_string": "120 Nơ Trang Long",
            "description": "Karaoke hát rất to đến nửa đêm, cả khu phố không ngủ được.",
            "first_name": "An",
            "last_name": "Nguyễn Văn",
            "phone": "0903123456",
            "attribute[nguon]": "Karaoke, loa kéo",
            "media": SimpleUploadedFile("noise.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        },
    )
    assert posted.status_code == 201
    request_id = posted.json()[0]["service_request_id"]
    report = Report.objects.get(code=request_id)
    assert report.channel == Channel.API
    assert report.reporter_name == "Nguyễn Văn An"
    assert report.details == {"nguon": "Karaoke, loa kéo"}
    assert report.photos.count() == 1

    read = client.get(f"{BASE}/requests/{request_id}.json").json()
    assert len(read) == 1
    assert read[0]["service_request_id"] == request_id
    assert read[0]["status"] == "open"
    assert read[0]["service_code"] == "tieng-on"
    assert read[0]["requested_datetime"].endswith("+07:00")
    assert read[0]["description"] is None  # not published before triage
    assert "0903123456" not in str(read)

    report_transition(report=report, action=Action.ACCEPT, actor=a.officer)
    read = client.get(f"{BASE}/requests/{request_id}.json").json()[0]
    assert read["description"].startswith("Karaoke hát rất to")
    assert read["address"] == "Nơ Trang Long"
    assert (read["lat"], read["long"]) == (10.8105, 106.7011)
    assert read["media_url"].startswith("http://testserver/phan-anh/")
    listing = client.get(
        f"{BASE}/requests.json", {"service_code": "tieng-on", "status": "open"}
    ).json()
    assert [r["service_request_id"] for r in listing] == [request_id]


@pytest.mark.django_db
def test_xml_client_flow(client, a):
    services = ET.fromstring(client.get(f"{BASE}/services.xml").content)
    assert services.tag == "services"
    codes = [s.findtext("service_code") for s in services.findall("service")]
    assert "chieu-sang" in codes

    definition = ET.fromstring(client.get(f"{BASE}/services/chieu-sang.xml").content)
    assert definition.tag == "service_definition"
    assert definition.find("attributes/attribute/code").text == "so_tru"

    posted = client.post(
        f"{BASE}/requests.xml",
        {
            "jurisdiction_id": a.ward.slug,
            "service_code": "chieu-sang",
            "address_string": "Hẻm 45 Vạn Kiếp",
            "description": "Đèn đường trong hẻm không sáng ba ngày nay.",
        },
    )
    assert posted.status_code == 201
    assert posted["Content-Type"].startswith("text/xml")
    created = ET.fromstring(posted.content)
    request_id = created.find("request/service_request_id").text
    read = ET.fromstring(client.get(f"{BASE}/requests/{request_id}.xml").content)
    assert read.tag == "service_requests"
    assert read.find("request/service_request_id").text == request_id
    assert read.find("request/status").text == "open"
    report = Report.objects.get(code=request_id)
    report.status = Status.CLOSED
    report.answer = "Đã thay bóng đèn."
    report.save()
    read = ET.fromstring(client.get(f"{BASE}/requests/{request_id}.xml").content)
    assert read.find("request/status").text == "closed"
    assert read.find("request/status_notes").text == "Đã thay bóng đèn."


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_errors_follow_the_specification(client, a, fmt):
    missing = client.post(f"{BASE}/requests.{fmt}", {"service_code": "khong-co"})
    assert missing.status_code == 400
    unknown = client.get(f"{BASE}/requests/PA26-XXXXXX.{fmt}")
    assert unknown.status_code == 404
    short = client.post(
        f"{BASE}/requests.{fmt}",
        {
            "jurisdiction_id": a.ward.slug,
            "service_code": "chieu-sang",
            "address_string": "Vạn Kiếp",
            "description": "Tối",
        },
    )
    assert short.status_code == 400
    if fmt == "json":
        assert missing.json()[0]["code"] == 400
        assert "service_code" in missing.json()[0]["description"]
        assert "description" in short.json()[0]["description"]
    else:
        root = ET.fromstring(unknown.content)
        assert root.tag == "errors"
        assert root.find("error/code").text == "404"
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_posting_is_rate_limited(client, a):
    data = {
        "jurisdiction_id": a.ward.slug,
        "service_code": "chieu-sang",
        "address_string": "Vạn Kiếp",
        "description": "Đèn đường không sáng ba ngày nay.",
    }
    for _ in range(20):
        client.post(f"{BASE}/requests.json", data)
    response = client.post(f"{BASE}/requests.json", data)
    assert response.status_code == 429
    assert response.json()[0]["code"] == 429
