"""The department's cases and the sellers' answers in the Wagtail admin: the clock,
filters, each step's email in the outbox, the suspension proposal on a second
upheld violation, the yearly counts, and seller A never seeing seller B's cases."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from marketplace.complaints import services
from marketplace.complaints.models import Complaint, Decision, Status
from tests.checkout.utils import outbox_in_database
from tests.complaints.conftest import MARKER_B, jpeg, place

ADMIN = "/quan-tri/khieu-nai/"


def _file(order, seller, text="Hàng hư hỏng khi nhận.", photos=()) -> Complaint:
    return services.file_complaint(
        services.Filing(
            order=order, seller=seller, reason="damaged", text=text, photos=photos
        )
    )


def _queued(kind: str) -> list[int]:
    return [
        task.args_kwargs["args"][1][0]
        for task in DBTaskResult.objects.all()
        if task.args_kwargs["args"][:1] == [kind]
    ]


@pytest.fixture
def case_b(sellers):
    """Seller B's case; its every text carries MARKER_B."""
    order_b = place((sellers["b"], sellers["product_b"]), customer=f"Khách {MARKER_B}")
    case = _file(order_b, sellers["b"], text=f"Khiếu nại {MARKER_B}", photos=[jpeg()])
    return services.ask_seller(case, f"Câu hỏi {MARKER_B}")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_step_queues_the_shoppers_email_and_the_seller_answers(
    settings, sellers, order_a, department
):
    outbox_in_database(settings)
    case = _file(order_a, sellers["a"])
    assert _queued("complaint_filed") == [case.pk]

    officer = _client(department)
    asked = officer.post(
        f"{ADMIN}{case.pk}/hoi-nguoi-ban/", {"question": "Cơ sở giải trình?"}
    )
    assert asked.status_code == 302
    assert _queued("complaint_seller_asked") == [case.pk]
    assert _queued("complaint_question_to_seller") == [case.pk]

    seller = _client(sellers["editor_a"])
    page = seller.get(f"{ADMIN}{case.pk}/").content.decode()
    assert "Cơ sở giải trình?" in page and "Trả lời Sở Công Thương" in page
    seller.post(f"{ADMIN}{case.pk}/tra-loi/", {"reply": "Đã gửi hàng mới."})
    case.refresh_from_db()
    assert case.status == Status.REPLIED and case.seller_reply == "Đã gửi hàng mới."

    officer.post(
        f"{ADMIN}{case.pk}/ket-luan/",
        {"decision": Decision.RESOLVED, "text": "Người bán đã đổi hàng."},
    )
    case.refresh_from_db()
    assert case.status == Status.DECIDED and case.decided_by == department
    assert _queued("complaint_decided") == [case.pk]
    assert not case.suspension_proposed


def test_the_emails_say_the_reference_and_the_decision(
    sellers, order_a, department, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = _file(order_a, sellers["a"])
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_seller(case, "Giải trình?")
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(case, Decision.REFUND, "Hoàn 125.000 ₫.", department)
    to_shopper = [m for m in mailoutbox if m.to == ["an@example.vn"]]
    assert [case.reference in m.subject for m in to_shopper] == [True] * 3
    assert "Đồng ý hoàn tiền" in to_shopper[-1].subject
    assert "Hoàn 125.000 ₫." in to_shopper[-1].body
    assert case.due_on.strftime("%d/%m/%Y") in to_shopper[0].body
    to_seller = [m for m in mailoutbox if m not in to_shopper]
    assert len(to_seller) == 1 and "Giải trình?" in to_seller[0].body


def test_refused_steps_say_why_and_change_nothing(sellers, order_a, department):
    case = _file(order_a, sellers["a"])
    officer = _client(department)
    empty = officer.post(f"{ADMIN}{case.pk}/ket-luan/", {"decision": "warning"})
    assert empty.status_code == 400
    # The seller was not asked: its reply is refused with a message, not a 500.
    early = _client(sellers["editor_a"]).post(
        f"{ADMIN}{case.pk}/tra-loi/", {"reply": "Trả lời sớm"}
    )
    assert early.status_code == 400
    assert "không chờ người bán trả lời" in early.content.decode()
    services.decide(case, Decision.REJECTED, "Không đủ căn cứ.", department)
    again = officer.post(
        f"{ADMIN}{case.pk}/ket-luan/", {"decision": "warning", "text": "Lần hai"}
    )
    assert "đã có kết luận" in again.content.decode()
    case.refresh_from_db()
    assert case.decision == Decision.REJECTED
    # Sellers cannot ask or decide (Wagtail sends a refused user to the admin home).
    seller = _client(sellers["editor_a"])
    for step in ("ket-luan", "hoi-nguoi-ban"):
        refused = seller.post(
            f"{ADMIN}{case.pk}/{step}/", {"decision": "warning", "text": "x"}
        )
        assert (refused.status_code, refused["Location"]) == (302, "/quan-tri/")
    case.refresh_from_db()
    assert (case.decision, case.question) == (Decision.REJECTED, "")


def test_a_second_upheld_violation_within_12_months_proposes_suspension(
    sellers, department
):
    seller = sellers["a"]
    first = _file(place((seller, sellers["product_a"])), seller)
    services.decide(first, Decision.WARNING, "Cảnh cáo lần 1.", department)
    rejected = _file(place((seller, sellers["product_a"])), seller)
    rejected = services.decide(rejected, Decision.REJECTED, "Không có lỗi.", department)
    assert not rejected.suspension_proposed  # a rejection is no violation

    second = _file(place((seller, sellers["product_a"])), seller)
    second = services.decide(second, Decision.REFUND, "Hoàn tiền.", department)
    assert second.suspension_proposed

    page = _client(department).get(f"{ADMIN}{second.pk}/").content.decode()
    assert "Đề xuất tạm ngưng người bán" in page
    assert reverse("wagtailadmin_pages:edit", args=[seller.pk]) in page
    assert first.reference in page
    listing = _client(department).get(ADMIN).content.decode()
    assert "đề xuất tạm ngưng người bán" in listing
    # The seller does not see the department's notice.
    own = _client(sellers["editor_a"]).get(f"{ADMIN}{second.pk}/").content.decode()
    assert "tạm ngưng" not in own


def test_an_upheld_violation_older_than_12_months_does_not_count(sellers, department):
    seller = sellers["a"]
    old = _file(place((seller, sellers["product_a"])), seller)
    services.decide(old, Decision.WARNING, "Cảnh cáo.", department)
    Complaint.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=366)
    )
    new = _file(place((seller, sellers["product_a"])), seller)
    assert not services.decide(
        new, Decision.WARNING, "Cảnh cáo.", department
    ).suspension_proposed
    # Another seller's violation never counts towards this one's.
    other = _file(place((sellers["b"], sellers["product_b"])), sellers["b"])
    assert not services.decide(
        other, Decision.REFUND, "Hoàn.", department
    ).suspension_proposed


def test_the_department_filters_searches_and_sees_late_cases_in_red(
    sellers, order_a, department, case_b
):
    on_time = _file(order_a, sellers["a"])
    late = _file(place((sellers["a"], sellers["product_a"])), sellers["a"])
    Complaint.objects.filter(pk=late.pk).update(due_on=datetime.date(2026, 1, 5))
    officer = _client(department)

    page = officer.get(ADMIN).content.decode()
    assert on_time.reference in page and case_b.reference in page
    assert on_time.due_on.strftime("%d/%m/%Y") in page
    assert 'class="complaint-late"' in page and "05/01/2026" in page
    assert "ngày làm việc kế tiếp" in page

    late_only = officer.get(ADMIN + "?tre_han=1").content.decode()
    assert late.reference in late_only and on_time.reference not in late_only
    asked = officer.get(ADMIN + "?trang_thai=asked").content.decode()
    assert case_b.reference in asked and on_time.reference not in asked
    found = officer.get(ADMIN + f"?q={on_time.reference[-5:].lower()}").content
    assert on_time.reference in found.decode() and late.reference not in found.decode()


def test_the_yearly_counts_match_the_cases(sellers, department):
    seller, product = sellers["a"], sellers["product_a"]
    year = timezone.localdate().year
    in_time = _file(place((seller, product)), seller)
    services.decide(in_time, Decision.RESOLVED, "Xong.", department)
    answered_late = _file(place((seller, product)), seller)
    services.decide(answered_late, Decision.WARNING, "Cảnh cáo.", department)
    Complaint.objects.filter(pk=answered_late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    open_late = _file(place((seller, product)), seller)
    Complaint.objects.filter(pk=open_late.pk).update(due_on=datetime.date(year, 1, 1))
    _file(place((seller, product)), seller)  # open, not yet due
    last_year = _file(place((seller, product)), seller)
    Complaint.objects.filter(pk=last_year.pk).update(
        filed_at=timezone.now().replace(year=year - 1)
    )

    counts = services.yearly_counts(year)
    assert counts["filed"] == 4
    assert counts["answered_in_time"] == 1
    assert counts["late"] == 2
    assert counts["open"] == 2
    assert counts["by_decision"] == {
        "resolved": 1,
        "refund": 0,
        "warning": 1,
        "rejected": 0,
    }
    assert services.yearly_counts(year - 1)["filed"] == 1
    page = _client(department).get(ADMIN).content.decode()
    assert f"Thống kê năm {year}" in page
    # The programme dashboard shows the same counts, this year's and last year's.
    dashboard = _client(department).get(reverse("programme:dashboard"))
    html = dashboard.content.decode()
    assert "Khiếu nại theo năm" in html
    for label, number in (
        (f"{year}: khiếu nại đã nhận", 4),
        (f"{year}: trả lời đúng hạn", 1),
        (f"{year}: trễ hạn", 2),
        (f"{year}: Cảnh cáo người bán", 1),
        (f"{year - 1}: khiếu nại đã nhận", 1),
    ):
        assert f'<th scope="row">{label}</th><td>{number}</td>' in html


def test_seller_a_sees_only_its_own_cases(sellers, order_a, case_b):
    own = _file(order_a, sellers["a"], photos=[jpeg()])
    seller_a = _client(sellers["editor_a"])
    listing = seller_a.get(ADMIN).content.decode()
    assert own.reference in listing
    assert case_b.reference not in listing and MARKER_B not in listing
    assert "Thống kê năm" not in listing  # the counts are the department's
    assert seller_a.get(f"{ADMIN}{case_b.pk}/").status_code == 404
    photo_b = case_b.photos.get()
    assert seller_a.get(f"{ADMIN}anh/{photo_b.pk}/").status_code == 404
    reply = seller_a.post(f"{ADMIN}{case_b.pk}/tra-loi/", {"reply": "chen ngang"})
    assert reply.status_code == 404
    case_b.refresh_from_db()
    assert case_b.seller_reply == ""
    # Its own photo it may open, as the department may.
    assert seller_a.get(f"{ADMIN}anh/{own.photos.get().pk}/").status_code == 200


def test_every_complaints_admin_url_hides_b_from_a(sellers, order_a, case_b):
    """Each URL of the complaints admin, with B's ids, as seller A's editor."""
    from tests.sellers.test_isolation import _admin_patterns, _argument_names

    seller_a = _client(sellers["editor_a"])
    ids = {"pk": [case_b.pk, case_b.photos.get().pk]}
    urls = []
    for _route, name, pattern in _admin_patterns():
        if not name.startswith("complaints_admin:"):
            continue
        arguments = _argument_names(pattern)
        for value in ids["pk"] if arguments else [None]:
            kwargs = {"pk": value} if arguments else {}
            urls.append(reverse(name, kwargs=kwargs))
    assert len(urls) >= 9
    for url in [*urls, ADMIN + "?q=KN", ADMIN + "?tre_han=1&trang_thai=asked"]:
        for response in (seller_a.get(url), seller_a.post(url, {"reply": "x"})):
            assert response.status_code < 500, url
            body = b"".join(response) if response.streaming else response.content
            assert MARKER_B.encode() not in body, url


def test_photos_are_served_only_to_the_department_and_the_cases_seller(
    sellers, case_b, department
):
    url = f"{ADMIN}anh/{case_b.photos.get().pk}/"
    assert Client().get(url).status_code == 302  # to the admin login
    served = _client(department).get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "sandbox" in served["Content-Security-Policy"]
    assert _client(sellers["editor_b"]).get(url).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?p=-1&nam=99999",
        "?q=%00%27%22&trang_thai=%3Cscript%3E&tre_han=%00",
        "?nam=abc&p=abc&q=" + "x" * 500,
    ],
)
def test_hostile_admin_queries_and_posts_never_give_a_500(
    sellers, order_a, department, query
):
    case = _file(order_a, sellers["a"])
    officer = _client(department)
    assert officer.get(ADMIN + query).status_code == 200
    hostile = {"decision": "x" * 1000, "text": "\x00", "question": "\x00 "}
    for step in ("ket-luan", "hoi-nguoi-ban"):
        assert officer.post(f"{ADMIN}{case.pk}/{step}/", hostile).status_code == 400
    assert officer.get(f"{ADMIN}999999/").status_code == 404
    case.refresh_from_db()
    assert (case.status, case.decision, case.question) == (Status.NEW, "", "")


def _menu_has(body: str, label: str) -> bool:
    # The sidebar menu is embedded as JSON, with non-ASCII letters escaped.
    return json.dumps(label)[1:-1] in body or label in body


def test_the_menus_lead_the_department_and_sellers_to_the_cases(sellers, department):
    officer_home = _client(department).get("/quan-tri/").content.decode()
    assert ADMIN in officer_home and _menu_has(officer_home, "Khiếu nại")
    seller_home = _client(sellers["editor_a"]).get("/quan-tri/").content.decode()
    assert ADMIN in seller_home and _menu_has(seller_home, "Khiếu nại")
