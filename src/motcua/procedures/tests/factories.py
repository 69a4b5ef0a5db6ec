import datetime as dt
from decimal import Decimal

import factory

from motcua.procedures.models import (
    FeeKind,
    ImplementingLevel,
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

    class Params:
        province = factory.Trait(level=ImplementingLevel.PROVINCE)
        inactive = factory.Trait(is_active=False)


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
    legacy_level = 4
    documents = factory.RelatedFactoryList(
        "motcua.procedures.tests.factories.RequiredDocumentFactory", "version", size=2
    )

    class Params:
        same_day = factory.Trait(processing_days=0)
        desk_only = factory.Trait(online_level=OnlineLevel.NONE, legacy_level=2)
        partly_online = factory.Trait(online_level=OnlineLevel.PARTIAL, legacy_level=3)
        fixed_fee = factory.Trait(fee_kind=FeeKind.FIXED, fee_amount=Decimal(8000))
        example_fee = factory.Trait(
            fee_kind=FeeKind.FIXED,
            fee_amount=Decimal(15000),
            fee_is_example=True,
            fee_note="Theo Nghị quyết của HĐND Thành phố (ví dụ)",
        )
        per_page_fee = factory.Trait(
            fee_kind=FeeKind.PER_PAGE,
            fee_amount=Decimal(2000),
            fee_first_pages=2,
            fee_later_amount=Decimal(1000),
            fee_cap=Decimal(200000),
        )


class RequiredDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredDocument

    version = factory.SubFactory(ProcedureVersionFactory, documents=[])
    name = factory.Sequence(lambda n: f"Giấy tờ số {n}")
    sort_order = factory.Sequence(int)
