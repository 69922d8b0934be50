"""Helpers and fixtures for the document reader's tests (converters, comparison)."""
