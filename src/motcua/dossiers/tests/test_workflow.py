"""The workflow as scenario tables: in each state, which role may do which action."""

import pytest

from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.dossiers.models import Stage, Status
from motcua.dossiers.services import Attachment, dossier_supplement
from motcua.dossiers.tests.conftest import pdf_upload
from motcua.dossiers.workflow import TRANSITIONS, dossier_transition, refusal
from motcua.organisations.tests.helpers import make_staff
from motcua.workcalendar.selectors import add_working_days

ROLES = ("officer", "specialist", "other_specialist", "leader", "front", "officer_b", "applicant")

#: The path of actions that brings a fresh online dossier to each state.
PATHS = {
    "submitted": [],
    "received": [("receive", "officer")],
    "at_department": [("receive", "officer"), ("send_to_department", "officer")],
    "at_specialist": [
        ("receive", "officer"),
        ("send_to_department", "officer"),
        ("assign", "leader"),
    ],
    "at_leader": [
        ("receive", "officer"),
        ("send_to_department", "officer"),
        ("assign", "leader"),
        ("submit_for_approval", "specialist"),
    ],
    "supplement": [
        ("receive", "officer"),
        ("send_to_department", "officer"),
        ("assign", "leader"),
        ("request_supplement", "specialist"),
    ],
    "payment": [
        ("receive", "officer"),
        ("send_to_department", "officer"),
        ("assign", "leader"),
        ("request_payment", "specialist"),
    ],
    "result_ready": [
        ("receive", "officer"),
        ("send_to_department", "officer"),
        ("assign", "leader"),
        ("submit_for_approval", "specialist"),
        ("approve", "leader"),
    ],
}
PATHS["returned"] = [*PATHS["result_ready"], ("return_result", "officer")]
PATHS["refused"] = [("refuse", "officer")]

#: Who may do what, in each state. Everything else is refused.
ALLOWED = {
    "submitted": {
        ("receive", "officer"),
        ("request_documents", "officer"),
        ("refuse", "officer"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "received": {
        ("send_to_department", "officer"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "at_department": {
        ("assign", "leader"),
        ("assign", "specialist"),
        ("request_supplement", "specialist"),
        ("request_supplement", "leader"),
        ("transfer", "leader"),
        ("apologize", "leader"),
        ("stop", "leader"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "at_specialist": {
        ("assign", "leader"),
        ("assign", "specialist"),
        ("request_supplement", "specialist"),
        ("request_supplement", "leader"),
        ("request_payment", "specialist"),
        ("request_payment", "leader"),
        ("submit_for_approval", "specialist"),
        ("transfer", "leader"),
        ("apologize", "leader"),
        ("stop", "leader"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "at_leader": {
        ("request_supplement", "specialist"),
        ("request_supplement", "leader"),
        ("request_payment", "specialist"),
        ("request_payment", "leader"),
        ("send_back", "leader"),
        ("approve", "leader"),
        ("transfer", "leader"),
        ("apologize", "leader"),
        ("stop", "leader"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "supplement": {
        ("supplement_received", "officer"),
        ("supplement_received", "applicant"),
        ("stop", "leader"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "payment": {
        ("payment_received", "officer"),
        ("payment_received", "applicant"),
        ("apologize", "leader"),
        ("stop", "leader"),
        ("withdraw", "officer"),
        ("withdraw", "applicant"),
    },
    "result_ready": {("return_result", "officer")},
    "returned": set(),
    "refused": set(),
}

DATA = {
    "items": ["Bản sao giấy chứng nhận kết hôn của cha mẹ"],
    "reason": "Người nộp yêu cầu",
    "note": "Ghi chú",
    "amount": "50000",
}


@pytest.fixture
def people(office, ward_b):
    return {
        "officer": office.officer,
        "specialist": office.specialist,
        "other_specialist": office.other_specialist,
        "leader": office.leader,
        "front": office.front,
        "officer_b": make_staff(ward_b, "one_stop_officer", username="motcua.b"),
        "applicant": None,
    }


def data_for(action, office, people, dossier):
    data = dict(DATA)
    data["department"] = office.department
    data["assignee"] = people["specialist"]
    data["unit"] = office.ward.parent
    data["new_date"] = add_working_days(dossier.due_date, 5) if dossier.due_date else None
    return data


def act(dossier, action, role, office, people):
    return dossier_transition(
        dossier=dossier,
        action=action,
        actor=people[role],
        as_applicant=role == "applicant",
        data=data_for(action, office, people, dossier),
    )


def bring(dossier, state, office, people):
    for action, role in PATHS[state]:
        dossier = act(dossier, action, role, office, people)
    return dossier


@pytest.mark.parametrize("state", list(ALLOWED))
def test_who_may_do_what_in_each_state(state, submitted, office, people):
    dossier = bring(submitted, state, office, people)
    for action in TRANSITIONS:
        for role in ROLES:
            allowed = (
                refusal(dossier, action, people[role], as_applicant=role == "applicant") is None
            )
            assert allowed == ((action, role) in ALLOWED[state]), f"{state}: {role} {action}"
            if not allowed:
                with pytest.raises(NotAllowed):
                    act(dossier, action, role, office, people)


CASES = [
    (state, action, role) for state, pairs in ALLOWED.items() for action, role in sorted(pairs)
]
EXPECTED_STATUS = {
    "receive": Status.RECEIVED,
    "request_documents": Status.SUPPLEMENT,
    "refuse": Status.REFUSED,
    "send_to_department": Status.PROCESSING,
    "assign": Status.PROCESSING,
    "request_supplement": Status.SUPPLEMENT,
    "request_payment": Status.PAYMENT,
    "payment_received": Status.PROCESSING,
    "submit_for_approval": Status.PROCESSING,
    "send_back": Status.PROCESSING,
    "approve": Status.RESULT_READY,
    "transfer": Status.PROCESSING,
    "return_result": Status.RETURNED,
    "withdraw": Status.WITHDRAWN,
    "stop": Status.STOPPED,
}


@pytest.mark.parametrize(
    ("state", "action", "role"), CASES, ids=[f"{s}-{a}-{r}" for s, a, r in CASES]
)
def test_every_allowed_action_leads_to_its_status_and_is_recorded(
    state, action, role, submitted, office, people
):
    dossier = bring(submitted, state, office, people)
    before = dossier.status
    if action == "assign" and role == "specialist":
        dossier = dossier_transition(
            dossier=dossier,
            action="assign",
            actor=office.specialist,
            data={"assignee": office.specialist},
        )
    elif action == "supplement_received":
        dossier = dossier_supplement(
            dossier=dossier,
            attachments=[Attachment(upload=pdf_upload())],
            actor=people[role],
            as_applicant=role == "applicant",
        )
    else:
        dossier = act(dossier, action, role, office, people)
    if action == "apologize":
        assert dossier.status == before
        assert dossier.extended_due_date is not None
    elif action == "supplement_received":
        assert dossier.status == Status.PROCESSING
    else:
        assert dossier.status == EXPECTED_STATUS[action]
    last = dossier.events.order_by("-at", "-id").first()
    assert last.action == action
    assert last.from_status == before


def test_a_specialist_can_take_a_dossier_for_themselves_only(submitted, office, people):
    dossier = bring(submitted, "at_department", office, people)
    colleague = make_staff(office.department, "specialist", username="dongnghiep")
    with pytest.raises(DomainError, match="cho chính mình"):
        dossier_transition(
            dossier=dossier, action="assign", actor=office.specialist, data={"assignee": colleague}
        )
    dossier = dossier_transition(
        dossier=dossier,
        action="assign",
        actor=office.specialist,
        data={"assignee": office.specialist},
    )
    assert dossier.assignee == office.specialist
    assert dossier.stage == Stage.SPECIALIST


def test_only_the_specialist_in_charge_submits_to_the_leader(submitted, office, people):
    dossier = bring(submitted, "at_specialist", office, people)
    colleague = make_staff(office.department, "specialist", username="dongnghiep")
    with pytest.raises(NotAllowed):
        dossier_transition(dossier=dossier, action="submit_for_approval", actor=colleague)


def test_an_officer_acting_on_a_stale_page_gets_a_conflict(submitted, office):
    dossier_transition(dossier=submitted, action="receive", actor=office.officer, expected_status=1)
    with pytest.raises(Conflict, match="vừa thay đổi"):
        dossier_transition(
            dossier=submitted,
            action="refuse",
            actor=office.officer,
            expected_status=1,
            data={"reason": "Thiếu giấy tờ"},
        )


def test_missing_required_data_is_refused_and_nothing_changes(submitted, office):
    with pytest.raises(DomainError) as error:
        dossier_transition(
            dossier=submitted, action="refuse", actor=office.officer, data={"reason": ""}
        )
    assert error.value.field == "reason"
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.events.count() == 1
