"""Views for analysts over many plans: terminal view (show), spreadsheets (export),
the indicator matrix (compare) and a self-contained HTML report (report).

load.py reads plans, rows.py builds the rows every view shares; nothing here parses text.
"""
