#!/usr/bin/env bash
# Kill-and-resume check (issue 6): trains the same run twice with the same seed. Run A goes
# through uninterrupted. Run B is killed with SIGKILL in the middle of a step after its first
# saved state, then continued with `skillnet train --resume`. The two results.json must be
# byte-identical. Prints MATCH or DIFFER and exits 0 or 1.
#
# Usage: scripts/kill-and-resume.sh [WORK_DIR]   (build first: mvn -q -B -ntp -DskipTests package)
# Environment: STEPS (default 1200), EVAL_EVERY (default 300), KILL_AFTER_STEP (default 450).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$(mktemp -d -t skillnet-kill.XXXXXX)}"
STEPS="${STEPS:-1200}"
EVAL_EVERY="${EVAL_EVERY:-300}"
KILL_AFTER_STEP="${KILL_AFTER_STEP:-450}"
ARGS=(--size tiny --steps "$STEPS" --eval-every "$EVAL_EVERY" --log-every 10 --lr 1e-3
      --data "$HERE/data/samples" --seed 7)
mkdir -p "$WORK"
echo "work folder: $WORK"

echo "run A: $STEPS steps, uninterrupted"
"$HERE/skillnet" train --out "$WORK/a" "${ARGS[@]}" > "$WORK/a.log" 2>&1

echo "run B: the same, killed with SIGKILL once step $KILL_AFTER_STEP has been logged"
"$HERE/skillnet" train --out "$WORK/b" "${ARGS[@]}" > "$WORK/b.log" 2>&1 &
PID=$!
while kill -0 "$PID" 2>/dev/null; do
  if grep -q "step $KILL_AFTER_STEP/" "$WORK/b.log"; then
    kill -KILL "$PID"
    break
  fi
  sleep 0.05
done
wait "$PID" 2>/dev/null || true
if [ -f "$WORK/b/results.json" ]; then
  echo "run B finished before it could be killed; lower KILL_AFTER_STEP" >&2
  exit 2
fi
SAVED=$(grep -o '"step": [0-9]*' "$WORK/b/last/state.json" | grep -o '[0-9]*$')
echo "run B killed after its state of step $SAVED was saved (log: $(grep -o 'step [0-9]*/' "$WORK/b.log" | tail -1))"
echo "run B: skillnet train --resume $WORK/b"
"$HERE/skillnet" train --resume "$WORK/b" > "$WORK/b-resume.log" 2>&1

if cmp -s "$WORK/a/results.json" "$WORK/b/results.json"; then
  echo "MATCH: results.json of the resumed run is byte-identical to the uninterrupted run's"
  exit 0
fi
echo "DIFFER: results.json differs between the uninterrupted and the resumed run"
diff "$WORK/a/results.json" "$WORK/b/results.json" || true
exit 1
