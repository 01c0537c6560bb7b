"""Which backups BACKUP_DIR holds (written by django-dbbackup, named by time)."""

from dbbackup.storage import StorageError, get_storage
from dbbackup.utils import filename_to_date


def backup_files() -> list[str]:
    """Every backup file's name, database and media, oldest first."""
    return sorted(get_storage().list_backups(), key=filename_to_date)


def newest_backup(content_type: str) -> str | None:
    """The newest compressed backup of ``"db"`` or ``"media"``, or None."""
    try:
        return get_storage().get_latest_backup(
            compressed=True, content_type=content_type
        )
    except StorageError:
        return None
