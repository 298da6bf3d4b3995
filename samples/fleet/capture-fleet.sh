#!/usr/bin/env bash
# capture-fleet.sh - regenerate the GENUINE fleet listings in samples/fleet/2026-10 and 2026-11.
#
# Run as root on the Debian 12 machine of samples/capture.sh (no systemd needed):
#   bash samples/fleet/capture-fleet.sh            # both months
#   bash samples/fleet/capture-fleet.sh 2026-11    # one month
#   bash samples/fleet/capture-fleet.sh restore    # only stop the fleet daemons and start capture.sh's set again
#
# One machine plays every host in turn. For each host (and month) it stops the daemons that host
# must not run, starts the ones it must, waits until `ss -lntup` shows exactly the expected
# listeners (protocol, port, process; nothing foreign such as a test run's listener), and saves
# `ss -lntup` (stdout, byte for byte) as <month>/<host>.ss.txt. Nothing is edited afterwards.
#
# Every daemon listens on loopback or on this machine's own addresses. They are started in a
# private mount namespace whose /etc/resolv.conf points at the local dnsmasq (no upstream), so no
# DNS query can leave the machine. At the end the fleet daemons are stopped and capture.sh's
# "daemons" set is started again.
set -u
FLEET=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../capture.sh
source "$FLEET/../capture.sh" lib          # detect_addrs, start_bg, stop_pf, alive, start_memcached, ...
F=/var/tmp/portcompliance-fleet            # fleet state: configs, pid files, logs
mkdir -p "$F"
WHAT=${1:-all}

# --------------------------------------------------------------------------
# packages (before the private namespace below: apt needs the real resolver)
# --------------------------------------------------------------------------
FLEET_PACKAGES="nginx gunicorn nodejs haproxy postgresql redis-server memcached mariadb-server
  prometheus prometheus-alertmanager prometheus-node-exporter postfix dovecot-imapd vsftpd
  inetutils-inetd inetutils-telnetd rpcbind rsync openssh-server dnsmasq iproute2 util-linux python3"
if [ -z "${FLEET_NS:-}" ] && [ "$WHAT" != restore ]; then
  missing=$(for p in $FLEET_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    echo "postfix postfix/main_mailer_type select Internet Site" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
  fi
fi

# --------------------------------------------------------------------------
# keep name look-ups on this machine
# --------------------------------------------------------------------------
if [ -z "${FLEET_NS:-}" ]; then
  printf 'nameserver 127.0.0.53\noptions timeout:1 attempts:1\n' > "$F/resolv.conf"
  exec env FLEET_NS=1 unshare -m bash -c 'mount --bind "$0" /etc/resolv.conf && exec bash "$@"' \
    "$F/resolv.conf" "${BASH_SOURCE[0]}" "$@"
fi

flog() { echo "[fleet] $*" >&2; }

# --------------------------------------------------------------------------
# capture.sh's own daemon set: stopped while the fleet is captured, started again at the end
# --------------------------------------------------------------------------
stop_sample_daemons() {
  stop_db_clients; stop_redis; stop_postgres; stop_mariadb
  for n in socat-9000 socat-9001 socat-9002 socat-9003 socat-9100 socat-9101 socat-9102 socat-9300 \
           socat-9301 socat-9400 socat-9500 app-7000 app-7001 app-7002 app-7100 auditor-http \
           hold-web ssh-own sshd-2222; do
    stop_pf "$n"
  done
  if alive "$STATE/nginx.pid"; then kill "$(cat "$STATE/nginx.pid")"; sleep 1; fi
  # capture.sh's memcached -d leaves its pid file empty here: stop the one on 11211 by its pid
  local pid
  for pid in $(ss -Hltnp 'sport = :11211' | grep -o '"memcached",pid=[0-9]*' | grep -o '[0-9]*$' | sort -u); do
    kill "$pid"; sleep 0.5
  done
  rm -f "$STATE/memcached.pid"
}

# --------------------------------------------------------------------------
# fleet helpers
# --------------------------------------------------------------------------
write_fleet_files() {
  # A TCP listener named with prctl(PR_SET_NAME), for programs not installed here (dockerd,
  # docker-proxy). argv: NAME HOST PORT [v6only]
  cat > "$F/named_tcp.py" <<'PY'
import ctypes, socket, sys
name, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
v6only = len(sys.argv) > 4 and sys.argv[4] == "v6only"
ctypes.CDLL(None).prctl(15, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)   # PR_SET_NAME
fam = socket.AF_INET6 if ":" in host else socket.AF_INET
s = socket.socket(fam, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if fam == socket.AF_INET6:
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1 if v6only else 0)
s.bind((host, port))
s.listen(64)
while True:
    c, _ = s.accept()
    c.close()
PY
  # the web hosts' application (gunicorn) and web03's new Node.js service
  cat > "$F/shopapp.py" <<'PY'
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"shop ok\n"]
PY
  cat > "$F/reports.js" <<'JS'
require('http').createServer((req, res) => res.end('reports ok\n')).listen(8081);
JS
  local nginx_common="user www-data;
worker_processes 2;
error_log $F/nginx-error.log;
events { worker_connections 128; }"
  local site="    server {
        listen 80 default_server;
        listen [::]:80 default_server;
        listen 443 ssl;
        listen [::]:443 ssl;
        ssl_certificate     /etc/ssl/certs/ssl-cert-snakeoil.pem;
        ssl_certificate_key /etc/ssl/private/ssl-cert-snakeoil.key;
        location / { proxy_pass http://127.0.0.1:8000; }
    }"
  # web: the site, plus the internal status/admin vhost on the app-network address, port 8080
  cat > "$F/nginx-web.conf" <<NG
pid $F/nginx.pid;
$nginx_common
http {
    access_log off;
$site
    server {
        listen $V4:8080;
        location /nginx_status { stub_status; }
    }
}
NG
  # web05 in November: 8080 was handed over to haproxy
  cat > "$F/nginx-web-no8080.conf" <<NG
pid $F/nginx-no8080.pid;
$nginx_common
http {
    access_log off;
$site
}
NG
  cat > "$F/haproxy.cfg" <<HA
global
    maxconn 256
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
frontend internal
    bind $V4:8080
    default_backend shop
backend shop
    server app1 127.0.0.1:8000
HA
  cat > "$F/prometheus.yml" <<PR
global:
  scrape_interval: 60s
scrape_configs:
  - job_name: prometheus
    static_configs: [ { targets: ["$V4:9090"] } ]
  - job_name: node
    static_configs: [ { targets: ["$V4:9100"] } ]
PR
  cat > "$F/alertmanager.yml" <<AM
route:
  receiver: blackhole
receivers:
  - name: blackhole
AM
  printf 'telnet\tstream\ttcp\tnowait\troot\t/usr/sbin/telnetd\ttelnetd\n' > "$F/inetd.conf"
  mkdir -p "$F/rsync/backup"
  cat > "$F/rsyncd.conf" <<RS
pid file = $F/rsyncd.pid
[backup]
    path = $F/rsync/backup
    read only = yes
RS
  mkdir -p "$F/redis" "$F/prometheus" "$F/alertmanager"
  chown redis:redis "$F/redis"; chown prometheus:prometheus "$F/prometheus" "$F/alertmanager"
  mkdir -p /var/run/vsftpd/empty /run/rpcbind /run/sshd
  # mail01 offers submission (587) as well as smtp (25)
  [ -n "$(postconf -M submission/inet 2>/dev/null)" ] || postconf -M submission/inet="submission inet n - y - - smtpd"
}

fstart() { local name=$1; shift; local pf="$F/$name.pid"; alive "$pf" && return 0
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pf" "$@" </dev/null >>"$F/$name.log" 2>&1 & sleep 0.5; }
fstop()  { local pf="$F/$1.pid" pid; if alive "$pf"; then pid=$(cat "$pf"); kill "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done; fi; rm -f "$pf"; }

# --------------------------------------------------------------------------
# components: c_NAME start|stop, and the listeners each adds (proto:port:process)
# --------------------------------------------------------------------------
nginx_stop() { local pf=$1 pid; alive "$pf" || return 0; pid=$(cat "$pf"); kill -QUIT "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done; }
c_nginx() { # nginx with the 8080 status vhost
  case $1 in start) alive "$F/nginx.pid" || nginx -c "$F/nginx-web.conf" ;; stop) nginx_stop "$F/nginx.pid" ;; esac; }
c_nginx_no8080() {
  case $1 in start) alive "$F/nginx-no8080.pid" || nginx -c "$F/nginx-web-no8080.conf" ;; stop) nginx_stop "$F/nginx-no8080.pid" ;; esac; }
c_haproxy()  { case $1 in start) fstart haproxy haproxy -db -f "$F/haproxy.cfg" ;; stop) fstop haproxy ;; esac; }
c_gunicorn() { case $1 in start) fstart gunicorn setpriv --reuid=www-data --regid=www-data --init-groups -- gunicorn --chdir "$F" --bind 127.0.0.1:8000 --workers 2 shopapp:app ;;
                          stop) fstop gunicorn ;; esac; }
c_nodeapp()  { case $1 in start) fstart nodeapp setpriv --reuid=www-data --regid=www-data --init-groups -- node "$F/reports.js" ;; stop) fstop nodeapp ;; esac; }
c_memcached() { case $1 in start) fstart memcached memcached -u memcache -l 127.0.0.1 -p 11211 -U 11211 ;;
                           stop) fstop memcached ;; esac; }
c_nodeexp()  { case $1 in start) fstart nodeexp setpriv --reuid=prometheus --regid=prometheus --init-groups -- prometheus-node-exporter --web.listen-address="$V4:9100" ;;
                          stop) fstop nodeexp ;; esac; }
pg_fleet() { # PORT: the main cluster on the app-network address and loopback, started with
             # command-line settings (postgresql.conf is left as capture.sh wrote it)
  pg_ctlcluster 15 local stop 2>/dev/null
  pg_ctlcluster -o "-c listen_addresses=$V4,127.0.0.1" -o "-c port=$1" 15 main start
}
c_pg5432() { case $1 in start) ss -Hltn 'sport = :5432' | grep -q . || { stop_postgres; pg_fleet 5432; } ;;
                        stop) ss -Hltn 'sport = :5432' | grep -q . && stop_postgres ;; esac; true; }
c_pg5433() { case $1 in start) ss -Hltn 'sport = :5433' | grep -q . || { stop_postgres; pg_fleet 5433; } ;;
                        stop) ss -Hltn 'sport = :5433' | grep -q . && stop_postgres ;; esac; true; }
c_mariadb() { # bound to the app-network address (command line; 50-server.cnf is not touched)
  case $1 in
    start) install -d -o mysql -g mysql /run/mysqld
           fstart mariadb /usr/sbin/mariadbd --user=mysql --bind-address="$V4"
           for _ in $(seq 1 40); do ss -Hltn 'sport = :3306' | grep -q . && break; sleep 0.5; done ;;
    stop) fstop mariadb ;;
  esac; }
redis_fleet() { # NAME BIND [protected-mode]
  runuser -u redis -- redis-server --port 6379 --bind "$2" --protected-mode "${3:-yes}" --daemonize yes \
    --pidfile "$F/redis/$1.pid" --dir "$F/redis" --save '' --logfile "$F/redis/$1.log"; sleep 0.5; }
redis_stop() { local pf="$F/redis/$1.pid"; if alive "$pf"; then kill "$(cat "$pf")"; sleep 0.5; fi; rm -f "$pf"; }
c_redis_lo2() { case $1 in start) alive "$F/redis/lo2.pid" || redis_fleet lo2 '127.0.0.1 -::1' ;; stop) redis_stop lo2 ;; esac; }
c_redis_lo()  { case $1 in start) alive "$F/redis/lo.pid"  || redis_fleet lo  '127.0.0.1' ;;      stop) redis_stop lo ;; esac; }
c_redis_any() { case $1 in start) alive "$F/redis/any.pid" || redis_fleet any '0.0.0.0' no ;;    stop) redis_stop any ;; esac; }
c_sshd2222()  { case $1 in start) detect_addrs 2>/dev/null; start_sshd ;; stop) stop_pf sshd-2222 ;; esac; }
c_inetd()   { case $1 in start) fstart inetd inetutils-inetd -d --pidfile="$F/inetd-own.pid" "$F/inetd.conf" ;; stop) fstop inetd ;; esac; }
c_vsftpd()  { case $1 in start) fstart vsftpd /usr/sbin/vsftpd /etc/vsftpd.conf ;; stop) fstop vsftpd ;; esac; }
c_rpcbind() { case $1 in start) fstart rpcbind rpcbind -f -w ;; stop) fstop rpcbind ;; esac; }
c_rsyncd()  { case $1 in start) fstart rsyncd rsync --daemon --no-detach --config="$F/rsyncd.conf" ;; stop) fstop rsyncd ;; esac; }
c_docker() { # stand-ins: the Docker engine's TLS API and the proxies of two published container ports
  case $1 in
    start) fstart dockerd "$PY" "$F/named_tcp.py" dockerd "$V4" 2376
           fstart dproxy-8080-4 "$PY" "$F/named_tcp.py" docker-proxy 0.0.0.0 8080
           fstart dproxy-8080-6 "$PY" "$F/named_tcp.py" docker-proxy :: 8080 v6only
           fstart dproxy-5000 "$PY" "$F/named_tcp.py" docker-proxy 127.0.0.1 5000 ;;
    stop) for n in dockerd dproxy-8080-4 dproxy-8080-6 dproxy-5000; do fstop $n; done ;;
  esac; }
c_prometheus() { case $1 in
    start) fstart prometheus setpriv --reuid=prometheus --regid=prometheus --init-groups -- prometheus --config.file="$F/prometheus.yml" \
             --storage.tsdb.path="$F/prometheus" --web.listen-address="$V4:9090" ;;
    stop) fstop prometheus ;; esac; }
c_alertmanager() { case $1 in
    start) fstart alertmanager setpriv --reuid=prometheus --regid=prometheus --init-groups -- prometheus-alertmanager --config.file="$F/alertmanager.yml" \
             --storage.path="$F/alertmanager" --cluster.listen-address= ;;
    stop) fstop alertmanager ;; esac; }
c_postfix() { case $1 in start) postfix status >/dev/null 2>&1 || postfix start 2>>"$F/postfix.log" ;;
                         stop) postfix status >/dev/null 2>&1 && postfix stop 2>>"$F/postfix.log"; sleep 1 ;; esac; true; }
c_dovecot() { case $1 in start) fstart dovecot dovecot -F ;; stop) fstop dovecot ;; esac; }

ALL_COMPONENTS="nginx nginx_no8080 haproxy gunicorn nodeapp memcached nodeexp pg5432 pg5433 mariadb
  redis_lo2 redis_lo redis_any sshd2222 inetd vsftpd rpcbind rsyncd docker prometheus alertmanager postfix dovecot"

# listeners each component adds: proto:port:process (ss shows the kernel comm name)
expect_of() {
  case $1 in
    nginx) echo tcp:80:nginx tcp:443:nginx tcp:8080:nginx ;;
    nginx_no8080) echo tcp:80:nginx tcp:443:nginx ;;
    haproxy) echo tcp:8080:haproxy ;;
    gunicorn) echo tcp:8000:gunicorn ;;
    nodeapp) echo tcp:8081:node ;;
    memcached) echo tcp:11211:memcached udp:11211:memcached ;;
    nodeexp) echo tcp:9100:prometheus-node ;;
    pg5432) echo tcp:5432:postgres ;;
    pg5433) echo tcp:5433:postgres ;;
    mariadb) echo tcp:3306:mariadbd ;;
    redis_lo2|redis_lo|redis_any) echo tcp:6379:redis-server ;;
    sshd2222) echo tcp:2222:sshd ;;
    inetd) echo tcp:23:inetutils-inetd ;;
    vsftpd) echo tcp:21:vsftpd ;;
    rpcbind) echo tcp:111:rpcbind udp:111:rpcbind ;;
    rsyncd) echo tcp:873:rsync ;;
    docker) echo tcp:2376:dockerd tcp:8080:docker-proxy tcp:5000:docker-proxy ;;
    prometheus) echo tcp:9090:prometheus ;;
    alertmanager) echo tcp:9093:prometheus-aler ;;
    postfix) echo tcp:25:master tcp:587:master ;;
    dovecot) echo tcp:143:dovecot tcp:993:dovecot ;;
  esac
}
# every host: sshd (stock), the local DNS stub (dnsmasq on 127.0.0.53) and the hypervisor's
# guest agent on 2024, which belongs to the machine and whose process is never shown
COMMON="tcp:22:sshd tcp:53:dnsmasq udp:53:dnsmasq tcp:2024:-"

# --------------------------------------------------------------------------
# the fleet: host -> components, per month
# --------------------------------------------------------------------------
components_of() { # MONTH HOST
  local m=$1 h=$2
  case $h in
    web01|web02|web06) echo nginx gunicorn nodeexp ;;
    web03) echo nginx gunicorn nodeexp; [ "$m" = 2026-11 ] && echo nodeapp ;;
    web04) echo nginx gunicorn memcached nodeexp ;;
    web05) if [ "$m" = 2026-10 ]; then echo nginx gunicorn nodeexp; else echo nginx_no8080 haproxy gunicorn nodeexp; fi ;;
    db01) echo pg5432 nodeexp ;;
    db02) if [ "$m" = 2026-10 ]; then echo pg5432 nodeexp; else echo pg5433 nodeexp; fi ;;
    db03) echo mariadb nodeexp ;;
    cache01) echo redis_lo2 memcached nodeexp ;;
    cache02) if [ "$m" = 2026-10 ]; then echo redis_lo memcached nodeexp; else echo redis_any memcached nodeexp; fi ;;
    cache03) echo redis_lo2 nodeexp ;;
    bastion01) echo ;;
    bastion02) echo sshd2222 ;;
    legacy01) if [ "$m" = 2026-10 ]; then echo inetd vsftpd rpcbind; else echo vsftpd rpcbind; fi ;;
    legacy02) echo inetd rpcbind rsyncd ;;
    legacy03) echo inetd vsftpd rpcbind ;;
    docker01) echo docker nodeexp ;;
    mon01) echo prometheus alertmanager nodeexp ;;
    mail01) echo postfix dovecot nodeexp ;;
    *) flog "unknown host $h"; exit 2 ;;
  esac
}
HOSTS_2026_10="web01 web02 web03 web04 web05 db01 db02 db03 cache01 cache02 cache03 bastion01 bastion02 legacy01 legacy02 legacy03 docker01 mon01 mail01"
HOSTS_2026_11="web01 web02 web03 web04 web05 web06 db01 db02 db03 cache01 cache02 cache03 bastion01 bastion02 legacy01 legacy02 docker01 mon01 mail01"

# the listeners ss shows now, as sorted proto:port:process lines ("-" when no process is shown)
listening_now() {
  ss -Hlntup | awk '{
      n = split($5, a, ":"); port = a[n]; proc = "-"
      if (match($0, /users:\(\("[^"]*"/)) { proc = substr($0, RSTART + 9, RLENGTH - 10) }
      print $1 ":" port ":" proc }' | sort -u
}

set_host() { # MONTH HOST: stop what the host must not run, start what it must
  local want c
  want=" $(components_of "$1" "$2" | tr '\n' ' ') "
  for c in $ALL_COMPONENTS; do [[ $want == *" $c "* ]] || "c_$c" stop; done
  for c in $ALL_COMPONENTS; do [[ $want == *" $c "* ]] && "c_$c" start; done
  true
}

expected_of() { # MONTH HOST
  local c
  { for e in $COMMON; do echo "$e"; done
    for c in $(components_of "$1" "$2"); do for e in $(expect_of "$c"); do echo "$e"; done; done; } | sort -u
}

capture_host() { # MONTH HOST
  local m=$1 h=$2 out="$FLEET/$1/$2.ss.txt"
  set_host "$m" "$h"
  expected_of "$m" "$h" > "$F/expected.txt"
  for i in $(seq 1 120); do
    listening_now > "$F/actual.txt"
    if cmp -s "$F/expected.txt" "$F/actual.txt"; then
      sleep 1
      ss -lntup > "$F/capture.txt"
      # the listing itself must still be exactly the expected set
      listening_now > "$F/actual.txt"
      if cmp -s "$F/expected.txt" "$F/actual.txt"; then
        mv "$F/capture.txt" "$out"
        flog "$m/$h.ss.txt: $(($(wc -l < "$out") - 1)) listeners ($(components_of "$m" "$h" | tr '\n' ' '))"
        return 0
      fi
    fi
    [ $((i % 10)) = 0 ] && { flog "$m/$h: waiting for the expected listeners:"; diff "$F/expected.txt" "$F/actual.txt" >&2; }
    sleep 1
  done
  flog "$m/$h: gave up; expected vs actual:"; diff "$F/expected.txt" "$F/actual.txt" >&2
  return 1
}

capture_month() {
  local m=$1 hosts h
  mkdir -p "$FLEET/$m"
  hosts=HOSTS_${m//-/_}
  for h in ${!hosts}; do capture_host "$m" "$h" || exit 1; done
}

stop_fleet() { local c; for c in $ALL_COMPONENTS; do "c_$c" stop; done; }

restore() {
  stop_fleet
  flog "starting capture.sh's daemon set again"
  bash "$FLEET/../capture.sh" daemons
}

detect_addrs
write_helpers
write_fleet_files
case "$WHAT" in
  all) stop_sample_daemons; capture_month 2026-10; capture_month 2026-11; restore ;;
  2026-10|2026-11) stop_sample_daemons; capture_month "$WHAT"; restore ;;
  restore) restore ;;
  *) echo "usage: $0 [all|2026-10|2026-11|restore]" >&2; exit 2 ;;
esac
flog "done"
