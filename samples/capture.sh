#!/usr/bin/env bash
# capture.sh - regenerate the GENUINE ss/netstat samples in this folder.
#
# Run as root on a Debian 12 machine (no systemd needed):
#   bash samples/capture.sh            # install, start daemons, capture everything
#   bash samples/capture.sh daemons    # only (re)start the daemon set ("db" role + MariaDB = everything)
#   bash samples/capture.sh capture    # only capture (daemons must already run; stops MariaDB
#                                      #   for the db captures, then starts it again for the mariadb ones)
#   bash samples/capture.sh mariadb    # only start MariaDB (if needed) and take the *-mariadb captures
#
# Apart from apt-get talking to the Debian package mirror, it only ever talks to
# loopback addresses and to this machine's own interface addresses.
# Mode "all" first stops the databases it started (web-role captures), then
# starts them again (db-role captures), then also starts MariaDB (mariadb
# captures).
# Name look-ups made by the non-numeric captures (ss -r, netstat without -n)
# are done in a private mount namespace whose /etc/resolv.conf
# points at the local dnsmasq (127.0.0.53), which has no upstream servers, so
# no DNS query ever leaves the machine.
#
# Everything it starts is recorded under $STATE (pid files, configs, keys).
# Daemons are left running at the end.
set -u
SAMPLES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=/var/tmp/portcompliance-samples
MODE=${1:-all}
# the distribution's interpreter, not a pyenv/venv shim (a shim re-execs and loses argv[0])
PY=/usr/bin/python3
mkdir -p "$STATE"

log() { echo "[capture] $*" >&2; }

# --------------------------------------------------------------------------
# 0. packages
# --------------------------------------------------------------------------
install_packages() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql redis-server redis-tools nginx openssh-server \
    openssh-client memcached dnsmasq socat net-tools iproute2 python3 curl tmux \
    ssl-cert util-linux procps mariadb-server
  id auditor >/dev/null 2>&1 || useradd -m -s /bin/bash auditor
}

# --------------------------------------------------------------------------
# addresses of this machine (never anything else)
# --------------------------------------------------------------------------
detect_addrs() {
  IFACE=$(ip -o -4 addr show scope global | awk '{print $2; exit}')
  V4=$(ip -o -4 addr show scope global | awk '{split($4,a,"/"); print a[1]; exit}')
  V6G=$(ip -o -6 addr show scope global | awk '{split($4,a,"/"); print a[1]; exit}')
  V6LL=$(ip -o -6 addr show scope link | awk '{split($4,a,"/"); print a[1]; exit}')
  V6LLDEV=$(ip -o -6 addr show scope link | awk '{print $2; exit}')
  [ -n "$V4" ] || V4=127.0.0.2
  [ -n "$IFACE" ] || IFACE=lo
  log "iface=$IFACE v4=$V4 v6g=${V6G:-none} v6ll=${V6LL:-none}%${V6LLDEV:-}"
}

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# start_bg NAME CMD... : run CMD detached, its pid in $STATE/NAME.pid (skip if alive)
start_bg() {
  local name=$1; shift
  local pf="$STATE/$name.pid"
  if alive "$pf"; then return 0; fi
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pf" "$@" </dev/null >>"$STATE/$name.log" 2>&1 &
  sleep 0.3
}

# start_bg_as USER NAME CMD...
start_bg_as() {
  local user=$1 name=$2; shift 2
  local pf="$STATE/$name.pid"
  if alive "$pf"; then return 0; fi
  setsid bash -c 'echo $$ > "$0"; exec runuser -u "$1" -- "${@:2}"' "$pf" "$user" "$@" </dev/null >>"$STATE/$name.log" 2>&1 &
  sleep 0.3
}

stop_pf() { local pf="$STATE/$1.pid"; if alive "$pf"; then kill "$(cat "$pf")"; sleep 0.3; fi; rm -f "$pf"; }

# --------------------------------------------------------------------------
# helper programs
# --------------------------------------------------------------------------
write_helpers() {
  # A TCP listener whose kernel comm name (what ss shows) is set with
  # prctl(PR_SET_NAME). argv: NAME PORT [HOST [IFNAME]]
  cat > "$STATE/named_listener.py" <<'PY'
import ctypes, socket, sys, threading
name, port = sys.argv[1], int(sys.argv[2])
host = sys.argv[3] if len(sys.argv) > 3 else "0.0.0.0"
ifname = sys.argv[4] if len(sys.argv) > 4 else None
libc = ctypes.CDLL(None, use_errno=True)
libc.prctl(15, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)   # PR_SET_NAME
if ":" in host:
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    addr = (host, port, 0, socket.if_nametoindex(ifname) if ifname else 0)
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    addr = (host, port)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(addr)
s.listen(16)
held = []
while True:
    c, _ = s.accept()
    held.append(c)          # keep accepted connections open (ESTAB rows)
PY
  # A client that opens TCP connections and keeps them open forever.
  # argv: HOST PORT [HOST PORT ...]
  cat > "$STATE/holder.py" <<'PY'
import socket, sys, time
conns = []
args = sys.argv[1:]
for i in range(0, len(args), 2):
    host, port = args[i], int(args[i + 1])
    fam = socket.AF_INET6 if ":" in host else socket.AF_INET
    c = socket.socket(fam, socket.SOCK_STREAM)
    c.connect((host, port))
    conns.append(c)
while True:
    time.sleep(3600)
PY
}

# --------------------------------------------------------------------------
# daemons
# --------------------------------------------------------------------------
start_sshd() {
  ssh-keygen -A >/dev/null
  mkdir -p /run/sshd
  # 0.0.0.0:22 and [::]:22 (stock config)
  start_bg sshd /usr/sbin/sshd -D
  # second instance on this machine's own specific addresses only
  local la=(-o "ListenAddress=$V4:2222")
  [ -n "${V6G:-}" ] && la+=(-o "ListenAddress=[$V6G]:2222")
  start_bg sshd-2222 /usr/sbin/sshd -D -o PidFile=/run/sshd-2222.pid "${la[@]}"
  # keys so that local ssh sessions (ESTAB rows) can be held open
  if [ ! -f "$STATE/id_ed25519" ]; then
    ssh-keygen -q -t ed25519 -N '' -f "$STATE/id_ed25519"
  fi
  for home in /root /home/auditor; do
    mkdir -p "$home/.ssh"
    grep -qF "$(cat "$STATE/id_ed25519.pub")" "$home/.ssh/authorized_keys" 2>/dev/null \
      || cat "$STATE/id_ed25519.pub" >> "$home/.ssh/authorized_keys"
  done
  chown -R auditor:auditor /home/auditor/.ssh; chmod 700 /root/.ssh /home/auditor/.ssh
}

start_nginx() {
  cat > "$STATE/nginx.conf" <<NG
user www-data;
worker_processes 3;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log;
events { worker_connections 128; }
http {
    access_log off;
    server {
        listen 80 default_server;
        listen [::]:80 ipv6only=on default_server;
        listen 443 ssl;
        listen [::]:443 ssl;
        listen $V4:8080;
        ${V6G:+listen [$V6G]:8080;}
        listen 8443 reuseport;
        ssl_certificate     /etc/ssl/certs/ssl-cert-snakeoil.pem;
        ssl_certificate_key /etc/ssl/private/ssl-cert-snakeoil.key;
        location / { return 200 "ok\n"; }
    }
}
NG
  alive "$STATE/nginx.pid" || nginx -c "$STATE/nginx.conf"
}

start_dnsmasq() {
  # DNS on one specific loopback address, UDP+TCP 53, no DHCP, no upstream
  # servers (answers only from its own records). host-record gives this
  # machine's own addresses a name so that non-numeric listings show one.
  local hr="vm.portcompliance.test,$V4${V6G:+,$V6G}"
  alive "$STATE/dnsmasq.pid" || dnsmasq --conf-file=/dev/null --listen-address=127.0.0.53 \
    --bind-interfaces --port=53 --no-resolv --no-hosts --no-poll \
    --pid-file="$STATE/dnsmasq.pid" --host-record="$hr" --log-facility="$STATE/dnsmasq.log"
}

start_memcached() {
  alive "$STATE/memcached.pid" && return 0
  touch "$STATE/memcached.pid"; chown memcache "$STATE/memcached.pid"
  memcached -d -u memcache -l 127.0.0.1 -p 11211 -U 11211 -P "$STATE/memcached.pid"
  sleep 0.3
}

start_socat() {
  # dual-stack TCP listener  -> *:9000
  start_bg socat-9000 socat TCP6-LISTEN:9000,ipv6only=0,fork,reuseaddr EXEC:/bin/cat
  # v6-only TCP listener     -> [::]:9001
  start_bg socat-9001 socat TCP6-LISTEN:9001,ipv6only=1,fork,reuseaddr EXEC:/bin/cat
  # UDP v4 wildcard          -> 0.0.0.0:9002
  start_bg socat-9002 socat -u UDP4-RECV:9002 OPEN:/dev/null
  # UDP dual-stack           -> *:9003
  start_bg socat-9003 socat -u UDP6-RECV:9003,ipv6only=0 OPEN:/dev/null
  # SO_BINDTODEVICE          -> 0.0.0.0%lo:9100, [::]%IFACE:9101, 0.0.0.0%IFACE:9102/udp
  start_bg socat-9100 socat TCP4-LISTEN:9100,so-bindtodevice=lo,fork,reuseaddr EXEC:/bin/cat
  start_bg socat-9101 socat TCP6-LISTEN:9101,ipv6only=1,so-bindtodevice=$IFACE,fork,reuseaddr EXEC:/bin/cat
  start_bg socat-9102 socat -u UDP4-RECV:9102,so-bindtodevice=$IFACE OPEN:/dev/null
  # this machine's own specific addresses
  start_bg socat-9300 socat TCP4-LISTEN:9300,bind=$V4,fork,reuseaddr EXEC:/bin/cat
  [ -n "${V6G:-}" ] && start_bg socat-9301 socat TCP6-LISTEN:9301,bind=[$V6G],fork,reuseaddr EXEC:/bin/cat
  # IPv4-mapped IPv6 bind    -> [::ffff:127.0.0.1]:9400
  start_bg socat-9400 socat TCP6-LISTEN:9400,bind=[::ffff:127.0.0.1],fork,reuseaddr EXEC:/bin/cat
  # another loopback address -> 127.0.0.2:9500
  start_bg socat-9500 socat TCP4-LISTEN:9500,bind=127.0.0.2,fork,reuseaddr EXEC:/bin/cat
}

start_named_apps() {
  # comm name with space + parentheses; argv[0] also set (netstat shows argv[0])
  start_bg app-7000 bash -c 'exec -a "my app (v2)" "$1" "$0" "my app (v2)" 7000 0.0.0.0' "$STATE/named_listener.py" "$PY"
  # comm name with comma, double quote and space; argv[0] stays python3
  start_bg app-7001 "$PY" "$STATE/named_listener.py" 'db,"proxy" x' 7001 127.0.0.1
  # comm name with a single quote and a closing paren
  start_bg app-7002 "$PY" "$STATE/named_listener.py" "o'neil) [w]" 7002 ::
  # link-local IPv6 with scope id (only if the machine has one)
  if [ -n "${V6LL:-}" ]; then
    start_bg app-7100 "$PY" "$STATE/named_listener.py" "ll-agent" 7100 "$V6LL" "$V6LLDEV"
  fi
  # a listener owned by the unprivileged user (visible to it in -p listings)
  start_bg_as auditor auditor-http "$PY" -m http.server 8000 --bind 127.0.0.1 --directory /home/auditor
}

start_web_clients() {
  # ESTAB connections on loopback / own addresses
  start_bg ssh-v4 ssh -N -i "$STATE/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes root@127.0.0.1
  start_bg ssh-v6 ssh -N -i "$STATE/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes auditor@::1
  start_bg ssh-own ssh -N -p 2222 -i "$STATE/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes root@$V4
  start_bg hold-web "$PY" "$STATE/holder.py" 127.0.0.1 11211 127.0.0.1 9000 ::1 9000 127.0.0.1 7000
}

start_postgres() {
  # edit with sed: pg_conftool leaves 127.0.0.1 unquoted (a syntax error)
  sed -i -E "s/^#?listen_addresses = .*/listen_addresses = '*'/" /etc/postgresql/15/main/postgresql.conf
  pg_lsclusters -h | grep -q '^15 *local ' || pg_createcluster 15 local -p 5433 >/dev/null
  sed -i -E "s/^#?listen_addresses = .*/listen_addresses = '127.0.0.1'/" /etc/postgresql/15/local/postgresql.conf
  pg_lsclusters -h | awk '$1==15 && $2=="main"{print $4}' | grep -q online || pg_ctlcluster 15 main start
  pg_lsclusters -h | awk '$1==15 && $2=="local"{print $4}' | grep -q online || pg_ctlcluster 15 local start
  runuser -u postgres -- psql -q -c "ALTER USER postgres PASSWORD 'samples-only'" >/dev/null
}

stop_postgres() {
  pg_ctlcluster 15 local stop 2>/dev/null; pg_ctlcluster 15 main stop 2>/dev/null; true
}

start_redis() {
  mkdir -p "$STATE/redis"; chown redis:redis "$STATE/redis"
  alive "$STATE/redis/6379.pid" || runuser -u redis -- redis-server --port 6379 --bind '127.0.0.1 -::1' \
      --daemonize yes --pidfile "$STATE/redis/6379.pid" --dir "$STATE/redis" --save '' \
      --logfile "$STATE/redis/6379.log"
  alive "$STATE/redis/6380.pid" || runuser -u redis -- redis-server --port 6380 --bind 0.0.0.0 \
      --protected-mode no --daemonize yes --pidfile "$STATE/redis/6380.pid" --dir "$STATE/redis" \
      --save '' --logfile "$STATE/redis/6380.log"
  sleep 0.5
}

stop_redis() {
  for p in 6379 6380; do
    alive "$STATE/redis/$p.pid" && kill "$(cat "$STATE/redis/$p.pid")"
  done
  sleep 0.5
}

start_db_clients() {
  start_bg redis-sub-v4 redis-cli -h 127.0.0.1 -p 6379 SUBSCRIBE samples
  start_bg redis-sub-v6 redis-cli -h ::1 -p 6379 SUBSCRIBE samples
  start_bg psql-v4 env PGPASSWORD=samples-only psql -h 127.0.0.1 -U postgres -c 'select pg_sleep(1e9)'
  start_bg psql-v6 env PGPASSWORD=samples-only psql -h ::1 -U postgres -c 'select pg_sleep(1e9)'
}

stop_db_clients() { for n in redis-sub-v4 redis-sub-v6 psql-v4 psql-v6; do stop_pf "$n"; done; }

start_mariadb() {
  # a MySQL-family database on a wildcard address: the stock Debian line
  # "bind-address            = 127.0.0.1" becomes "bind-address            = ::"
  local cnf=/etc/mysql/mariadb.conf.d/50-server.cnf
  sed -i -E 's/^#?bind-address( *)= .*/bind-address\1= ::/' "$cnf"
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  install -d -o mysql -g mysql /run/mysqld
  # already running (e.g. started by the package's init script) with another bind: restart it
  if alive /run/mysqld/mysqld.pid && ! ss -Hltn 'sport = :3306' | grep -Eq '(\*|\[::\]):3306'; then
    stop_mariadb
  fi
  # no systemd: run the server directly (it drops to user mysql itself)
  alive /run/mysqld/mysqld.pid || start_bg mariadb /usr/sbin/mariadbd --user=mysql
  for _ in $(seq 1 40); do ss -Hltn 'sport = :3306' | grep -q . && return 0; sleep 0.5; done
  log "mariadb is not listening on 3306, see $STATE/mariadb.log"
}

stop_mariadb() {
  local pf=/run/mysqld/mysqld.pid pid
  if alive "$pf"; then
    pid=$(cat "$pf"); kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -f "$STATE/mariadb.pid"
}

web_role() {
  start_sshd; start_nginx; start_dnsmasq; start_memcached; start_socat; start_named_apps
  start_web_clients
}
db_role() {
  web_role; start_postgres; start_redis; start_db_clients; sleep 1
}

# apt-get (run by install_packages) talks to the package mirror; wait until
# those connections have left TIME-WAIT so that the -a listings only show
# loopback / own-address traffic made by this script.
wait_foreign_timewait() {
  local own="127\\.|\\[::1\\]|\\[::ffff:127\\.|${V4//./\\.}:|\\[${V6G:-none}\\]|\\[${V6LL:-none}\\]"
  for _ in $(seq 1 30); do
    ss -Htan state connected | awk '{print $NF}' | grep -Evq "^($own)" || return 0
    log "waiting for connections to non-local peers (apt) to leave TIME-WAIT..."; sleep 5
  done
}

# --------------------------------------------------------------------------
# capture helpers (stdout only, byte for byte, unless said otherwise)
# --------------------------------------------------------------------------
cap()        { local f=$1; shift; "$@" > "$SAMPLES/$f"; log "$f: $*"; }
cap_user()   { local f=$1; shift; runuser -u auditor -- "$@" > "$SAMPLES/$f"; log "$f (auditor): $*"; }
cap_user_2() { local f=$1; shift; runuser -u auditor -- "$@" > "$SAMPLES/$f" 2>&1; log "$f (auditor, 2>&1): $*"; }
# run with name resolution pointed at the local dnsmasq only
cap_localdns() {
  local f=$1; shift
  printf 'nameserver 127.0.0.53\noptions timeout:1 attempts:1\n' > "$STATE/resolv.conf"
  unshare -m bash -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$STATE/resolv.conf" "$@" > "$SAMPLES/$f"
  log "$f (local dns): $*"
}
timewait() {  # fresh short HTTP connections -> TIME-WAIT rows
  curl -s -o /dev/null http://127.0.0.1/; curl -s -o /dev/null "http://[::1]/"
  curl -s -o /dev/null "http://$V4:8080/"; curl -sk -o /dev/null https://127.0.0.1/
}

capture_web() {
  cap ss/ss-lntup-debian12-web.txt       ss -lntup
  cap ss/ss-tulnp-debian12-web.txt       ss -tulnp
  cap netstat/netstat-plunt-debian12-web.txt netstat -plunt
  cap netstat/netstat-tulpn-debian12-web.txt netstat -tulpn
}

capture_db() {
  cap ss/ss-lntup-debian12-db.txt        ss -lntup
  cap ss/ss-tulnp-debian12-db.txt        ss -tulnp
  cap ss/ss-lnt-debian12-db.txt          ss -lnt
  cap ss/ss-lntu-debian12-db.txt         ss -lntu
  cap ss/ss-Hlntup-debian12-db.txt       ss -Hlntup
  cap ss/ss-lntupe-debian12-db.txt       ss -lntupe
  cap ss/ss-lntupi-debian12-db.txt       ss -lntupi
  cap ss/ss-lnti-debian12-db.txt         ss -lnti
  cap ss/ss-lntm-debian12-db.txt         ss -lntm
  cap ss/ss-ltup-debian12-db.txt         ss -ltup
  cap_localdns ss/ss-ltupr-debian12-db.txt ss -ltupr
  timewait
  cap ss/ss-tunap-debian12-db.txt        ss -tunap
  cap ss/ss-tan-debian12-db.txt          ss -tan
  cap_user ss/ss-lntup-nonroot-debian12-db.txt ss -lntup
  cap_user ss/ss-tulnp-nonroot-debian12-db.txt ss -tulnp
  cap ss/ss-ln-head60-debian12-db.txt    bash -c 'ss -ln | head -60'

  cap netstat/netstat-plunt-debian12-db.txt  netstat -plunt
  cap netstat/netstat-tuln-debian12-db.txt   netstat -tuln
  cap netstat/netstat-tulpn-debian12-db.txt  netstat -tulpn
  cap netstat/netstat-tulpnW-debian12-db.txt netstat -tulpnW
  cap netstat/netstat-tulpen-debian12-db.txt netstat -tulpen
  timewait
  cap netstat/netstat-tunap-debian12-db.txt  netstat -tunap
  cap netstat/netstat-an-debian12-db.txt     netstat -an
  # the "(Not all processes could be identified ...)" note goes to stderr;
  # merged 2>&1 it comes first, exactly as on a terminal
  cap_user_2 netstat/netstat-tulpn-nonroot-debian12-db.txt netstat -tulpn
  cap_user netstat/netstat-tulpn-nonroot-stdoutonly-debian12-db.txt netstat -tulpn
  cap_localdns netstat/netstat-tul-debian12-db.txt netstat -tul
}

# mariadb role = db role + MariaDB on [::]:3306
capture_mariadb() {
  cap ss/ss-lntup-debian12-mariadb.txt           ss -lntup
  cap netstat/netstat-plunt-debian12-mariadb.txt netstat -plunt
  cap_user ss/ss-lntup-nonroot-debian12-mariadb.txt ss -lntup
}

capture_pasted() {
  # 1) a real terminal: tmux (wide window, no wrapping), bash with Debian's
  #    default root prompt, hostname db01 set in a private UTS namespace.
  local sock="$STATE/tmux.sock"
  tmux -S "$sock" kill-server 2>/dev/null
  unshare -u bash -c 'hostname db01; exec tmux -S "$0" -f /dev/null new-session -d -x 300 -y 100 "env -i HOME=/root TERM=xterm PATH=/usr/sbin:/usr/bin:/sbin:/bin PS1=\"\\u@\\h:\\w\\\\$ \" bash --norc --noprofile"' "$sock"
  sleep 1
  tmux -S "$sock" send-keys 'cd ~ && clear' Enter; sleep 0.5
  tmux -S "$sock" send-keys 'ss -lntup' Enter; sleep 1.5
  tmux -S "$sock" capture-pane -p -S - > "$STATE/pane.txt"   # wide pane, nothing wraps; trailing blanks trimmed as a terminal copy does
  tmux -S "$sock" kill-server
  # the pane ends with blank rows below the last prompt: drop only those
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$STATE/pane.txt" > "$SAMPLES/ss/ss-lntup-pasted-with-prompt.txt"
  log "ss/ss-lntup-pasted-with-prompt.txt (tmux capture-pane)"
  # 2) markdown fence as pasted into a ticket
  { printf '```\n$ sudo ss -lntup\n'; ss -lntup; printf '```\n'; } > "$SAMPLES/ss/ss-lntup-markdown-fence.md.txt"
  log "ss/ss-lntup-markdown-fence.md.txt"
  # 3) CRLF + UTF-8 BOM, converted from a real capture
  ss -lntup > "$STATE/lntup-lf.txt"
  { printf '\xEF\xBB\xBF'; sed 's/$/\r/' "$STATE/lntup-lf.txt"; } > "$SAMPLES/ss/ss-lntup-windows-crlf-bom.txt"
  log "ss/ss-lntup-windows-crlf-bom.txt"
}

# --------------------------------------------------------------------------
case "$MODE" in
  all)
    install_packages; detect_addrs; write_helpers
    # web role: no databases running
    stop_db_clients; stop_redis; stop_postgres; stop_mariadb
    web_role; sleep 1; capture_web
    # db role: everything except MariaDB
    db_role; wait_foreign_timewait; capture_db; capture_pasted
    # mariadb role: everything
    start_mariadb; sleep 1; capture_mariadb
    ;;
  daemons) detect_addrs; write_helpers; db_role; start_mariadb ;;
  capture)
    detect_addrs; stop_mariadb; wait_foreign_timewait; capture_db; capture_pasted
    start_mariadb; sleep 1; capture_mariadb ;;
  mariadb) detect_addrs; start_mariadb; sleep 1; capture_mariadb ;;
  lib) return 0 2>/dev/null || exit 0 ;;   # for sourcing the functions
  *) echo "usage: $0 [all|daemons|capture|mariadb]" >&2; exit 2 ;;
esac
log "done"
