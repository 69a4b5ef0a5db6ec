import factory

from motcua.accounts.models import Role
from motcua.accounts.tests.factories import UserFactory
from motcua.organisations.models import Membership, Unit, UnitKind


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Phường Thử Nghiệm {n}")
    slug = factory.Sequence(lambda n: f"phuong-thu-nghiem-{n}")
    kind = UnitKind.WARD
    gso_code = factory.Sequence(lambda n: f"{90000 + n}")
    identifier_code = factory.Sequence(lambda n: f"000.{n % 100:02d}.99.H29")

    class Params:
        department = factory.Trait(kind=UnitKind.DEPARTMENT, gso_code="")
        province = factory.Trait(kind=UnitKind.PROVINCE)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, staff=True)
    unit = factory.SubFactory(UnitFactory)
    role = factory.LazyFunction(lambda: Role.objects.get(code="one_stop_officer"))

    @classmethod
    def _create(cls, model_class, *args, role=None, **kwargs):
        if isinstance(role, str):
            role = Role.objects.get(code=role)
        return super()._create(model_class, *args, role=role, **kwargs)
