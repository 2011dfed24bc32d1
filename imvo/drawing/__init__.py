"""The inline drawings (timeline, due-diligence cycle), computed as plain data."""
