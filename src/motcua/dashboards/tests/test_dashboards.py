"""Dashboards: aggregate-only reads with a fixed number of queries, scoped for leaders, charts
with tables beside them, Excel and PDF exports, the published indices and the API."""

import datetime as dt
import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from motcua.dashboards import charts
from motcua.dashboards.selectors import dashboard
from motcua.dashboards.tables import all_tables
from motcua.dossiers.tests.factories import DossierFactory
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.par.models import Assessment, AssessmentStatus, Framework
from motcua.par.periods import Period
from motcua.surveys.models import Rating
from motcua.surveys.tests.factories import at, returned

YEAR = Period(2026)
D = lambda month, day: dt.date(2026, month, day)  # noqa: E731


def some_dossiers(unit, n, *, month=4):
    made = []
    for i in range(n):
        dossier = returned(
            unit,
            received=D(month, 1 + i % 20),
            due=D(month, 5 + i % 20),
            finished=D(month, 3 + i % 25),
            channel=("desk", "online", "postal")[i % 3],
        )
        if i % 2:
            Rating.objects.create(
                dossier=dossier,
                unit=unit,
                level=("very_satisfied", "not_satisfied")[i % 4 == 1],
                channel="link",
                rated_at=at(D(month, 6 + i % 20)),
            )
        made.append(dossier)
    DossierFactory(unit=unit, overdue=True)
    return made


@pytest.fixture
def data(ward_a, ward_b):
    some_dossiers(ward_a, 6)
    some_dossiers(ward_b, 3)
    framework = Framework.objects.create(year=2026, name="Bộ chỉ số", bands=[])
    Assessment.objects.create(
        framework=framework,
        unit=ward_a,
        status=AssessmentStatus.PUBLISHED,
        total=82,
        classification="Tốt",
    )
    Assessment.objects.create(
        framework=framework,
        unit=ward_b,
        status=AssessmentStatus.PUBLISHED,
        total=77,
        classification="Khá",
    )


QUERIES = 20  # dossiers (period and now), ratings, SIPAS, 766 index, PAR, one-stop, feedback (2)


def test_the_dashboard_reads_a_fixed_number_of_aggregate_queries(
    data, city, ward_a, django_assert_num_queries
):
    with django_assert_num_queries(QUERIES):
        d = dashboard(city, YEAR)
    assert d.dossiers.resolved == 9
    assert d.dossiers.overdue_now == 2
    assert {name for name, _n in d.fields} == {"Hộ tịch"}
    assert [r.unit.name for r in d.par_ranking] == ["Phường An Lạc", "Phường Bình Đông"]
    some_dossiers(ward_a, 30, month=5)  # more data, same queries
    with django_assert_num_queries(QUERIES):
        bigger = dashboard(city, YEAR)
    assert bigger.dossiers.resolved == 39


def test_the_satisfaction_figure_follows_the_ratings(ward_a):
    dossier = returned(ward_a, received=D(4, 1), due=D(4, 6), finished=D(4, 3))
    assert dashboard(ward_a, YEAR).satisfaction.rate is None
    Rating.objects.create(
        dossier=dossier, unit=ward_a, level="satisfied", channel="link", rated_at=at(D(4, 4))
    )
    assert str(dashboard(ward_a, YEAR).satisfaction.rate) == "100.0"


def test_a_leader_sees_only_their_units(client, data, ward_a, ward_b):
    leader = make_staff(ward_a, "leader")
    sign_in(client, leader)
    html = client.get(reverse("dashboards:staff"), {"nam": 2026}).content.decode()
    assert "Phường An Lạc — Năm 2026" in html
    assert "<svg" in html
    assert 'role="img"' in html
    assert "<table" in html
    # Another ward in the address is not offered and not shown.
    html = client.get(
        reverse("dashboards:staff"), {"don_vi": ward_b.slug, "nam": 2026}
    ).content.decode()
    assert "Phường Bình Đông — Năm" not in html
    assert "Phường An Lạc — Năm 2026" in html


def test_every_table_exports_to_excel(client, data, ward_a):
    sign_in(client, make_staff(ward_a, "leader"))
    response = client.get(reverse("dashboards:staff-export"), {"nam": 2026})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 12
    assert book.sheetnames[0] == "1. Hồ sơ"
    one = load_workbook(
        io.BytesIO(
            client.get(
                reverse("dashboards:staff-export"), {"nam": 2026, "bang": "channels"}
            ).content
        )
    )
    rows = list(one.active.values)
    assert rows[0] == ("Hình thức nộp", "Số hồ sơ")
    assert ("Trực tiếp", 2) in rows


def test_every_printed_table_gives_each_column_its_share_of_the_width(data, ward_a):
    for table in all_tables(dashboard(ward_a, YEAR)):
        assert len(table.widths) == len(table.headers), table.key
        assert sum(table.widths) == 100, table.key


def test_a_years_line_chart_labels_every_other_month_so_that_labels_do_not_overlap():
    chart = charts.line("Tỷ lệ đúng hạn", [(f"{m:02}/26", 90) for m in range(1, 13)])
    assert len(chart.points) == 12
    assert [p.label for p in chart.labels] == ["01/26", "03/26", "05/26", "07/26", "09/26", "11/26"]


def test_bars_are_as_long_as_their_share_of_the_largest_and_long_names_are_cut():
    long_name = "Ủy ban nhân dân phường Nguyễn Thái Bình, thành phố Hồ Chí Minh"
    chart = charts.hbar("Tỷ lệ đúng hạn", [(long_name, 50), ("Phường An Lạc", 100)])
    html = render_to_string("dashboards/charts/hbar.html", {"chart": chart, "id": "c"})
    assert f'width="{charts.TRACK // 2}" height="14" rx="3"><title>{long_name}: 50</title>' in html
    assert f'width="{charts.TRACK}" height="14" rx="3"><title>Phường An Lạc: 100</title>' in html
    assert f">{long_name[:45]}…</text>" in html  # the whole name is the bar's title


def test_the_drill_down_lists_the_dossiers_behind_a_number_in_scope(client, data, ward_a, ward_b):
    sign_in(client, make_staff(ward_a, "leader"))
    page = client.get(
        reverse("dashboards:drill", args=["2.1", "mau-so"]), {"nam": 2026}
    ).content.decode()
    codes_a = [d.code for d in ward_a.dossiers.filter(status=10)]
    codes_b = [d.code for d in ward_b.dossiers.all()]
    assert all(code in page for code in codes_a)
    assert not any(code in page for code in codes_b)
    assert client.get(reverse("dashboards:drill", args=["1.1", "tu-so"])).status_code == 404


def test_the_published_indices(client, data, city):
    for name in (
        "dashboards:public",
        "dashboards:par-ranking",
        "dashboards:satisfaction",
        "dashboards:service-index",
    ):
        response = client.get(reverse(name), {"nam": 2026})
        assert response.status_code == 200, name
    ranking = client.get(reverse("dashboards:par-ranking")).content.decode()
    assert "Phường An Lạc" in ranking
    assert "82" in ranking
    service = client.get(reverse("dashboards:service-index"), {"nam": 2026}).content.decode()
    assert "không có dữ liệu" in service  # e.g. synchronisation with the national portal
    home = client.get("/").content.decode()
    assert reverse("dashboards:public") in home
    assert reverse("surveys:start") in home


def test_the_api_serves_the_indices(client, data, ward_a):
    ranking = client.get("/api/v1/indices/par/2026").json()
    assert [row["unit"] for row in ranking] == [ward_a.slug, "phuong-binh-dong"]
    index = client.get("/api/v1/indices/service-index", {"unit": ward_a.slug, "year": 2026}).json()
    assert index["max_points"] == "100" or float(index["max_points"]) == 100
    sub = {i["code"]: i for g in index["groups"] for i in g["indicators"]}
    assert sub["1.2"]["has_data"] is False
    assert sub["2.1"]["denominator"] == 6
    satisfaction = client.get(
        "/api/v1/surveys/satisfaction", {"unit": ward_a.slug, "year": 2026}
    ).json()
    assert satisfaction["total"] == 3
    tables = client.get("/api/v1/dashboards/public", {"unit": ward_a.slug, "year": 2026}).json()
    assert len(tables["tables"]) == 12
    assert client.get("/api/v1/dashboards/staff", {"unit": ward_a.slug}).status_code == 401
    drill = client.get("/api/v1/indices/service-index/2.1/dossiers", {"unit": ward_a.slug})
    assert drill.status_code == 401


@pytest.mark.parametrize(
    ("read", "queries"),
    [
        ("dossier_figures", 2),  # the period from the monthly statistics, "now" from open dossiers
        ("resolved_by_month", 1),
        ("by_channel", 1),
        ("by_field", 2),  # the sums per procedure version, then the versions' fields
        ("on_time_by_unit", 1),
        ("satisfaction", 1),
        ("satisfaction_by_unit", 1),
        ("satisfaction_by_month", 1),
        ("unit_average", 1),
    ],
)
def test_each_figure_is_one_aggregate_query(data, city, read, queries, django_assert_num_queries):
    from motcua.par import selectors as par
    from motcua.surveys import selectors as surveys

    function = getattr(par, read, None) or getattr(surveys, read)
    with django_assert_num_queries(queries):
        function(city, YEAR.start, YEAR.end)
