"""Validation of curated plan files: safe position-tracking loading (load.py), rule codes
and semantic checks (rules.py), per-file checks (check.py), differences from a fresh parse
(against.py) and output formats (report.py). ``ipplan validate`` is a thin layer over them.

Other commands read plan files with :func:`ipplan.validate.load.load_plan_file`.
"""
