"""Shared vocabulary of the parser, one home each: leaf modules that import no stage, so
every stage (readers, layout repair, outline, header, units, targets, tables) may import
them while data still flows one way. Numerals and dates live in ``ipplan.parse.numerals``
and ``ipplan.parse.dates`` (leaf modules too)."""
