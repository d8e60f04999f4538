"""Document formats other than plain text: each module turns one format into text lines
for the common pipeline, with tables rendered as pipe rows (layout.py)."""
