import datetime as dt

import factory
from django.utils import timezone

from motcua.contests.models import Choice, Contest, Question, Round
from motcua.organisations.tests.factories import UnitFactory


class ContestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contest
        skip_postgeneration_save = True

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Cuộc thi tìm hiểu pháp luật về CCHC {n}")
    slug = factory.Sequence(lambda n: f"cuoc-thi-{n}")
    is_published = True

    @factory.post_generation
    def bank(self, create, extracted, **kwargs):
        """``bank=N`` questions, each with four answers, the first one correct."""
        if not create:
            return
        for n in range(extracted if extracted is not None else 12):
            question = Question.objects.create(contest=self, text=f"Câu hỏi số {n + 1}?")
            for position in range(4):
                Choice.objects.create(
                    question=question,
                    text=f"Phương án {'ABCD'[position]} của câu {n + 1}",
                    is_correct=position == 0,
                    position=position,
                )


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    contest = factory.SubFactory(ContestFactory)
    number = factory.Sequence(lambda n: n + 1)
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=6))
    question_count = 5
    time_limit_minutes = 10

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1)),
        )
