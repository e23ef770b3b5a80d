"""Operations: backup and restore, scheduled backups, structured logs, health."""
