"""The authorisation matrix: who may open every page and call every API operation.

Read a row as "these roles get in; everybody else is turned away". The columns are the roles of
PRODUCT.md §1 (see ``world.ROLES``); ``other_unit`` is a leader of another ward, so a row that
leaves it out says ward A's objects stay inside ward A.

* allowed: a 2xx answer, or a redirect that is not to a sign-in page (a POST with an empty form
  may also answer 400 with the form again: it got past the door);
* turned away: a visitor is sent to the sign-in page (or gets 403/404), a signed-in person gets
  403 or 404.

POST-only pages are sent an empty form; each request runs in a transaction that is rolled back.
A URL name or an API operation missing from these tables fails the test: a new page must be
given its row here before it can be merged.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from motcua.security.tests.world import ROLES

EVERYONE = frozenset(ROLES)
NOBODY = frozenset()
SIGNED_IN = EVERYONE - {"visitor"}
STAFF = SIGNED_IN - {"citizen"}
#: Staff who may see ward A's object: every staff role except a stranger from ward B.
WARD_STAFF = STAFF - {"other_unit"}


def only(*roles: str) -> frozenset:
    unknown = set(roles) - EVERYONE
    assert not unknown, unknown
    return frozenset(roles)


@dataclass(frozen=True)
class Row:
    allow: frozenset
    args: Callable | None = None  # world -> positional URL arguments
    method: str = "GET"
    why: str = ""


def _code(name):
    return lambda w: [getattr(w, name).code]


def _public_id(name):
    return lambda w: [getattr(w, name).public_id]


def _slug(name):
    return lambda w: [getattr(w, name).slug]


ADMINS = only("admin")
OFFICERS = only("officer")
# dossiers, feedback and complaints: the roles that work on them (PRODUCT.md §1).
DOSSIER_STAFF = only("officer", "specialist", "leader", "other_unit")
DOSSIER_WARD = DOSSIER_STAFF - {"other_unit"}  # the specialist's department handles it
FEEDBACK_STAFF = only("officer", "specialist", "leader", "front", "other_unit")
# Ward A's report, not about an official: the desk and leaders; a department sees it once it
# handles it, the Front sees reports about officials only. Editors and administrators never.
FEEDBACK_WARD = only("officer", "leader")
COMPLAINT_STAFF = only("officer", "specialist", "leader", "front", "other_unit")
EDITORS = only("editor", "leader", "other_unit")
DRAFTERS = only("editor", "leader", "specialist", "other_unit")
DRAFTERS_WARD = only("editor", "leader")  # a department's specialist drafts its own only
OVERSIGHT = only("leader", "assessor", "front", "other_unit")  # PAR, dashboards, surveys

PAGES: dict[str, Row] = {
    # --- portal, public ---
    "home": Row(EVERYONE),
    "sitemap": Row(EVERYONE),
    "healthz": Row(EVERYONE),
    "public-media": Row(EVERYONE, lambda w: [w.document.file.name.removeprefix("public/")]),
    "set_language": Row(EVERYONE, method="POST"),
    "accounts:login": Row(only("visitor", "citizen"), why="staff go on to the second step"),
    "accounts:logout": Row(EVERYONE, method="POST"),
    "accounts:two-factor": Row(STAFF),
    "accounts:two-factor-setup": Row(STAFF),
    "accounts:recovery-codes": Row(STAFF, method="POST"),
    "organisations:directory": Row(EVERYONE),
    "organisations:unit": Row(EVERYONE, lambda w: [w.ward.slug]),
    "procedures:catalogue": Row(EVERYONE),
    "procedures:kiosk": Row(EVERYONE),
    "procedures:kiosk-detail": Row(EVERYONE, _slug("procedure")),
    "procedures:form": Row(NOBODY, lambda w: ["khong-co.docx"], why="unknown form: 404"),
    "procedures:detail": Row(EVERYONE, _slug("procedure")),
    "procedures:print": Row(EVERYONE, _slug("procedure")),
    "dossiers:submit": Row(EVERYONE, _slug("procedure")),
    "dossiers:lookup": Row(EVERYONE),
    "dossiers:mine": Row(SIGNED_IN),
    # A dossier's public pages open with its lookup secret, or for the account that filed it.
    "dossiers:submitted": Row(only("citizen"), _code("dossier")),
    "dossiers:status": Row(only("citizen"), _code("dossier")),
    "dossiers:supplement": Row(only("citizen"), _code("dossier"), "POST"),
    "dossiers:withdraw": Row(only("citizen"), _code("dossier"), "POST"),
    "dossiers:pay": Row(only("citizen"), _code("dossier"), "POST"),
    "dossiers:slip": Row(only("citizen"), lambda w: [w.dossier.code, w.slip.public_id]),
    "dossiers:test-gateway": Row(NOBODY, lambda w: ["TT-khong-co"], why="reference is secret"),
    "surveys:start": Row(EVERYONE),
    "surveys:rate": Row(NOBODY, _code("dossier"), why="needs the secret link"),
    "surveys:thanks": Row(NOBODY, _code("dossier"), why="needs the secret link"),
    "surveys:answer": Row(EVERYONE, lambda w: [w.invitation.token]),
    "surveys:results": Row(EVERYONE, _public_id("campaign")),
    "dashboards:public": Row(EVERYONE),
    "dashboards:public-export": Row(EVERYONE),
    "dashboards:par-ranking": Row(EVERYONE),
    "dashboards:par-unit": Row(NOBODY, lambda w: [2026, w.ward.slug], why="nothing published"),
    "dashboards:satisfaction": Row(EVERYONE),
    "dashboards:service-index": Row(EVERYONE),
    "feedback:list": Row(EVERYONE),
    "feedback:new": Row(EVERYONE),
    "feedback:questions": Row(EVERYONE),
    "feedback:suggest": Row(EVERYONE, method="POST"),
    "feedback:lookup": Row(EVERYONE),
    # Tracking pages need the report's secret in the session (else: to the lookup form); the
    # public page shows an accepted report without who sent it.
    "feedback:submitted": Row(EVERYONE, _code("report"), why="without the secret: public page"),
    "feedback:track": Row(NOBODY, _code("report"), why="needs the secret"),
    "feedback:rate": Row(NOBODY, _code("report"), "POST", why="needs the secret"),
    "feedback:supply": Row(NOBODY, _code("report"), "POST", why="needs the secret"),
    "feedback:detail": Row(EVERYONE, _code("report")),
    "feedback:photo": Row(NOBODY, lambda w: [w.report.code, uuid.UUID(int=1)], why="no photo"),
    "complaints:schedule": Row(EVERYONE),
    "news:list": Row(EVERYONE),
    "news:feed": Row(EVERYONE),
    "news:archive": Row(EVERYONE),
    "news:category": Row(EVERYONE, lambda w: [w.article.category.slug]),
    "news:category-feed": Row(EVERYONE, lambda w: [w.article.category.slug]),
    "news:article": Row(EVERYONE, _slug("article")),
    "news:videos": Row(EVERYONE),
    "news:video": Row(EVERYONE, _slug("video")),
    "news:documents": Row(EVERYONE),
    "news:document": Row(EVERYONE, _slug("document")),
    "search:search": Row(EVERYONE),
    "consultations:list": Row(EVERYONE),
    "consultations:detail": Row(EVERYONE, _slug("consultation")),
    "contests:list": Row(EVERYONE),
    "contests:detail": Row(EVERYONE, _slug("contest")),
    "contests:results": Row(EVERYONE, lambda w: [w.contest.slug, w.round.number]),
    # An entry opens only in the browser that started it (none of these sessions did).
    "contests:entry": Row(NOBODY, _public_id("entry")),
    "contests:entry-autosave": Row(NOBODY, _public_id("entry"), "POST"),
    # --- back office ---
    "organisations:staff-home": Row(STAFF),
    "organisations:switch-unit": Row(STAFF, method="POST"),
    "audit:log": Row(ADMINS),
    "workcalendar:admin": Row(ADMINS),
    "workcalendar:delete": Row(ADMINS, lambda w: [w.override.pk], "POST"),
    "procedures:transfer": Row(ADMINS),
    "procedures:export": Row(ADMINS, lambda w: ["json"]),
    "dossiers:queue": Row(DOSSIER_STAFF),
    "dossiers:register": Row(DOSSIER_STAFF),
    "dossiers:desk": Row(OFFICERS),
    "dossiers:desk-receive": Row(OFFICERS, _slug("procedure")),
    "dossiers:bulk-assign": Row(only("leader", "other_unit"), method="POST"),
    "dossiers:staff-detail": Row(DOSSIER_WARD, _code("dossier")),
    "dossiers:act": Row(DOSSIER_WARD, lambda w: [w.dossier.code, "receive"], "POST"),
    "dossiers:record-supplement": Row(OFFICERS, _code("dossier"), "POST"),
    "dossiers:note": Row(DOSSIER_WARD, _code("dossier"), "POST"),
    "dossiers:document": Row(
        DOSSIER_WARD,
        lambda w: [w.dossier.code, w.dossier_document.public_id],
    ),
    "dossiers:staff-slip": Row(DOSSIER_WARD, lambda w: [w.dossier.code, w.slip.public_id]),
    "dossiers:control-slip": Row(DOSSIER_WARD, _code("dossier")),
    "surveys:kiosk": Row(OFFICERS),
    "surveys:kiosk-rate": Row(NOBODY, _code("dossier"), why="only a returned dossier"),
    "surveys:campaigns": Row(OVERSIGHT),
    "surveys:campaign-create": Row(only("leader", "assessor", "other_unit")),
    "surveys:campaign": Row(OVERSIGHT - {"other_unit"}, _public_id("campaign")),
    "surveys:campaign-act": Row(
        only("leader", "assessor"), lambda w: [w.campaign.public_id, "open"], "POST"
    ),
    "par:assessments": Row(OVERSIGHT),
    "par:onestop": Row(OVERSIGHT),
    # Ward A's assessment, being self-assessed: the ward's leader scores and adds evidence.
    "par:assessment": Row(OVERSIGHT - {"other_unit"}, _public_id("assessment")),
    "par:score": Row(OVERSIGHT - {"other_unit"}, lambda w: [w.assessment.public_id, "1.1"], "POST"),
    "par:add-evidence": Row(only("leader"), lambda w: [w.assessment.public_id, "1.1"], "POST"),
    "par:evidence": Row(
        OVERSIGHT - {"other_unit"}, lambda w: [w.assessment.public_id, w.evidence.public_id]
    ),
    "par:act": Row(
        OVERSIGHT - {"other_unit"}, lambda w: [w.assessment.public_id, "submit"], "POST"
    ),
    "dashboards:staff": Row(OVERSIGHT),
    "dashboards:staff-export": Row(OVERSIGHT),
    "dashboards:report-ready": Row(
        NOBODY, lambda w: ["khong-phai-phieu-cho"], why="a waiting ticket is signed for its leader"
    ),
    "dashboards:report": Row(OVERSIGHT),
    "dashboards:service-index-staff": Row(OVERSIGHT),
    "dashboards:drill": Row(OVERSIGHT, lambda w: ["2.1", "tu-so"]),
    "feedback:queue": Row(FEEDBACK_STAFF),
    "feedback:staff-new": Row(only("officer", "leader", "other_unit")),
    "feedback:rules": Row(only("leader", "admin", "other_unit")),
    "feedback:rule-edit": Row(only("leader", "admin"), _public_id("rule")),
    "feedback:rule-delete": Row(only("leader", "admin"), _public_id("rule"), "POST"),
    "feedback:rule-move": Row(only("leader", "admin"), lambda w: [w.rule.public_id, "len"], "POST"),
    "feedback:staff-detail": Row(FEEDBACK_WARD, _code("report")),
    "feedback:act": Row(FEEDBACK_WARD, lambda w: [w.report.code, "accept"], "POST"),
    "feedback:note": Row(FEEDBACK_WARD, _code("report"), "POST"),
    "feedback:correct": Row(only("officer", "leader"), _code("report"), "POST"),
    "feedback:answer-template": Row(FEEDBACK_WARD, lambda w: [w.report.code, w.answer_template.pk]),
    "complaints:cases": Row(COMPLAINT_STAFF),
    "complaints:case-new": Row(only("officer", "specialist", "leader", "other_unit")),
    "complaints:export": Row(COMPLAINT_STAFF),
    "complaints:case": Row(only("officer", "leader", "front"), _code("case")),
    # A denouncer's identity: the handler and the unit's leaders only (and every view audited).
    "complaints:identity": Row(only("leader"), _code("denunciation")),
    "complaints:act": Row(
        only("officer", "leader", "front"), lambda w: [w.case.code, "accept"], "POST"
    ),
    "complaints:document": Row(
        NOBODY, lambda w: [w.case.code, "thong-bao"], why="no notice before acceptance"
    ),
    "complaints:sessions": Row(COMPLAINT_STAFF),
    "complaints:session": Row(only("officer", "leader", "front"), _public_id("reception")),
    "complaints:reply": Row(only("officer", "leader", "front"), _public_id("visit"), "POST"),
    "news:staff-articles": Row(EDITORS),
    "news:staff-article-create": Row(EDITORS),
    "news:staff-body-preview": Row(EDITORS, method="POST"),
    "news:staff-image": Row(EDITORS - {"other_unit"}, _public_id("article_image"), "POST"),
    "news:staff-article": Row(EDITORS - {"other_unit"}, _public_id("article")),
    "news:staff-article-preview": Row(EDITORS - {"other_unit"}, _public_id("article")),
    "news:staff-image-add": Row(EDITORS - {"other_unit"}, _public_id("article"), "POST"),
    "news:staff-article-transition": Row(
        EDITORS - {"other_unit"}, lambda w: [w.article.public_id, "submit"], "POST"
    ),
    "news:staff-videos": Row(EDITORS),
    "news:staff-video-create": Row(EDITORS),
    "news:staff-video": Row(EDITORS - {"other_unit"}, _public_id("video")),
    "news:staff-documents": Row(EDITORS),
    "news:staff-document-create": Row(EDITORS),
    "news:staff-document": Row(EDITORS - {"other_unit"}, _public_id("document")),
    "consultations:staff-list": Row(DRAFTERS),
    "consultations:staff-create": Row(DRAFTERS),
    "consultations:staff-opinion": Row(only("front")),
    "consultations:staff-detail": Row(DRAFTERS_WARD, _public_id("consultation")),
    "consultations:staff-edit": Row(DRAFTERS_WARD, _public_id("consultation")),
    "consultations:staff-publish": Row(DRAFTERS_WARD, _public_id("consultation"), "POST"),
    "consultations:staff-report": Row(DRAFTERS_WARD, _public_id("consultation"), "POST"),
    "consultations:staff-moderate": Row(
        DRAFTERS_WARD, lambda w: [w.comment.public_id, "dang"], "POST"
    ),
    "consultations:staff-answer": Row(
        DRAFTERS_WARD, lambda w: ["gop-y", w.comment.public_id], "POST"
    ),
    "contests:staff-list": Row(EDITORS),
    "contests:staff-contest": Row(EDITORS - {"other_unit"}, _public_id("contest")),
    "contests:staff-results": Row(EDITORS - {"other_unit"}, _public_id("round"), "POST"),
    # --- Django admin: every admin: URL follows the site's own gate, checked on its index ---
    "admin:*": Row(ADMINS),
    "api:openapi-json": Row(EVERYONE),
    "api:openapi-view": Row(EVERYONE),
    "api:api-root": Row(NOBODY, why="nothing at the bare root: 404"),
}

#: Open311 GeoReport v2 has no URL names; its patterns are listed by their route, with the
#: address to request.
OPEN311 = {
    r"^open311/v2/discovery\.(?P<fmt>json|xml)$": Row(
        EVERYONE, lambda w: "/open311/v2/discovery.json"
    ),
    r"^open311/v2/services\.(?P<fmt>json|xml)$": Row(
        EVERYONE, lambda w: "/open311/v2/services.json"
    ),
    r"^open311/v2/services/(?P<code>[\w-]+)\.(?P<fmt>json|xml)$": Row(
        EVERYONE, lambda w: f"/open311/v2/services/{w.report.category.code}.json"
    ),
    r"^open311/v2/requests\.(?P<fmt>json|xml)$": Row(
        EVERYONE, lambda w: "/open311/v2/requests.json"
    ),
    r"^open311/v2/requests/(?P<request_id>[\w-]+)\.(?P<fmt>json|xml)$": Row(
        EVERYONE, lambda w: f"/open311/v2/requests/{w.report.code}.json"
    ),
}

#: Every operation of the OpenAPI document, by method and path template; ``args`` gives the
#: address to call (with its query). Operations that change something are sent ``{}``: a 422
#: means the caller got in. For workflow actions, a refusal by the workflow (403 with code
#: ``not_allowed``: not this role, not in this state) also means the caller reached the record;
#: which action a role may take is tested in dossiers/ and feedback/tests/test_workflow.py.
_DOSSIER_ACTIONS = (
    "receive",
    "request-documents",
    "refuse",
    "send-to-department",
    "assign",
    "request-supplement",
    "request-payment",
    "payment-received",
    "submit-for-approval",
    "send-back",
    "approve",
    "transfer",
    "apologize",
    "return-result",
    "withdraw",
    "stop",
)

API: dict[str, Row] = {
    "GET /api/v1/units/": Row(EVERYONE, lambda w: "/api/v1/units/"),
    "GET /api/v1/units/{unit_id}": Row(EVERYONE, lambda w: f"/api/v1/units/{w.ward.slug}"),
    "GET /api/v1/procedures/": Row(EVERYONE, lambda w: "/api/v1/procedures/"),
    "GET /api/v1/procedures/fields": Row(EVERYONE, lambda w: "/api/v1/procedures/fields"),
    "GET /api/v1/procedures/{code}": Row(
        EVERYONE, lambda w: f"/api/v1/procedures/{w.procedure.code}"
    ),
    "POST /api/v1/dossiers/": Row(EVERYONE, lambda w: "/api/v1/dossiers/"),
    "GET /api/v1/dossiers/status": Row(
        EVERYONE,
        lambda w: f"/api/v1/dossiers/status?code={w.dossier.code}&secret={w.dossier.secret}",
    ),
    "GET /api/v1/dossiers/": Row(DOSSIER_STAFF, lambda w: "/api/v1/dossiers/"),
    "GET /api/v1/dossiers/{code}": Row(
        DOSSIER_WARD, lambda w: f"/api/v1/dossiers/{w.dossier.code}"
    ),
    **{
        f"POST /api/v1/dossiers/{{code}}/{action}": Row(
            DOSSIER_WARD, lambda w, a=action: f"/api/v1/dossiers/{w.dossier.code}/{a}"
        )
        for action in _DOSSIER_ACTIONS
    },
    "GET /api/v1/feedback/categories": Row(EVERYONE, lambda w: "/api/v1/feedback/categories"),
    "GET /api/v1/feedback/reports": Row(EVERYONE, lambda w: "/api/v1/feedback/reports"),
    "POST /api/v1/feedback/reports": Row(EVERYONE, lambda w: "/api/v1/feedback/reports"),
    "GET /api/v1/feedback/reports/{code}": Row(
        EVERYONE, lambda w: f"/api/v1/feedback/reports/{w.report.code}"
    ),
    "POST /api/v1/feedback/reports/{code}/lookup": Row(
        EVERYONE, lambda w: f"/api/v1/feedback/reports/{w.report.code}/lookup"
    ),
    "GET /api/v1/feedback/staff/reports": Row(
        FEEDBACK_STAFF, lambda w: "/api/v1/feedback/staff/reports"
    ),
    "GET /api/v1/feedback/staff/reports/{code}": Row(
        FEEDBACK_WARD, lambda w: f"/api/v1/feedback/staff/reports/{w.report.code}"
    ),
    "POST /api/v1/feedback/staff/reports/{code}/actions/{action}": Row(
        FEEDBACK_WARD,
        lambda w: f"/api/v1/feedback/staff/reports/{w.report.code}/actions/accept",
    ),
    "GET /api/v1/complaints/cases": Row(COMPLAINT_STAFF, lambda w: "/api/v1/complaints/cases"),
    "GET /api/v1/complaints/cases/{code}": Row(
        only("officer", "leader", "front"), lambda w: f"/api/v1/complaints/cases/{w.case.code}"
    ),
    "GET /api/v1/surveys/satisfaction": Row(EVERYONE, lambda w: "/api/v1/surveys/satisfaction"),
    "GET /api/v1/surveys/campaigns": Row(EVERYONE, lambda w: "/api/v1/surveys/campaigns"),
    "GET /api/v1/surveys/campaigns/{campaign_id}": Row(
        EVERYONE, lambda w: f"/api/v1/surveys/campaigns/{w.campaign.public_id}"
    ),
    "GET /api/v1/indices/par/years": Row(EVERYONE, lambda w: "/api/v1/indices/par/years"),
    "GET /api/v1/indices/par/{year}": Row(EVERYONE, lambda w: "/api/v1/indices/par/2026"),
    "GET /api/v1/indices/par/{year}/{unit}": Row(
        NOBODY, lambda w: f"/api/v1/indices/par/2026/{w.ward.slug}", why="nothing published"
    ),
    "GET /api/v1/indices/service-index": Row(EVERYONE, lambda w: "/api/v1/indices/service-index"),
    "GET /api/v1/indices/one-stop": Row(EVERYONE, lambda w: "/api/v1/indices/one-stop"),
    "GET /api/v1/indices/service-index/{code}/dossiers": Row(
        OVERSIGHT - {"other_unit"},
        lambda w: f"/api/v1/indices/service-index/2.1/dossiers?unit={w.ward.slug}",
    ),
    "GET /api/v1/dashboards/public": Row(EVERYONE, lambda w: "/api/v1/dashboards/public"),
    "GET /api/v1/dashboards/staff": Row(
        OVERSIGHT - {"other_unit"}, lambda w: f"/api/v1/dashboards/staff?unit={w.ward.slug}"
    ),
}
