"""Duplicate detection: near-duplicate articles → story ids (stories.py) and cross-article
event merging (events.py); store.py applies both to a Store."""
