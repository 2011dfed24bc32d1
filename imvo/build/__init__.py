"""The build as a whole: its options, the orchestration, the site folder, the preview."""
