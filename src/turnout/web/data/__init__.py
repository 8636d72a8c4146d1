"""The dancer's data as a whole: backup, import, delete everything; and the delete and undo
answer that every feature's log entries share."""
