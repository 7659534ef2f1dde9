"""Input: every common news format → ``Article`` records (text + metadata, or a clear error).

``read_inputs(paths, input_format=None, keep_non_arabic=None)`` reads files, directories and
``-`` (stdin): plain text, JSONL / JSON arrays, HTML pages (trafilatura main text, title, date,
author, site), RSS/Atom (feedparser; linked pages next to the feed are read), WARC/WARC.gz
(warcio; HTML responses, WET conversions), gzip/bz2 compressed or not; the format comes from
``input_format``, the extension, or the first bytes. Encodings: BOM, HTTP header, HTML meta/XML
declaration, UTF-8, then windows-1256 / ISO-8859-6 scored by how Arabic they read
(charset-normalizer to break ties). ``meta["lang"]``: non-Arabic articles become ``skipped:``
errors unless kept (MARSAD_KEEP_NON_ARABIC=1). Limits: MARSAD_MAX_BYTES (per document),
MARSAD_MAX_DECOMPRESSED (per compressed file), MARSAD_MAX_RECORDS (per file).
``read_bytes(data, name, input_format)`` does the same for bytes in memory. Never raises for bad
input. Writers (exports) are in ``writers.py``.
"""
