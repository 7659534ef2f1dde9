"""The web UI (static files under static/, served by marsad.api at /)."""
