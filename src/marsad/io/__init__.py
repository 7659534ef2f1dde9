"""Readers (txt, jsonl, html, rss, warc, directories) and writers."""
