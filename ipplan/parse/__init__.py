"""Pipeline stages, one module each: readers → normalize → clean → outline → meta
(→ units, targets, tables). Nothing here prints or imports click/rich."""
