"""Who may read the outbox's task log (django-tasks-db's DBTaskResult)."""

from wagtail.permission_policies import ModelPermissionPolicy

from sellers.services import is_department


class OutboxPermissionPolicy(ModelPermissionPolicy):
    """Read-only, and only for the department (superusers included): the log names
    orders and shows mail errors, and nothing in it is edited by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and is_department(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class TaxRatePermissionPolicy(ModelPermissionPolicy):
    """The withholding rates are the department's to keep (superusers included);
    sellers neither see nor change them."""

    def user_has_permission(self, user, action):
        return user.is_active and is_department(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, "view")
