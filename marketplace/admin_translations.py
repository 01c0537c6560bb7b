"""Wagtail admin strings that sellers meet, for our Vietnamese catalogue.

Wagtail's own Vietnamese catalogue (wagtail/**/locale/vi) is incomplete: it
translates only about 140 of the admin's strings, so a seller whose preferred
language is Vietnamese would see most of the page editor, the explorer, the
dashboard, the image library and the moderation screens in English.

This module lists the admin strings sellers meet most, each exactly as Wagtail
writes it (same msgid, plural form and context, or the translation is not
used). It is never imported at run time: it exists so that `makemessages`
extracts these msgids into locale/*/LC_MESSAGES/django.po and keeps them there
instead of dropping them as obsolete. Their Vietnamese lives in
locale/vi/LC_MESSAGES/django.po; LOCALE_PATHS take precedence over the apps'
catalogues, so ours wins. A few entries replace weak wording in Wagtail's own
catalogue ("Submit to %(workflow_name)s", "Save Draft", the login error), so
that the action menu reads naturally ("Lưu nháp", "Gửi duyệt").

Use gettext_noop for a plain msgid, ngettext_lazy(singular, plural) for one
with plural forms and pgettext_lazy(context, msgid) for one with a context.
Copy the msgid from Wagtail's .po files or templates (after {% blocktrans %}
variables become %(name)s); tests/marketplace/test_admin_vietnamese.py checks
that each one is a Wagtail msgid and has a Vietnamese translation.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ADMIN_MESSAGES = (
    # Login, password reset and the admin frame
    gettext_noop("Sign in"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Forgotten password?"),
    gettext_noop("Remember me"),
    gettext_noop("Signing in…"),
    gettext_noop("Log in"),
    gettext_noop("Your username and password didn't match. Please try again."),
    gettext_noop(
        "Your %(username_field)s and password didn't match. Please try again.",
    ),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop("Skip to main content"),
    # Main menu, sidebar and account
    gettext_noop("Images"),
    gettext_noop("Documents"),
    gettext_noop("Snippets"),
    gettext_noop("Reports"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Site history"),
    gettext_noop("Aging pages"),
    gettext_noop("Page types usage"),
    gettext_noop("Locked pages"),
    gettext_noop("Help"),
    gettext_noop("Editor Guide"),
    gettext_noop("Shortcuts"),
    gettext_noop("Log out"),
    gettext_noop("Search…"),
    gettext_noop("Search all pages…"),
    gettext_noop("Profile"),
    gettext_noop("Notifications"),
    gettext_noop("Profile picture"),
    # Dashboard
    gettext_noop("Site summary"),
    # Every collapsible panel's button (dashboard panels, the page editor)
    gettext_noop("Toggle section"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    gettext_noop(
        "This is your dashboard on which helpful information about content you've "
        "created will be displayed."
    ),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Your most recent edits"),
    gettext_noop("Your locked pages"),
    gettext_noop("Locked at"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Awaiting your review"),
    gettext_noop("Task"),
    gettext_noop("Task started"),
    gettext_noop("Task submitted by"),
    gettext_noop("Awaiting"),
    gettext_noop("Changes requested at"),
    gettext_noop("Language"),
    gettext_noop("Privacy and access"),
    gettext_noop("Edit this page"),
    gettext_noop("Live"),
    gettext_noop("Compare with live version"),
    gettext_noop("Compare with previous version"),
    gettext_noop("Tasks"),
    gettext_noop("Actions"),
    # Page explorer and listings
    gettext_noop("Exploring"),
    gettext_noop("Add child page"),
    gettext_noop("Explore subpages of '%(title)s'"),
    gettext_noop("Explore"),
    gettext_noop("Explore child pages of '%(title)s'"),
    gettext_noop("Add a child page to '%(title)s'"),
    gettext_noop("History"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Filter by"),
    gettext_noop("Show filters"),
    gettext_noop("Back"),
    gettext_noop("Date updated"),
    gettext_noop("Owner"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Page type"),
    gettext_noop("Any"),
    gettext_noop("Updated"),
    gettext_noop("Type"),
    gettext_noop("Select"),
    gettext_noop("Current page status:"),
    gettext_noop("Visit the live page"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("Visible to all"),
    gettext_noop("Private. Visit the live page"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("Page %(page_number)s of %(num_pages)s."),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("Previous"),
    gettext_noop("Next"),
    gettext_noop("Page types"),
    ngettext_lazy("There is one matching page", "There are %(counter)s matching pages"),
    gettext_noop("Sorry, no pages match <em>%(query_string)s</em>"),
    gettext_noop("There are no results."),
    gettext_noop("pages"),
    gettext_noop("More actions"),
    # Page editor: tabs, fields, side panels
    gettext_noop("Editing %(page_type)s"),
    gettext_noop("New: %(model_name)s"),
    gettext_noop("Content"),
    gettext_noop("Promote"),
    gettext_noop("Page title"),
    gettext_noop("The page title as you'd like it to be seen by the public"),
    gettext_noop("slug"),
    gettext_noop(
        "The name of the page as it will appear in URLs e.g "
        "http://domain.com/blog/[my-slug]/"
    ),
    gettext_noop("title tag"),
    gettext_noop(
        "The name of the page displayed on search engine results as the clickable "
        "headline."
    ),
    gettext_noop("meta description"),
    gettext_noop(
        "The descriptive text displayed underneath a headline in search engine results."
    ),
    gettext_noop("For search engines"),
    gettext_noop("show in menus"),
    gettext_noop(
        "Whether a link to this page will appear in automatically generated menus",
    ),
    gettext_noop("For site menus"),
    gettext_noop("go live date/time"),
    gettext_noop("expiry date/time"),
    gettext_noop("Link"),
    gettext_noop("Document"),
    gettext_noop("Image"),
    gettext_noop("Heading 2"),
    gettext_noop("Heading 3"),
    gettext_noop("Heading 4"),
    gettext_noop("Numbered list"),
    gettext_noop("Bulleted list"),
    gettext_noop(
        "Multi-word tags with spaces will automatically be enclosed in double quotes "
        '(").'
    ),
    gettext_noop("Move up"),
    gettext_noop("Move down"),
    gettext_noop("Go to the first error"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
    gettext_noop("Edit this image"),
    gettext_noop("Checks"),
    gettext_noop("Comments"),
    gettext_noop("Status: "),
    gettext_noop("View history"),
    gettext_noop("First published"),
    gettext_noop("0 minutes"),
    gettext_noop("just now"),
    gettext_noop("In Moderation"),
    gettext_noop("View details"),
    gettext_noop("by %(user)s"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("%(time)s by %(user_display_name)s"),
    gettext_noop("Locking: "),
    gettext_noop(
        "Anyone can edit this %(model_name)s – lock it to prevent others from editing",
    ),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Page visibility: "),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Not visible to the public"),
    gettext_noop("Change privacy"),
    gettext_noop("Choose who can view the live version of this page"),
    gettext_noop("Privacy changes apply to all children of this page too."),
    gettext_noop("Usage"),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times"),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Set schedule"),
    gettext_noop("Choose when this page should go live and/or expire"),
    gettext_noop("Set publishing schedule"),
    gettext_noop("Save schedule"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Loading"),
    gettext_noop("Preview is out of date"),
    gettext_noop(
        "Correct the validation errors to resume preview (saving will highlight errors)"
    ),
    gettext_noop("Preview in mobile size"),
    gettext_noop("Preview in tablet size"),
    gettext_noop("Preview in desktop size"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("You have <span>unsaved edits</span>"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ),
    gettext_noop("Continue"),
    gettext_noop("View latest version"),
    gettext_noop("Alt text"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("There are validation errors, click save to highlight them."),
    # Page editor: action menu
    gettext_noop("Save draft"),
    gettext_noop("Save Draft"),
    gettext_noop("Replace current draft"),
    gettext_noop("Submit for moderation"),
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Resubmit to %(task_name)s"),
    gettext_noop("%(label)s and Publish"),
    gettext_noop("Scheduling…"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Publish this version"),
    gettext_noop("Cancel scheduled publish"),
    gettext_noop("View draft"),
    gettext_noop("Live version"),
    # History, revisions and copying
    gettext_noop("Action"),
    gettext_noop("User"),
    gettext_noop("Date / Time"),
    gettext_noop("Create"),
    gettext_noop("Created"),
    gettext_noop("No log entries found."),
    gettext_noop("Copy %(title)s"),
    gettext_noop("Copy this page"),
    gettext_noop("Fields"),
    gettext_noop("Changes"),
    gettext_noop("There are no differences between these two versions"),
    gettext_noop(
        "You are viewing a previous version of this page from <b>%(created_at)s</b> by "
        "%(user)s"
    ),
    # Messages after saving
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been published."),
    gettext_noop("Page '%(page_title)s' has been scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' created."),
    gettext_noop("Page '%(page_title)s' created and published."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' deleted."),
    gettext_noop("Page '%(page_title)s' unpublished."),
    gettext_noop("Page '%(page_title)s' is now unlocked."),
    gettext_noop("Page '%(page_title)s' copied."),
    gettext_noop("Page '%(page_title)s' moved."),
    gettext_noop(
        "Page '%(page_title)s' has been replaced with version from "
        "%(previous_revision_datetime)s."
    ),
    gettext_noop("Workflow on page '%(page_title)s' has been cancelled."),
    gettext_noop("Workflow on page '%(page_title)s' has been restarted."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop("Expiry date/time must be in the future."),
    gettext_noop("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    # Workflow status and moderation
    gettext_noop("live + in moderation"),
    gettext_noop("live + draft"),
    gettext_noop("live + scheduled"),
    gettext_noop("scheduled"),
    gettext_noop("live"),
    gettext_noop("in moderation"),
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop(
        "This {model_name} is awaiting <b>'{task_name}'</b> in the "
        "<b>'{workflow_name}'</b> workflow."
    ),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop("Locked by workflow"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers "
        "from editing"
    ),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop("Submitted"),
    gettext_noop("Not started"),
    gettext_noop("Changes requested"),
    gettext_noop("Cancelled by %(cancelled_by)s"),
    gettext_noop("Approved by %(approved_by)s"),
    gettext_noop("Changes requested by %(requested_by)s"),
    gettext_noop("Changes requested %(finished_at)s"),
    gettext_noop("In progress"),
    gettext_noop("Needs changes"),
    gettext_noop("Cancelled"),
    gettext_noop("Rejected"),
    gettext_noop("Skipped"),
    gettext_noop("Request changes"),
    gettext_noop("See full history"),
    gettext_noop("with comment:"),
    gettext_noop("This page hasn't been submitted for moderation yet"),
    gettext_noop("Workflow"),
    gettext_noop("workflow"),
    gettext_noop("Workflow state"),
    gettext_noop("Page/Snippet"),
    gettext_noop("Requested by"),
    gettext_noop("Started at"),
    gettext_noop("Incomplete task"),
    gettext_noop("Completed at"),
    gettext_noop("No pages/snippets have been submitted for moderation yet"),
    gettext_noop("By task"),
    gettext_noop("By workflow"),
    gettext_noop("Show"),
    gettext_noop("Awaiting my review"),
    gettext_noop("Publish page"),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop(
        "This page is currently at <strong>%(task)s</strong> in "
        "<strong>%(workflow)s</strong>."
    ),
    gettext_noop("Publishing this page will cancel the current workflow."),
    gettext_noop("Would you still like to publish this page?"),
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    gettext_noop(
        "The page '%(page_title)s' is not currently awaiting moderation in task "
        "'%(task_name)s'."
    ),
    # Notification emails about moderation
    gettext_noop("Hello %(username)s,"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop("You can edit the page here:"),
    gettext_noop("You can preview the page here:"),
    gettext_noop("You can view the page here:"),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage '
        '"%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage '
        '"%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage '
        '"%(task)s"'
    ),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow '
        '"%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow '
        '"%(workflow)s".'
    ),
    gettext_noop('The following comment was left: "%(comment)s"'),
    # Images and documents
    gettext_noop("Add an image"),
    gettext_noop("Add multiple images"),
    gettext_noop("Add images"),
    gettext_noop("Drag and drop images into this area to upload immediately."),
    gettext_noop("Or choose from your computer"),
    gettext_noop(
        "Supported formats: %(supported_formats)s. Maximum filesize: "
        "%(max_upload_size)s."
    ),
    gettext_noop(
        "Not a supported image format. Supported formats: %(supported_formats)s.",
    ),
    gettext_noop(
        "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s.",
    ),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
    gettext_noop(
        "Upload successful. Please update this image with a more appropriate title, if "
        "necessary. You may also delete the image completely if the upload wasn't "
        "required."
    ),
    gettext_noop(
        "Upload successful. However, your new image seems to be a duplicate of this "
        "existing image. You may delete it if it wasn't required."
    ),
    gettext_noop("Sorry, upload failed."),
    gettext_noop(
        "Please provide an image description to comply with best practices for "
        "accessibility."
    ),
    gettext_noop("Image updated."),
    gettext_noop("Change image file:"),
    gettext_noop("description"),
    gettext_noop("tags"),
    gettext_noop("collection"),
    gettext_noop("image"),
    gettext_noop("images"),
    gettext_noop("Focal point"),
    gettext_noop("(optional)"),
    gettext_noop("Newest"),
    gettext_noop("Oldest"),
    gettext_noop("Title: (A -> Z)"),
    gettext_noop("Title: (Z -> A)"),
    gettext_noop("File size: (low to high)"),
    gettext_noop("File size: (high to low)"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Sort by"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Usage count"),
    gettext_noop(
        "You haven't uploaded any images. Why not <a "
        'href="%(wagtailimages_add_image_url)s">upload one now</a>?'
    ),
    gettext_noop("You haven't uploaded any images."),
    gettext_noop(
        'Why not <a class="upload-one-now" href="#tab-upload" '
        'data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" '
        'data-w-tabs-focus-param="true">upload one now</a>?'
    ),
    gettext_noop("Tags"),
    gettext_noop("File"),
    gettext_noop("Add documents"),
    gettext_noop("Add a document"),
    gettext_noop("documents"),
    gettext_noop("Add multiple documents"),
    gettext_noop("Drag and drop documents into this area to upload immediately."),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop(
        "Upload successful. Please update this document with a more appropriate title, "
        "if necessary. You may also delete the document completely if the upload "
        "wasn't required."
    ),
    gettext_noop("Document updated."),
    gettext_noop(
        "You haven't uploaded any documents. Why not <a "
        'href="%(wagtaildocs_add_document_url)s">upload one now</a>?'
    ),
    gettext_noop("Update"),
)
