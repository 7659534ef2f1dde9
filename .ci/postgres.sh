# Source me (". .ci/postgres.sh"): a throwaway PostgreSQL server on 127.0.0.1 for the store tests.
# Installs Debian's postgresql when no server binaries are found (root only), initialises a data
# dir under $MARSAD_PG_DIR (default /tmp/marsad-pg) owned by a non-root user, starts the server on
# port $MARSAD_PG_PORT (default 54329) unless it already answers, creates the database and exports
# MARSAD_TEST_PG_URL. Idempotent: a second run only checks the server and exports the URL.
# marsad_pg_stop stops the server (the data dir is kept for the next run).

MARSAD_PG_DIR=${MARSAD_PG_DIR:-/tmp/marsad-pg}
MARSAD_PG_PORT=${MARSAD_PG_PORT:-54329}

_marsad_pg_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

_marsad_pg_as() {  # run a command as the server's (non-root) owner
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

marsad_pg_stop() {
    local bin
    bin=$(_marsad_pg_bindir)
    [ -n "$bin" ] && [ -f "$MARSAD_PG_DIR/data/postmaster.pid" ] &&
        _marsad_pg_as "$bin/pg_ctl" -D "$MARSAD_PG_DIR/data" -m fast -w stop >/dev/null
    return 0
}

_marsad_pg_start() {
    local bin
    bin=$(_marsad_pg_bindir)
    if [ -z "$bin" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "postgres.sh: no PostgreSQL server installed and not root to apt-get it" >&2
            return 1
        fi
        echo "postgres.sh: installing postgresql (apt-get)" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get -y -qq install postgresql >/dev/null || return 1
        bin=$(_marsad_pg_bindir)
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home postgres || return 1
    fi
    mkdir -p "$MARSAD_PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$MARSAD_PG_DIR"
    if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$MARSAD_PG_PORT"; then
        if [ ! -f "$MARSAD_PG_DIR/data/PG_VERSION" ]; then
            _marsad_pg_as "$bin/initdb" -D "$MARSAD_PG_DIR/data" -U marsad -A trust -E UTF8 --locale=C.UTF-8 \
                --no-sync >"$MARSAD_PG_DIR/initdb.log" 2>&1 || { cat "$MARSAD_PG_DIR/initdb.log" >&2; return 1; }
        fi
        # fsync off: a test server whose data is thrown away
        _marsad_pg_as "$bin/pg_ctl" -D "$MARSAD_PG_DIR/data" -l "$MARSAD_PG_DIR/server.log" -w -t 60 \
            -o "-h 127.0.0.1 -p $MARSAD_PG_PORT -k $MARSAD_PG_DIR -F -c max_connections=200" start >/dev/null ||
            { tail -n 20 "$MARSAD_PG_DIR/server.log" >&2; return 1; }
    fi
    if ! "$bin/psql" -h 127.0.0.1 -p "$MARSAD_PG_PORT" -U marsad -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = 'marsad_test'" | grep -q 1; then
        "$bin/createdb" -h 127.0.0.1 -p "$MARSAD_PG_PORT" -U marsad marsad_test || return 1
    fi
    export MARSAD_TEST_PG_URL="postgresql://marsad@127.0.0.1:$MARSAD_PG_PORT/marsad_test"
    echo "postgres.sh: MARSAD_TEST_PG_URL=$MARSAD_TEST_PG_URL" >&2
}

_marsad_pg_start
