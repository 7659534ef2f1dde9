"""dates stage."""
