# pg-server.sh — sourced by tests/store/pg.sh and bench/bench_pg_load.sh:
# starts a throwaway PostgreSQL server (initdb into a temporary folder
# $tmp, pg_ctl on 127.0.0.1 and a free port, fsync off) and stops it and
# removes the folder however the caller ends; $pg_server_opts, when set,
# adds server options.  The caller defines skip (exit 77 with a message).
# Afterwards: $port, $tmp, $psql_bin, $pgdata, $as_server, $started,
# PGHOST/PGPORT/PGUSER exported, and the functions url DB and sql DB SQL.

# The server's programs: on PATH, or where Debian keeps them.
find_prog() {
    if command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
        return
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        [ -x "$d/$1" ] && { echo "$d/$1"; return; }
    done
}
initdb=$(find_prog initdb)
pg_ctl=$(find_prog pg_ctl)
psql_bin=$(find_prog psql)
[ -n "$initdb" ] && [ -n "$pg_ctl" ] && [ -n "$psql_bin" ] ||
    skip "initdb, pg_ctl or psql not found (on PATH or in /usr/lib/postgresql/*/bin)"

# initdb refuses to run as root: run the server as the postgres user then.
as_server=""
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
        as_server="runuser -u postgres --"
    else
        skip "running as root, where initdb refuses, and no postgres user to run it as"
    fi
fi

tmp=$(mktemp -d) || exit 1
pgdata=$tmp/data
started=0
cleanup() {
    [ $started = 1 ] && $as_server "$pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
chmod 755 "$tmp"
[ -n "$as_server" ] && chown postgres "$tmp"

$as_server "$initdb" -D "$pgdata" -A trust -U annals -E UTF8 --locale=C.UTF-8 \
    >"$tmp/initdb.log" 2>&1 ||
    $as_server "$initdb" -D "$pgdata" -A trust -U annals -E UTF8 --no-locale \
        >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log"; echo "FAIL: initdb"; exit 1; }
# A port nobody listens on: try a few until the server starts.
port=$(( 20000 + ($$ * 37 + $(date +%s)) % 30000 ))
for try in 1 2 3 4 5 6; do
    # fsync off: nothing here survives the run, and the server is never
    # the one killed in a crash test.
    if $as_server "$pg_ctl" -D "$pgdata" -l "$tmp/server.log" -w -t 60 \
        -o "-k $tmp -h 127.0.0.1 -p $port -c fsync=off ${pg_server_opts:-}" start >/dev/null 2>&1; then
        started=1
        break
    fi
    port=$(( port + 7 + try ))
done
[ $started = 1 ] || { cat "$tmp/server.log"; echo "FAIL: the server did not start"; exit 1; }

export PGHOST=127.0.0.1 PGPORT=$port PGUSER=annals
url() { echo "postgresql://annals@127.0.0.1:$port/$1"; }
sql() { "$psql_bin" -X -q -t -A -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
