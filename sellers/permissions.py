"""Who may read seller applications (registered from SellersConfig.ready())."""

from wagtail.permission_policies import ModelPermissionPolicy

from sellers.services import is_department


class SellerApplicationPermissionPolicy(ModelPermissionPolicy):
    """Only the department reads applications (they hold citizen ID numbers);
    decisions go through the review view, never the generic edit form."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and is_department(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")
