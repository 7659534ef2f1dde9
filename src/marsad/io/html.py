"""HTML pages → Article: main text with trafilatura (boilerplate, menus and comments dropped),
keeping title, date, author and site name; a plain paragraph extraction when trafilatura finds
no main text (short pages)."""

from __future__ import annotations

import logging
import warnings

from marsad.io.article import Article, InputError, check_text
from marsad.io.encoding import decode_bytes
from marsad.io.meta import clean_str, host_of, iso_date

log = logging.getLogger(__name__)
# trafilatura/htmldate log every page they cannot parse at ERROR; the Article's error says it once
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "li", "blockquote", "td", "pre")


def _fallback_text(html: str) -> str:
    """Paragraph text of a page trafilatura gave up on (too short, odd layout)."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for bad in root.xpath("//script|//style|//nav|//header|//footer|//noscript|//form"):
        bad.drop_tree()
    paras = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCK_TAGS)]
    paras = [p for p in paras if p]
    if not paras:
        body = root.find("body")
        paras = [" ".join((body if body is not None else root).text_content().split())]
    return "\n".join(p for p in paras if p)


def extract_html(html: str, url: str | None = None) -> dict[str, str | None]:
    """text, title, author, date, sitename of a page (values None when not found)."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True,
            # no guessing from copyright years or today's date: no date is better than a wrong one
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    out: dict[str, str | None] = {}
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        out = {k: d.get(k) if isinstance(d.get(k), str) else None for k in ("text", "title", "author", "date", "sitename", "hostname")}
        if d.get("date") and d.get("date") == d.get("filedate") and "filedate" in d:
            out["date"] = None  # trafilatura's "today" fallback is no publication date
    if not (out.get("text") or "").strip():
        out["text"] = _fallback_text(html)
        if not out.get("title"):
            import lxml.html

            titles = lxml.html.document_fromstring(html).xpath("//title/text()")
            out["title"] = str(titles[0]) if titles else None
    return out


def read_html(
    data: bytes,
    name: str,
    *,
    art_id: str | None = None,
    url: str | None = None,
    declared_charset: str | None = None,
    origin: str | None = None,
) -> Article:
    """One HTML page (bytes as found on disk or in a WARC record) → Article, never raising."""
    origin = origin or name
    try:
        html, encoding = decode_bytes(data, origin, declared_charset)
        if not html.strip():
            raise InputError(f"{origin}: empty page")
        try:
            found = extract_html(html, url)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - lxml/trafilatura on hostile markup
            raise InputError(f"{origin}: cannot parse the HTML ({type(exc).__name__}: {exc})") from None
        text = found.get("text") or ""
        title = clean_str(found.get("title"))
        lines = text.split("\n")
        if title and len(lines) > 1 and " ".join(lines[0].split()) == title:
            text = "\n".join(lines[1:])  # the headline is kept as the title, not repeated in the text
        if not text.strip():
            raise InputError(f"{origin}: no main text found in the page")
        text = check_text(text, origin)
        meta = {"format": "html", "encoding": encoding}
        if found.get("author"):
            meta["author"] = clean_str(found["author"])
        return Article(
            id=art_id,
            text=text,
            published=iso_date(found.get("date")),
            title=title,
            url=url,
            source=clean_str(found.get("sitename")) or host_of(url) or clean_str(found.get("hostname")),
            origin=origin,
            meta=meta,
        )
    except InputError as exc:
        return Article(id=art_id, origin=origin, url=url, error=str(exc), meta={"format": "html"})
    except RecursionError:
        return Article(id=art_id, origin=origin, url=url, error=f"{origin}: HTML nested too deeply to parse", meta={"format": "html"})
