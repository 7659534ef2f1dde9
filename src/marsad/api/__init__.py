"""The HTTP API: ``create_app(db_url, token=None, cors_origins=None)`` (see app.py)."""

from marsad.api.app import create_app

__all__ = ["create_app"]
