"""Generators of the public content and citizen input that ride along with the dossiers:
news articles, feedback reports, dossier histories, ratings, and the search index over them.

Called by generate.py (the one entry point). Everything is drawn from one ``random.Random`` or
from hashes of a seed, so the same seed and scale give the same rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import time
import uuid
from collections.abc import Callable, Iterator

TZ = dt.timezone(dt.timedelta(hours=7))
BATCH = 2_000

ACTIONS = [
    "triển khai",
    "tổng kết",
    "hướng dẫn người dân về",
    "đẩy mạnh",
    "kiểm tra",
    "tuyên truyền",
    "tổ chức hội nghị về",
    "ra quân",
    "lấy ý kiến về",
    "công bố kết quả",
]
TOPICS = [
    "cải cách hành chính",
    "chuyển đổi số",
    "cấp căn cước công dân",
    "đăng ký khai sinh trực tuyến",
    "phòng chống sốt xuất huyết",
    "trật tự đô thị",
    "an toàn giao thông",
    "bảo hiểm y tế học sinh",
    "thu thuế sử dụng đất phi nông nghiệp",
    "giải phóng mặt bằng",
    "vệ sinh môi trường",
    "học bổng cho học sinh nghèo",
    "lễ hội đường phố",
    "chống ngập nước",
    "phòng cháy chữa cháy",
    "dịch vụ công trực tuyến toàn trình",
    "chỉ số hài lòng của người dân",
    "nhà ở xã hội",
    "tiêm chủng mở rộng",
    "đền ơn đáp nghĩa",
]
SENTENCES = [
    "Ủy ban nhân dân phường đã giao các bộ phận chuyên môn phối hợp thực hiện.",
    "Người dân có thể nộp hồ sơ tại Bộ phận Một cửa hoặc trên Cổng dịch vụ công.",
    "Kết quả được công khai trên Cổng thông tin điện tử của phường.",
    "Cán bộ, công chức tiếp tục nâng cao tinh thần trách nhiệm, thái độ phục vụ.",
    "Đoàn kiểm tra ghi nhận nhiều chuyển biến tích cực trong thời gian qua.",
    "Mọi ý kiến phản ánh xin gửi về đường dây nóng của Ủy ban nhân dân.",
    "Thời gian giải quyết được rút ngắn so với quy định.",
    "Khu phố đã vận động các hộ gia đình cùng tham gia hưởng ứng.",
]
PROBLEMS = [
    "Đèn đường bị hỏng, buổi tối rất tối và nguy hiểm",
    "Rác thải tồn đọng nhiều ngày chưa được thu gom",
    "Mặt đường có ổ gà lớn, xe máy dễ té ngã",
    "Nước ngập sâu sau mỗi cơn mưa",
    "Quán ăn lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường",
    "Karaoke gây tiếng ồn sau 22 giờ",
    "Cây xanh nghiêng, có nguy cơ gãy đổ",
    "Nắp cống bị vỡ, nguy hiểm cho người đi đường",
    "Công trình xây dựng không che chắn, bụi bặm",
    "Đổ xà bần trái phép trên đất trống",
]
STREETS = [
    "Phan Đăng Lưu",
    "Bùi Đình Túy",
    "Nơ Trang Long",
    "Lê Quang Định",
    "Phan Văn Trị",
    "Nguyễn Văn Đậu",
    "Lê Văn Duyệt",
    "Điện Biên Phủ",
]
ANSWERS = [
    "Phường đã chỉ đạo đơn vị quản lý khắc phục xong, xin cảm ơn ông/bà đã phản ánh.",
    "Tổ công tác đã kiểm tra, xử lý vi phạm và sẽ tiếp tục theo dõi.",
    "Nội dung đã được chuyển đơn vị chuyên ngành giải quyết theo thẩm quyền.",
]
#: Feedback statuses and their share of the reports (most are old and closed).
FEEDBACK_STATUSES = [
    ("closed", 55),
    ("answered", 15),
    ("rejected", 6),
    ("received", 4),
    ("accepted", 3),
    ("assigned", 5),
    ("in_progress", 8),
    ("awaiting_info", 2),
    ("awaiting_approval", 2),
]
FEEDBACK_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RATING_LEVELS = ["very_satisfied", "satisfied", "not_satisfied"]


def _moment(rng: random.Random, now: dt.datetime, days: int) -> dt.datetime:
    """A time in the last ``days`` days, denser towards now."""
    return now - dt.timedelta(days=rng.triangular(0, days, 0), minutes=rng.randrange(0, 600))


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _bulk(model, objects: Iterator, total: int, label: str, log: Callable[[str], None]) -> None:
    started = time.perf_counter()
    batch, done = [], 0
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            done += len(batch)
            batch = []
            if done % (BATCH * 10) == 0:
                log(f"  {done:>9,} / {total:,} {label} ({time.perf_counter() - started:.0f} s)")
    if batch:
        model.objects.bulk_create(batch)
    log(f"  {total:,} {label} in {time.perf_counter() - started:.0f} s")


def articles(count: int, rng: random.Random, log: Callable[[str], None]) -> None:
    """Published news of the last three years from the wards and the city, a few drafts."""
    from django.utils.text import slugify

    from motcua.core.text import fold
    from motcua.news.models import Article, ArticleStatus, Category
    from motcua.organisations.models import Unit, UnitKind

    existing = Article.objects.filter(slug__startswith="bench-").count()
    if existing >= count:
        log(f"{existing:,} benchmark articles present.")
        return
    categories = list(Category.objects.filter(is_active=True))
    units = list(Unit.objects.filter(kind__in=[UnitKind.WARD, UnitKind.PROVINCE]))
    now = dt.datetime.now(TZ)

    def make() -> Iterator[Article]:
        for n in range(existing, count):
            unit = rng.choice(units)
            topic = rng.choice(TOPICS)
            published = _moment(rng, now, 3 * 365)
            title = f"{unit.name} {rng.choice(ACTIONS)} {topic} năm {published.year}"
            paragraphs = [
                f"{unit.name} {rng.choice(ACTIONS)} {topic}. " + " ".join(rng.sample(SENTENCES, 3))
                for _ in range(5)
            ]
            yield Article(
                public_id=_uuid(rng),
                unit=unit,
                category=rng.choice(categories),
                title=title,
                slug=f"bench-{n}-{slugify(fold(title))}"[:160],
                summary=paragraphs[0],
                body="".join(f"<p>{p}</p>" for p in paragraphs),
                author="Ban biên tập",
                status=ArticleStatus.PUBLISHED if rng.random() < 0.97 else ArticleStatus.DRAFT,
                published_at=published,
                created_at=published,
            )

    log(f"Loading {count - existing:,} articles...")
    _bulk(Article, make(), count - existing, "articles", log)


def feedback(count: int, rng: random.Random, log: Callable[[str], None]) -> None:
    """Reports over three years in every state, answered ones with a public answer."""
    from motcua.core.text import fold
    from motcua.feedback.models import Category, Report
    from motcua.feedback.privacy import strip_house_number
    from motcua.organisations.models import Unit, UnitKind

    existing = Report.objects.filter(code__startswith="PB").count()
    if existing >= count:
        log(f"{existing:,} benchmark feedback reports present.")
        return
    categories = list(
        Category.objects.filter(is_active=True, is_conduct=False, parent__isnull=False)
    ) or list(Category.objects.filter(is_active=True, is_conduct=False))
    wards = list(Unit.objects.filter(kind=UnitKind.WARD, parent__gso_code="79"))
    weights = [8 if w.sort_order else 1 for w in wards]
    statuses, status_weights = zip(*FEEDBACK_STATUSES, strict=True)
    now = dt.datetime.now(TZ)

    def make() -> Iterator[Report]:
        for n in range(existing, count):
            ward = rng.choices(wards, weights)[0]
            received = _moment(rng, now, 3 * 365)
            status = rng.choices(statuses, status_weights)[0]
            answered = status in ("answered", "closed")
            answered_at = received + dt.timedelta(days=rng.randrange(1, 15)) if answered else None
            address = f"{rng.randrange(1, 400)} {rng.choice(STREETS)}, {ward.name}"
            description = f"{rng.choice(PROBLEMS)} tại {address}."
            # "PB" + a serial keeps the codes unique and tells benchmark rows from demo rows.
            code = f"PB{received:%y}-{_serial_code(n)}"
            yield Report(
                public_id=_uuid(rng),
                code=code,
                secret_hash=hashlib.sha256(f"{code}:BENCH234".encode()).hexdigest(),
                unit=ward,
                category=rng.choice(categories),
                description=description,
                public_description=description,
                address=address,
                public_address=strip_house_number(address),
                latitude=10.80 + rng.random() / 50,
                longitude=106.69 + rng.random() / 50,
                channel=rng.choice(["web", "web", "web", "hotline", "desk", "api"]),
                reporter_name=f"Người phản ánh {n}",
                is_public=rng.random() < 0.9,
                handling_unit=ward,
                status=status,
                status_changed_at=answered_at or received,
                received_at=received,
                accepted_at=received + dt.timedelta(hours=4) if status != "received" else None,
                answered_at=answered_at,
                closed_at=answered_at + dt.timedelta(days=7) if status == "closed" else None,
                answer=rng.choice(ANSWERS) if answered else "",
                reject_reason="out_of_scope" if status == "rejected" else "",
                search_text=fold(f"{description} {address}"),
                created_at=received,
            )

    log(f"Loading {count - existing:,} feedback reports...")
    _bulk(Report, make(), count - existing, "feedback reports", log)


def _serial_code(n: int) -> str:
    """``n`` written in the feedback code alphabet, six characters (unique below 32**6)."""
    digits = []
    for _ in range(6):
        n, digit = divmod(n, len(FEEDBACK_CODE_ALPHABET))
        digits.append(FEEDBACK_CODE_ALPHABET[digit])
    return "".join(reversed(digits))


def dossier_histories(log: Callable[[str], None]) -> None:
    """The events of every benchmark dossier that has none, derived from its own dates and
    status in one INSERT ... SELECT: submission, reception, hand-over, the closing step."""
    from django.db import connection

    started = time.perf_counter()
    steps = [
        # (action, at, from_status, to_status, stage, condition)
        ("submit", "d.submitted_at", "NULL", "1", "desk", "TRUE"),
        ("receive", "d.received_at", "1", "2", "desk", "d.received_at IS NOT NULL"),
        (
            "refuse",
            "d.submitted_at + interval '3 hours'",
            "1",
            "3",
            "desk",
            "d.status = 3",
        ),
        (
            "send_to_department",
            "d.received_at + interval '2 hours'",
            "2",
            "4",
            "department",
            "d.status IN (4, 5, 6, 8, 9, 10)",
        ),
        (
            "request_supplement",
            "d.received_at + interval '1 day'",
            "4",
            "5",
            "applicant",
            "d.status = 5",
        ),
        (
            "request_payment",
            "d.received_at + interval '1 day'",
            "4",
            "6",
            "desk",
            "d.status = 6",
        ),
        ("withdraw", "d.received_at + interval '1 day'", "2", "7", "desk", "d.status = 7"),
        ("stop", "d.received_at + interval '2 days'", "4", "8", "desk", "d.status = 8"),
        ("approve", "d.finished_at", "4", "9", "desk", "d.finished_at IS NOT NULL"),
        ("return_result", "d.returned_at", "9", "10", "desk", "d.returned_at IS NOT NULL"),
    ]
    selects = [
        f"SELECT d.id, {at}, '{action}', 'Bộ phận Một cửa', {source}, {target}, '{stage}', "
        f"'', '', '' FROM dossiers_dossier d WHERE d.code LIKE '%%-B%%' AND {condition} "
        "AND NOT EXISTS (SELECT 1 FROM dossiers_dossierevent e WHERE e.dossier_id = d.id)"
        for action, at, source, target, stage, condition in steps
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dossiers_dossierevent (dossier_id, at, action, actor_label, "
            "from_status, to_status, stage, holder_label, public_note, internal_note) "
            + " UNION ALL ".join(selects)
        )
        log(f"  {cursor.rowcount:,} dossier events in {time.perf_counter() - started:.0f} s")


def ratings(count: int, seed: int, log: Callable[[str], None]) -> None:
    """Ratings of ``count`` returned dossiers chosen by a seeded hash, levels mostly satisfied."""
    from django.db import connection

    from motcua.surveys.models import Rating

    existing = Rating.objects.filter(dossier__code__contains="-B").count()
    if existing >= count:
        log(f"{existing:,} benchmark ratings present.")
        return
    started = time.perf_counter()
    levels = "ARRAY['very_satisfied', 'satisfied', 'satisfied', 'not_satisfied']"
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO surveys_rating (public_id, created_at, updated_at, dossier_id, unit_id, "
            "level, reasons, comment, channel, rated_at) "
            "SELECT md5(d.code || %s)::uuid, r.at, r.at, d.id, d.unit_id, "
            f"({levels})[1 + abs(hashtext(d.code || %s)) %% 4], '[]'::jsonb, '', "
            "CASE WHEN d.id %% 3 = 0 THEN 'kiosk' ELSE 'link' END, r.at "
            "FROM dossiers_dossier d "
            "CROSS JOIN LATERAL (SELECT d.returned_at + interval '30 minutes' AS at) r "
            "WHERE d.status = 10 AND d.code LIKE '%%-B%%' "
            "AND NOT EXISTS (SELECT 1 FROM surveys_rating x WHERE x.dossier_id = d.id) "
            "ORDER BY md5(d.code || %s) LIMIT %s",
            [str(seed), str(seed), str(seed), count - existing],
        )
        log(f"  {cursor.rowcount:,} ratings in {time.perf_counter() - started:.0f} s")


def search_index(kinds: list[str], log: Callable[[str], None]) -> None:
    """Index ``kinds`` anew through their providers, in batches: entries by bulk insert, then
    the database's full-text columns through the search backend."""
    from django.db import transaction

    from motcua.search.backends import backend
    from motcua.search.index import _batches
    from motcua.search.models import SearchEntry
    from motcua.search.registry import PROVIDERS

    for kind in kinds:
        started = time.perf_counter()
        provider = PROVIDERS[kind]
        with transaction.atomic():
            old = list(SearchEntry.objects.filter(kind=kind).values_list("pk", flat=True))
            backend().remove(old)
            SearchEntry.objects.filter(kind=kind).delete()
        indexed = 0
        for batch in _batches(provider.queryset(), BATCH):
            documents = [(provider.key(obj), provider.document(obj)) for obj in batch]
            entries = [
                SearchEntry(
                    kind=kind,
                    key=key,
                    url=doc.url[:500],
                    label=doc.label[:200],
                    title=doc.title[:500],
                    body=doc.body,
                    published_at=doc.published_at,
                )
                for key, doc in documents
                if doc is not None
            ]
            with transaction.atomic():
                SearchEntry.objects.bulk_create(entries)
                for entry in entries:
                    backend().write(entry.pk, title=entry.title, body=entry.body)
            indexed += len(entries)
        log(f"  search index: {indexed:,} {kind} in {time.perf_counter() - started:.0f} s")
