import datetime as dt

import pytest

from motcua.core.models import RuleValue
from motcua.core.rules import rule_value
from motcua.workcalendar.calendar import RECEPTION_CUTOFF


@pytest.mark.django_db
def test_rule_uses_the_declared_baseline_until_an_administrator_enters_a_new_value():
    assert rule_value(RECEPTION_CUTOFF, on=dt.date(2026, 1, 1)) == "15:00"
    RuleValue.objects.create(
        key=RECEPTION_CUTOFF,
        value="16:00",
        effective_from=dt.date(2027, 1, 1),
        legal_basis="Example",
    )
    assert rule_value(RECEPTION_CUTOFF, on=dt.date(2026, 12, 31)) == "15:00"
    assert rule_value(RECEPTION_CUTOFF, on=dt.date(2027, 1, 1)) == "16:00"


def test_unknown_rule_is_an_error():
    with pytest.raises(KeyError):
        rule_value("no_such_rule", on=dt.date(2026, 1, 1))
