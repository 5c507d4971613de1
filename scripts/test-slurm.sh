#!/usr/bin/env bash
# make test-slurm: a real one-node Slurm cluster on localhost runs a sharded experiment through the
# script `masweep slurm` prints; the merged CSVs must equal a local single run byte for byte.
# Installs Debian's slurm-wlm and munge when missing; starts munged, slurmctld and slurmd with a
# minimal slurm.conf in a scratch directory; shuts everything down on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.build/release/masweep
EXPERIMENT=experiments/ee/fig5.yaml
REALIZATIONS=12
SHARDS=3
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)

missing=""
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "test-slurm: installing$missing"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

work=$(mktemp -d /tmp/masweep-slurm.XXXXXX)
chmod 755 "$work"
host=$(hostname -s)
cpus=$(nproc)
pids=()
cleanup() {
  set +e
  [ -n "${SLURM_CONF:-}" ] && scancel --quiet --user="$(id -un)" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 1
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# munge: a private key and socket, so nothing system-wide is touched.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed"
pids+=("$(cat "$work/munge/munged.pid")")

user=$(id -un)
cat > "$work/slurm.conf" <<CONF
ClusterName=masweep-test
SlurmctldHost=$host
SlurmUser=$user
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"

slurmctld -f "$SLURM_CONF" -D >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -f "$SLURM_CONF" -D >"$work/log/slurmd.out" 2>&1 &
pids+=($!)

# Wait for the node to register.
for _ in $(seq 1 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE 'idle|mixed'; then break; fi
  sleep 1
done
if ! sinfo -h -o '%T' | grep -qE 'idle|mixed'; then
  echo "test-slurm: the node did not come up"; sinfo || true
  tail -n 20 "$work/log/"*.log "$work/log/"*.out || true
  exit 1
fi

echo "test-slurm: local single run"
"$BIN" run "$EXPERIMENT" --realizations "$REALIZATIONS" --output-dir "$work/local" --quiet >/dev/null

echo "test-slurm: submitting $SHARDS shards + merge"
"$BIN" slurm "$EXPERIMENT" --shards "$SHARDS" --realizations "$REALIZATIONS" --output-dir "$work/cluster" \
  --partition test --time 00:10:00 --cpus-per-task 1 > "$work/submit.sh"
bash "$work/submit.sh"

for _ in $(seq 1 300); do
  [ -z "$(squeue -h -u "$user" 2>/dev/null)" ] && break
  sleep 1
done
if [ -n "$(squeue -h -u "$user")" ]; then
  echo "test-slurm: jobs did not finish in 5 minutes"; squeue; exit 1
fi

status=0
for f in fig5.csv fig5-displacement.csv; do
  if cmp -s "$work/local/ee/$f" "$work/cluster/ee/$f"; then
    echo "test-slurm: $f identical to the single run"
  else
    echo "test-slurm: $f differs from the single run (or is missing)"; status=1
  fi
done
if [ "$status" -ne 0 ]; then
  cat "$work/cluster/ee/slurm-logs/"* 2>/dev/null || true
  tail -n 30 "$work/log/slurmctld.log" "$work/log/slurmd.log" 2>/dev/null || true
fi
exit "$status"
