import datetime as dt

import factory
from django.utils import timezone

from motcua.consultations.models import Comment, Consultation, ConsultationStatus, Section
from motcua.organisations.tests.factories import UnitFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Quy chế quản lý chợ số {n}")
    slug = factory.Sequence(lambda n: f"quy-che-quan-ly-cho-so-{n}")
    document_type = "Dự thảo Quyết định"
    status = ConsultationStatus.PUBLISHED
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=5))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=25))

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=40)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10)),
        )
        preparing = factory.Trait(status=ConsultationStatus.DRAFT)

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if create:
            for n in (1, 2):
                Section.objects.create(
                    consultation=self, position=n, heading=f"Điều {n}.", body=f"Nội dung điều {n}."
                )


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    consultation = factory.SubFactory(ConsultationFactory)
    body = "Đề nghị bổ sung quy định về giờ mở cửa chợ."
    status = "published"
