"""The commands of build.py, one module per job; imvo.cli parses the arguments."""
