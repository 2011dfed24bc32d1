"""Participants: their names in one form, organisations A-Z, duplicates."""
