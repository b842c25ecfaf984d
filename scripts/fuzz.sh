#!/usr/bin/env bash
# Coverage-guided fuzzing of graphwiz-core (cargo-fuzz + libFuzzer) on the stable toolchain.
#
#   scripts/fuzz.sh short          every target for ~10 s (CI)
#   scripts/fuzz.sh long [SECS]    every target for SECS seconds (default 300)
#   scripts/fuzz.sh list           the targets
#
# Stable rustc accepts the nightly-only flags cargo-fuzz passes (-Zsanitizer=address, …) when
# RUSTC_BOOTSTRAP=1 is set; see docs/fuzzing.md. Installs cargo-fuzz from crates.io when it is
# missing. Each target starts from fuzz/seeds/<target> plus what earlier runs found
# (fuzz/corpus/<target>, not committed); a crash stops the run, its input is kept in
# fuzz/artifacts/<target>/ and the script exits 1. Prints executions per target, then
# "fuzz: N passed, N failed". Environment: FUZZ_TARGETS="a b" limits the targets,
# FUZZ_JOBS=N runs N processes per target (default 1), FUZZ_SANITIZER=none|address (default
# address). The fuzz build keeps its own target dir (sanitizer flags must not mix with the
# workspace build): fuzz/target, or GRAPHWIZ_FUZZ_TARGET_DIR (CI points it outside the clone so
# repeated runs reuse it); CARGO_TARGET_DIR is ignored.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
MODE="${1:-short}"
case "$MODE" in
  short) SECS="${2:-10}" ;;
  long) SECS="${2:-300}" ;;
  list) SECS=0 ;;
  *)
    echo "usage: scripts/fuzz.sh short | long [SECS] | list" >&2
    exit 2
    ;;
esac
[[ "$SECS" =~ ^[0-9]+$ ]] || { echo "fuzz: SECS must be a whole number of seconds" >&2; exit 2; }
[[ "${FUZZ_JOBS:-1}" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: FUZZ_JOBS must be a positive number" >&2; exit 2; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# The fuzz project's own target dir: the sanitizer flags must not mix with the workspace build.
unset CARGO_TARGET_DIR
TARGET_DIR="${GRAPHWIZ_FUZZ_TARGET_DIR:-$FUZZ/target}"
mkdir -p "$TARGET_DIR" || { echo "fuzz: cannot create $TARGET_DIR" >&2; exit 3; }
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io (cargo install cargo-fuzz --locked)"
  cargo install cargo-fuzz --locked || { echo "fuzz: could not install cargo-fuzz" >&2; exit 3; }
fi

cd "$FUZZ" || exit 3
mapfile -t ALL < <(cargo fuzz list)
if [ "$MODE" = list ]; then
  printf '%s\n' "${ALL[@]}"
  exit 0
fi
read -r -a TARGETS <<<"${FUZZ_TARGETS:-${ALL[*]}}"
SANITIZER="${FUZZ_SANITIZER:-address}"
JOBS="${FUZZ_JOBS:-1}"

echo "fuzz: building ${#TARGETS[@]} targets (release, debug assertions, sanitizer $SANITIZER) in $TARGET_DIR"
if ! cargo fuzz build -O -a -s "$SANITIZER" --target-dir "$TARGET_DIR"; then
  echo "fuzz: the build failed" >&2
  exit 3
fi

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/graphwiz-fuzz.XXXXXX")"
trap 'rm -rf "$LOGS"' EXIT
passed=0
failed=0
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  log="$LOGS/$t.log"
  echo "fuzz: $t for ${SECS} s"
  # -max_total_time bounds the run; -timeout flags one input slower than 10 s as a hang;
  # -rss_limit_mb flags runaway memory; -print_final_stats gives the execution count.
  parallel=()
  if [ "$JOBS" -gt 1 ]; then
    # libFuzzer then writes each job's log to fuzz-N.log in the current folder.
    parallel=(-jobs="$JOBS" -workers="$JOBS")
  fi
  cargo fuzz run -O -a -s "$SANITIZER" --target-dir "$TARGET_DIR" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "${parallel[@]}" -artifact_prefix="artifacts/$t/" >"$log" 2>&1
  rc=$?
  if [ "$JOBS" -gt 1 ]; then
    cat fuzz-*.log >>"$log" 2>/dev/null
    rm -f fuzz-*.log
  fi
  runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | awk '{s+=$1} END {print s+0}')"
  [ "$runs" = 0 ] && runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')"
  cov="$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')"
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    summary+=("PASS  $t: $runs executions in ${SECS} s, coverage ${cov:-?} edges, corpus $(find "corpus/$t" -type f | wc -l) inputs")
  else
    failed=$((failed + 1))
    summary+=("FAIL  $t: exit $rc after $runs executions; input in fuzz/artifacts/$t/")
    echo "---- $t: last lines of the libFuzzer log ----"
    tail -40 "$log"
  fi
done

echo
printf '  %s\n' "${summary[@]}"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
