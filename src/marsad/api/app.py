"""The FastAPI application: read-only JSON/CSV/GeoJSON over the store, plus the web UI at /.

Security posture (issue 11): reads only unless a bearer token is configured; request bodies
and page sizes are capped; CORS is off unless origins are given; every error is JSON
``{"error": {"status", "message", "details"?}}``; SQL is built only by the store
(parameterised), never from request strings here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.api.cache import ResponseCache
from marsad.api.deps import Backend, open_backend
from marsad.api.routes import router
from marsad.document import Document

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY = int(os.environ.get("MARSAD_API_MAX_BODY", 2_500_000))  # bytes; one article plus JSON overhead


def error_body(status: int, message: str, details: object = None) -> dict:
    err: dict = {"status": status, "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


class BodyLimit:
    """413 for request bodies over ``limit`` bytes: declared (Content-Length) bodies are refused
    before they are read; undeclared (chunked) ones are read up to the limit, then replayed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.limit:
                await self._reject(send)
                return
            await self.app(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._reject(send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _reject(self, send: Send) -> None:
        resp = JSONResponse(error_body(413, f"request body over the {self.limit}-byte limit"), status_code=413)
        await resp({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - JSONResponse never reads
    return {"type": "http.disconnect"}


class SecurityHeaders:
    """nosniff and no-referrer everywhere; CSP and frame denial on the UI; caching of vendored files."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app, self.csp = app, csp.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        if path == "/" or path.startswith("/static/"):
            extra += [(b"content-security-policy", self.csp), (b"x-frame-options", b"DENY")]
        if path.startswith("/static/vendor/"):
            extra.append((b"cache-control", b"public, max-age=86400"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


def _csp(tile_url: str | None) -> str:
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "*"))
        host_ok = parts.scheme in ("http", "https") and "{" not in parts.netloc
        img += f" {parts.scheme}://{parts.netloc}" if host_ok else " https:"
    return (f"default-src 'self'; img-src {img}; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    cors_origins: list[str] | None = None,
    *,
    backend: Backend | None = None,
    tile_url: str | None = None,
    tile_attribution: str | None = None,
    pipeline: Callable[[Document], Document] | None = None,
    cache_ttl: float | None = None,
    count_cap: int | None = None,
) -> FastAPI:
    """The app over the store at ``db_url`` (or an explicit ``backend``).

    ``token`` (default: $MARSAD_API_TOKEN) enables the write endpoints for bearers of it;
    ``cors_origins`` enables CORS for those origins only; ``tile_url`` (default:
    $MARSAD_TILE_URL) adds an online tile layer over the offline Natural Earth basemap;
    ``pipeline`` processes POSTed articles (default: the full pipeline, loaded on first use);
    ``cache_ttl`` (default: $MARSAD_API_CACHE_TTL or 15 s; 0: off) caches JSON answers (cache.py);
    ``count_cap`` (default: $MARSAD_API_COUNT_CAP or 10,000; 0: exact) bounds event totals (counting.py).
    """
    token = token if token is not None else (os.environ.get("MARSAD_API_TOKEN") or None)
    tile_url = tile_url if tile_url is not None else (os.environ.get("MARSAD_TILE_URL") or None)
    app = FastAPI(
        title="Marsad API",
        version=__version__,
        description="Geocoded, dated, source-attributed events extracted from Arabic news, with the "
                    "evidence span behind every field. Read-only unless the server has a token.",
    )
    app.state.backend = backend if backend is not None else open_backend(db_url)
    app.state.token = token
    app.state.pipeline = pipeline
    app.state.count_cap = count_cap if count_cap is not None else int(os.environ.get("MARSAD_API_COUNT_CAP", 10_000))
    app.state.config = {
        "version": __version__,
        "read_only": token is None,
        "tile_url": tile_url,
        "tile_attribution": tile_attribution or os.environ.get("MARSAD_TILE_ATTRIBUTION") or "",
    }
    csp = _csp(tile_url)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return JSONResponse(error_body(exc.status_code, message), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"][1:]) or "request"
        return JSONResponse(error_body(422, f"{where}: {first['msg']}", details), status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(error_body(500, "internal error (see the server log)"), status_code=500)

    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if cache_ttl is None:
        cache_ttl = float(os.environ.get("MARSAD_API_CACHE_TTL", 15))
    if cache_ttl > 0:
        app.add_middleware(ResponseCache, ttl=cache_ttl)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)  # 9 costs 3x the CPU for ~5% less
    app.add_middleware(SecurityHeaders, csp=csp)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"], allow_credentials=False)
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    return app


def app_from_env() -> FastAPI:
    """The app configured from the environment (uvicorn's factory, for several worker processes):
    MARSAD_DB, MARSAD_API_TOKEN, MARSAD_API_CORS (comma-separated origins), MARSAD_TILE_URL."""
    cors = [o.strip() for o in os.environ.get("MARSAD_API_CORS", "").split(",") if o.strip()]
    return create_app(os.environ.get("MARSAD_DB") or None, cors_origins=cors or None)
