import datetime as dt

import factory
from django.utils import timezone

from motcua.dossiers.models import Channel, Dossier, Stage, Status
from motcua.procedures.tests.factories import ProcedureVersionFactory


class DossierFactory(factory.django.DjangoModelFactory):
    """A dossier written directly in a given state (for lists and queues). Workflow tests drive
    dossiers through the services instead."""

    class Meta:
        model = Dossier

    code = factory.Sequence(lambda n: f"000.99.99.H29-260301-{n:04d}")
    unit = None
    processing_unit = factory.SelfAttribute("unit")
    procedure_version = factory.SubFactory(ProcedureVersionFactory)
    channel = Channel.ONLINE
    status = Status.SUBMITTED
    stage = Stage.DESK
    applicant_name = "Nguyễn Văn An"
    applicant_search = "nguyen van an"
    applicant_phone = "0903123456"
    submitted_at = factory.LazyFunction(timezone.now)

    class Params:
        processing = factory.Trait(
            status=Status.PROCESSING,
            stage=Stage.SPECIALIST,
            received_at=factory.LazyFunction(timezone.now),
            clock_start=factory.LazyFunction(timezone.localdate),
            due_date=factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10)),
            effective_due_date=factory.SelfAttribute("due_date"),
        )
        overdue = factory.Trait(
            status=Status.PROCESSING,
            stage=Stage.SPECIALIST,
            received_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=20)),
            clock_start=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=20)),
            due_date=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3)),
            effective_due_date=factory.SelfAttribute("due_date"),
        )
        result_ready = factory.Trait(status=Status.RESULT_READY, stage=Stage.DESK)
