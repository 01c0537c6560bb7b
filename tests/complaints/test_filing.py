"""Filing a complaint from the public form (/khieu-nai/): the order is found by its
reference and phone as the order lookup does; bad input stores nothing."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult

from marketplace.complaints.models import Complaint, ComplaintPhoto
from tests.checkout.utils import outbox_in_database
from tests.complaints.conftest import TYPED_PHONE, jpeg, place

URL = "/khieu-nai/"


def _data(order, **overrides) -> dict:
    data = {
        "reference": order.reference,
        "phone": TYPED_PHONE,
        "reason": "damaged",
        "text": "Hộp kẹo bị móp, kẹo chảy nước.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _stored_files() -> set[Path]:
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    return {path for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def nothing_stored(order_a):
    """After the test's posts: no case, no photo row, no new private file."""
    before = _stored_files()
    yield
    assert Complaint.objects.count() == 0
    assert ComplaintPhoto.objects.count() == 0
    assert _stored_files() == before


def _queued(kind: str) -> int:
    return sum(
        1
        for task in DBTaskResult.objects.all()
        if task.args_kwargs["args"][:1] == [kind]
    )


def test_a_good_complaint_is_one_case_with_private_photos_and_a_queued_email(
    client, order_a, sellers, settings
):
    outbox_in_database(settings)
    typed = f"  {order_a.reference.lower()} "  # case and spaces ignored
    response = client.post(
        URL, _data(order_a, reference=typed, photos=[jpeg("a.jpg"), jpeg("b.jpg")])
    )
    case = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{URL}{case.reference}/"
    assert case.order == order_a and case.seller == sellers["a"]
    assert case.email == "an@example.vn"
    assert case.photos.count() == 2
    for number, photo in enumerate(case.photos.all(), start=1):
        stored = Path(photo.file.path)
        assert stored.name.startswith(f"{case.reference}-{number}")
        assert stored.is_file()
        assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert _queued("complaint_filed") == 1
    assert mail.outbox == []  # never sent inside the request

    page = client.get(response["Location"]).content.decode()
    assert case.reference in page
    assert case.due_on.strftime("%d/%m/%Y") in page
    assert "Mới nhận" in page


def test_the_form_is_in_vietnamese_and_csrf_protected(order_a):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(URL).content.decode()
    assert "Gửi khiếu nại" in page and "csrfmiddlewaretoken" in page
    assert "7 ngày làm việc" in page and "ngày làm việc kế tiếp" in page
    assert browser.post(URL, _data(order_a)).status_code == 403
    assert Complaint.objects.count() == 0


def test_a_wrong_phone_stores_nothing(client, order_a, nothing_stored):
    response = client.post(URL, _data(order_a, phone="0987 654 321", photos=jpeg()))
    assert response.status_code == 400
    assert "Không tìm thấy đơn" in response.content.decode()


def test_an_unknown_reference_stores_nothing(client, nothing_stored):
    response = client.post(URL, _data(Complaint(), reference="DH-KHONG-CO"))
    assert response.status_code == 400
    assert "Không tìm thấy đơn" in response.content.decode()


def test_a_text_file_named_jpg_stores_nothing(client, order_a, nothing_stored):
    fake = SimpleUploadedFile("anh.jpg", b"khong phai anh " * 50, "image/jpeg")
    response = client.post(URL, _data(order_a, photos=[jpeg(), fake]))
    assert response.status_code == 400
    assert "không phải ảnh JPG/PNG" in response.content.decode()


def test_a_pdf_or_a_fourth_photo_is_refused(client, order_a, nothing_stored):
    pdf = SimpleUploadedFile("don.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = client.post(URL, _data(order_a, photos=pdf))
    assert "Chỉ nhận ảnh JPG hoặc PNG" in response.content.decode()
    four = [jpeg(f"{n}.jpg") for n in range(4)]
    response = client.post(URL, _data(order_a, photos=four))
    assert "Tối đa 3 ảnh" in response.content.decode()


def test_a_short_text_or_a_made_up_reason_is_refused(client, order_a, nothing_stored):
    assert client.post(URL, _data(order_a, text="tệ")).status_code == 400
    assert client.post(URL, _data(order_a, reason="hack")).status_code == 400


def test_an_order_of_two_sellers_needs_the_product(client, sellers):
    order = place(
        (sellers["a"], sellers["product_a"]), (sellers["b"], sellers["product_b"])
    )
    response = client.post(URL, _data(order))
    assert response.status_code == 400
    assert "vui lòng chọn sản phẩm" in response.content.decode()
    assert Complaint.objects.count() == 0
    line_b = order.seller_orders.get(seller=sellers["b"]).lines.get()
    client.post(URL, _data(order, line=line_b.pk))
    case = Complaint.objects.get()
    assert case.seller == sellers["b"]
    assert case.product_title == sellers["product_b"].title


def test_a_line_of_another_order_is_refused(client, order_a, sellers):
    other = place((sellers["b"], sellers["product_b"]))
    foreign_line = other.seller_orders.get().lines.get()
    response = client.post(URL, _data(order_a, line=foreign_line.pk))
    assert response.status_code == 400
    assert Complaint.objects.count() == 0


def test_the_order_page_links_to_a_prefilled_form(client, order_a):
    found = client.post(
        "/don-hang/", {"reference": order_a.reference, "phone": TYPED_PHONE}
    )
    order_page = client.get(found["Location"]).content.decode()
    link = f"{URL}?don={order_a.reference}"
    assert link in order_page
    form = client.get(link).content.decode()
    assert f'value="{order_a.reference}"' in form
    assert order_a.seller_orders.get().lines.get().product_title in form
    # Another browser, which never saw the order, gets an empty form.
    assert f'value="{order_a.reference}"' not in Client().get(link).content.decode()


def test_too_many_complaints_from_one_address_get_429(client, order_a, settings):
    settings.COMPLAINTS_PER_HOUR = 2
    for _ in range(2):
        client.post(URL, _data(order_a))
    response = client.post(URL, _data(order_a))
    assert response.status_code == 429
    assert "quá nhiều khiếu nại" in response.content.decode()
    assert Complaint.objects.count() == 2


def test_the_shopper_follows_the_case_with_its_reference_and_phone(client, order_a):
    client.post(URL, _data(order_a))
    case = Complaint.objects.get()
    stranger = Client()
    status_url = f"{URL}{case.reference}/"
    assert "Mới nhận" not in stranger.get(status_url).content.decode()
    wrong = stranger.post(status_url, {"phone": "0987654321"})
    assert wrong.status_code == 400
    assert "Không tìm thấy khiếu nại" in wrong.content.decode()
    right = stranger.post(
        f"{URL}theo-doi/",
        {"reference": f" {case.reference.lower()} ", "phone": TYPED_PHONE},
    )
    assert right["Location"] == status_url
    assert "Mới nhận" in stranger.get(status_url).content.decode()


HOSTILE = [
    {"reference": "\x00" * 500, "phone": "\x00", "reason": "x", "text": "y"},
    {"reference": "' OR 1=1 --", "phone": "+84" + "9" * 400, "text": "<script>"},
    {"reference": ["a", "b"], "phone": ["1", "2"], "line": "abc", "reason": ""},
    {"line": "-1", "photos": "not-a-file", "text": "z" * 10000},
]


@pytest.mark.parametrize("data", HOSTILE)
def test_hostile_input_never_gives_a_500(client, order_a, data):
    assert client.post(URL, data).status_code in (400, 429)
    assert client.post(f"{URL}theo-doi/", data).status_code == 400
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize(
    "path", ["%00/", "x" * 300 + "/", "KN%27%22%3E/", "theo-doi/?q=%00"]
)
def test_hostile_paths_never_give_a_500(client, site_root, path):
    assert client.get(URL + path).status_code in (200, 404)
    assert client.post(URL + path, {"phone": "\x00"}).status_code in (400, 404)
    assert client.get(URL + "?don=%00&dong=%00").status_code == 200
