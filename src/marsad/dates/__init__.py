"""The dates stage: an Arabic temporal tagger anchored to the publication date.

grammar.py   tokens of ``doc.norm`` → lexemes (one code letter each) → regular grammar over the codes
calendars.py lexicons (``data/*.tsv``: Levantine, Egyptian/Gulf, Maghrebi, Moroccan and Hijri months,
             weekdays, relative words) and Hijri ↔ Gregorian through ``hijridate``
resolve.py   matched words → a frame → a TIMEX3 value against the publication date (news conventions)
stage.py     ``Dates``: ``doc.timexes`` and publication-date inference
evaluate.py  the example corpus (``corpus/*.tsv``), which is also the regression test
"""
