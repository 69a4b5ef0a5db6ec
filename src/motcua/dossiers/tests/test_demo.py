import datetime as dt

import pytest
import time_machine
from django.db.models import Count

from motcua.dossiers import demo
from motcua.dossiers.models import Dossier, Status
from motcua.notifications.models import Notification
from motcua.organisations import demo as organisation_demo
from motcua.procedures.models import OnlineLevel
from motcua.procedures.tests.factories import ProcedureFieldFactory, ProcedureVersionFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "now",
    [
        "2026-12-02 10:00 +07:00",  # a Wednesday morning
        "2026-12-06 04:40 +07:00",  # a Sunday night: no desk since Friday
        "2026-12-07 06:30 +07:00",  # a Monday before the desk opens
    ],
)
def test_demo_dossiers_cover_every_kind_of_situation_and_load_once(now):
    moment = dt.datetime.strptime(now, "%Y-%m-%d %H:%M %z")
    with time_machine.travel(moment, tick=False):
        organisation_demo.seed(log=lambda line: None)
        economy = ProcedureFieldFactory(code="xay-dung", name="Xây dựng")
        ProcedureVersionFactory(procedure__name="Đăng ký khai sinh", processing_days=3)
        ProcedureVersionFactory(
            procedure__name="Chứng thực bản sao", processing_days=0, online_level=OnlineLevel.NONE
        )
        ProcedureVersionFactory(
            procedure__name="Cấp giấy phép xây dựng", procedure__field=economy, processing_days=10
        )
        demo.seed(log=print, days_back=40)
        total = Dossier.objects.count()
        assert total > 100
        statuses = dict(Dossier.objects.values_list("status").annotate(n=Count("pk")))
        assert statuses[Status.RETURNED] > total / 3
        assert {Status.SUBMITTED, Status.PROCESSING, Status.RESULT_READY} <= set(statuses)
        assert Dossier.objects.exclude(extended_due_date=None).exists(), (
            "some dossiers carry an apology"
        )
        overdue = Dossier.objects.filter(
            status=Status.PROCESSING, effective_due_date__lt=dt.date.today()
        )
        assert overdue.exists(), "some dossiers are overdue now"
        assert Dossier.objects.values("unit").distinct().count() == 4
        assert not Notification.objects.exists(), "loading the demo sends no message"
        demo.seed(log=lambda line: None, days_back=40)
        assert Dossier.objects.count() == total
