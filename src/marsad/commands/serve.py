"""marsad serve: the HTTP API and the web UI (map, timeline, article reader) over a store."""

from __future__ import annotations

import argparse
import os
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the API and the web map/timeline/reader over a store")
    p.add_argument("--db", default=None, help="database URL or SQLite path (default: $MARSAD_DB or the store's default)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None,
                   help="bearer token that enables write endpoints (default: $MARSAD_API_TOKEN; none: read-only)")
    p.add_argument("--cors", action="append", metavar="ORIGIN", default=None,
                   help="allow cross-origin requests from ORIGIN (repeatable; default: CORS off)")
    p.add_argument("--tile-url", default=None,
                   help="online tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
                        "(default: $MARSAD_TILE_URL; none: the offline Natural Earth basemap only)")
    p.add_argument("--tile-attribution", default=None, help="attribution shown for --tile-url")
    p.add_argument("--workers", type=int, default=1,
                   help="worker processes (default 1; more use more cores, each with its own cache)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from marsad.api.app import create_app
    except ImportError as exc:
        print(f"marsad serve: {exc.name} is missing; install marsad[server]", file=sys.stderr)
        return 2
    db = args.db or os.environ.get("MARSAD_DB")
    try:
        app = create_app(db, token=args.token, cors_origins=args.cors, tile_url=args.tile_url,
                         tile_attribution=args.tile_attribution)
    except Exception as exc:  # a bad URL or unreachable database: say which, do not trace back
        print(f"marsad serve: cannot open the store {db or '(default)'}: {exc}", file=sys.stderr)
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1") and app.state.token is None:
        print(f"marsad serve: listening on {args.host} (read-only, no token)", file=sys.stderr)
    if args.workers > 1:  # each worker process builds its own app from the environment
        os.environ.update({k: v for k, v in (("MARSAD_DB", db), ("MARSAD_API_TOKEN", args.token),
                                             ("MARSAD_API_CORS", ",".join(args.cors or [])),
                                             ("MARSAD_TILE_URL", args.tile_url)) if v})
        if args.tile_attribution:
            os.environ["MARSAD_TILE_ATTRIBUTION"] = args.tile_attribution
        # a worker busy with long queries must not be taken for dead and restarted mid-request
        uvicorn.run("marsad.api.app:app_from_env", factory=True, host=args.host, port=args.port,
                    log_level="warning", workers=args.workers, timeout_keep_alive=30, timeout_worker_healthcheck=60)
        return 0
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_keep_alive=30)
    return 0
