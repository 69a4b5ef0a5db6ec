import datetime as dt

import factory

from motcua.procedures.models import (
    OnlineLevel,
    Procedure,
    ProcedureField,
    ProcedureVersion,
    RequiredDocument,
)


class ProcedureFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureField
        django_get_or_create = ["code"]

    code = "ho-tich"
    name = "Hộ tịch"


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.{n:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"thu-tuc-thu-nghiem-{n}")
    field = factory.SubFactory(ProcedureFieldFactory)


class ProcedureVersionFactory(factory.django.DjangoModelFactory):
    """A version in force since 2020 with two required documents; 3 working days by default."""

    class Meta:
        model = ProcedureVersion
        skip_postgeneration_save = True

    procedure = factory.SubFactory(ProcedureFactory)
    effective_from = dt.date(2020, 1, 1)
    applicant_types = ["citizen"]
    processing_days = 3
    result = "Giấy xác nhận"
    legal_basis = "Luật Hộ tịch 2014"
    online_level = OnlineLevel.FULL
    documents = factory.RelatedFactoryList(
        "motcua.procedures.tests.factories.RequiredDocumentFactory", "version", size=2
    )

    class Params:
        same_day = factory.Trait(processing_days=0)
        desk_only = factory.Trait(online_level=OnlineLevel.NONE)


class RequiredDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredDocument

    version = factory.SubFactory(ProcedureVersionFactory, documents=[])
    name = factory.Sequence(lambda n: f"Giấy tờ số {n}")
    sort_order = factory.Sequence(int)
