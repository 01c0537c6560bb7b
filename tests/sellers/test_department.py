"""Who the department is: one definition for the admin, the catalogue and checkout."""

from django.contrib.auth import get_user_model

from sellers.services import department_users, is_department
from tests.sellers.accounts import department_user, seller_with_editor


def test_department_members_and_superusers_are_the_department(site_root):
    moderator = department_user()
    admin = get_user_model().objects.create_superuser("quan-tri", "a@example.vn", "x")
    _seller, _product, editor = seller_with_editor("nguoi-ban")

    assert is_department(moderator)
    assert is_department(admin)
    assert not is_department(editor)


def test_a_deactivated_moderator_is_no_longer_the_department(site_root):
    moderator = department_user()
    moderator.is_active = False
    moderator.save()

    assert not is_department(get_user_model().objects.get(pk=moderator.pk))
    assert list(department_users()) == []


def test_department_users_are_the_active_moderators_only(site_root):
    moderator = department_user()
    get_user_model().objects.create_superuser("quan-tri", "a@example.vn", "x")
    seller_with_editor("nguoi-ban")

    assert list(department_users()) == [moderator]
