#!/usr/bin/env bash
# Vendored from the workplace tools (shared/tools/measure-tui.sh) so scripts/bench runs from this
# project alone. Unchanged below this line apart from the first line.
# measure.sh - run a TUI inside a detached tmux pane of fixed size and measure
#              its steady-state cost (CPU, wakeups, RSS, bytes to terminal),
#              launch-to-first-frame time and (optionally) keypress latency.
#
# Usage:
#   measure.sh [options] -- 'COMMAND LINE'
#
#   The command line is run by the pane's shell as `exec COMMAND LINE`, so it
#   must be a simple command (a leading `env VAR=value ...` is fine; no pipes,
#   no `;`).  Then the pane's PID *is* the app's PID.  CPU is still summed over
#   the whole process tree below the pane, in case the app forks.
#
# Options:
#   -t LABEL   label used in output / file names          (default: app)
#   -n SECS    measurement window in seconds               (default: 30)
#   -r REPS    repetitions; medians printed at the end     (default: 1)
#   -k KEYS    tmux send-keys key list sent once after the first frame to put
#              the app into the state to be measured, e.g. -k Space or
#              -k '2 Space'. Keys are sent one at a time, 150 ms apart.
#   -s SECS    settle time after start keys, before the window  (default: 2)
#   -l KEY     latency probe key (tmux key name, e.g. Space, m, '?').  It must
#              toggle something visible; it is pressed an even number of times
#              so the app ends in the state it started in.
#   -p REGEX   latency probe pattern (grep -E) whose presence on screen flips
#              with each press of KEY, e.g. 'PAUSED'.  Strongly recommended for
#              apps whose screen ticks by itself; without -p "latency" is the
#              time to *any* screen change, only honest on a static screen.
#   -m N       latency samples (even number)               (default: 10)
#   -e         latency probe matches -p against `capture-pane -e` output, i.e.
#              with SGR escapes, for apps whose toggle only changes a colour
#              (e.g. -e -p $'\e\\[91m' for "clock turns bright red")
#   -f MARKER  literal byte string (printf %b escapes) counted in the window's
#              output to give frames/s; default '\033[0m\033[?25' = the
#              reset + cursor hide/show that ratatui's Terminal::draw emits
#              once per draw() (crossterm backend), even when no cell changed.
#              For other apps pick their per-frame prefix, e.g. '\033[1;1H'.
#   -x COLS    pane width                                  (default: 120)
#   -y ROWS    pane height                                 (default: 40)
#   -o DIR     output dir for logs / screenshots / results.tsv
#              (default: ${TMPDIR:-/tmp}/measure-tui)
#
# Output: one line per run plus (for -r > 1) a MEDIAN line, and the same rows
# appended to DIR/results.tsv (tab separated, header on first use).
#
# Metrics:
#   launch_ms   time from releasing the app (exec) to the first capture-pane
#               with a non-blank character (poll every ~1 ms + capture cost;
#               includes harness overhead: compare with the floor command
#               `sh -c 'printf x; exec sleep 1d'`)
#   cpu_pct     (utime+stime) delta of the app's process tree over the window,
#               /proc/PID/stat, 10 ms tick resolution, as % of ONE core
#   cpu_ns_pct  same from /proc/PID/task/*/schedstat (ns resolution, live
#               threads only) - cross-check for very idle apps
#   wakeups_s   (voluntary+involuntary context switches of all threads)/s
#   rss_mib     VmHWM (peak RSS) of the app process at the end of the window
#   frames_s    occurrences of MARKER (-f) in the window's output per second
#   bytes_s     bytes the app wrote to its pty during the window, via
#               `tmux pipe-pane` (everything tmux reads from the pane)
#   tmux_pct    CPU % of the tmux server during the window (terminal-side
#               cost of parsing the app's output; includes capture-pane calls
#               made by this script at window start/end only)
#   lat_ms      median / min / max of key -> visible change on the screen
#               (tmux send-keys -> app -> pty -> tmux -> capture-pane), polled
#               every ~1 ms + capture cost (~1-2 ms); compare with the floor
#               app a bare shell (bash, toggles ON/off per key)
set -u

LABEL=app; N=30; REPS=1; SETTLE=2; LKEY=""; LPAT=""; LSAMPLES=10
COLS=120; ROWS=40; OUTDIR=${TMPDIR:-/tmp}/measure-tui
declare -a START_KEYS=()
ESC_CAP=""; FMARK='\033[0m\033[?25'
while getopts "t:n:r:k:s:l:p:m:f:x:y:o:eh" opt; do
  case $opt in
    t) LABEL=$OPTARG ;; n) N=$OPTARG ;; r) REPS=$OPTARG ;;
    k) START_KEYS+=("$OPTARG") ;; s) SETTLE=$OPTARG ;;
    l) LKEY=$OPTARG ;; p) LPAT=$OPTARG ;; m) LSAMPLES=$OPTARG ;; f) FMARK=$OPTARG ;;
    x) COLS=$OPTARG ;; y) ROWS=$OPTARG ;; o) OUTDIR=$OPTARG ;; e) ESC_CAP=-e ;;
    h|*) awk 'NR>1 && /^#/ {sub(/^# ?/,""); print; next} NR>1 {exit}' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND-1))
[ $# -ge 1 ] || { echo "usage: $0 [options] -- 'COMMAND LINE'" >&2; exit 2; }
if [ $# -eq 1 ]; then CMD=$1; else CMD=$(printf '%q ' "$@"); fi

mkdir -p "$OUTDIR"
SOCK=measure-tui                      # dedicated tmux server, never the user's
T() { tmux -L "$SOCK" "$@"; }
HZ=$(getconf CLK_TCK)
exec {SLEEPFD}<> <(:)                # builtin sub-second sleep: read -t
nap() { read -r -t "$1" -u "$SLEEPFD" _ 2>/dev/null; }
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }   # microseconds
SESS=""; HOLD=""

cleanup() {
  [ -n "$SESS" ] && T kill-session -t "=$SESS" 2>/dev/null
  [ -n "$HOLD" ] && T kill-session -t "=$HOLD" 2>/dev/null
  SESS=""; HOLD=""
}
trap cleanup EXIT INT TERM

# all pids in the tree rooted at $1
tree_pids() {
  local p=$1 kids c
  echo "$p"
  kids=$(cat /proc/"$p"/task/*/children 2>/dev/null)
  for c in $kids; do tree_pids "$c"; done
}
# utime+stime+cutime+cstime ticks summed over the tree (includes dead threads of
# live procs and reaped children, e.g. commands the app spawns)
tree_ticks() {
  local s=0 p f
  for p in $(tree_pids "$1"); do
    f=$(cat /proc/"$p"/stat 2>/dev/null) || continue
    f=${f##*) }                      # strip "pid (comm) "
    set -- $f                        # $1 = field 3 => utime=$12 stime=$13 cutime=$14 cstime=$15
    s=$((s + ${12} + ${13} + ${14} + ${15}))
  done
  echo $s
}
# ns on cpu summed over live threads of the tree
tree_ns() {
  local s=0 p t v
  for p in $(tree_pids "$1"); do
    for t in /proc/"$p"/task/*/schedstat; do
      read -r v _ < "$t" 2>/dev/null && s=$((s + v))
    done
  done
  echo $s
}
# context switches (voluntary + involuntary) summed over live threads
tree_csw() {
  local s=0 p t
  for p in $(tree_pids "$1"); do
    for t in /proc/"$p"/task/*/status; do
      s=$((s + $(awk '/ctxt_switches/ {x+=$2} END {print x+0}' "$t" 2>/dev/null)))
    done
  done
  echo $s
}
nthreads() { local n=0 p; for p in $(tree_pids "$1"); do n=$((n + $(ls /proc/"$p"/task | wc -l))); done; echo $n; }
pid_ticks() { local f; f=$(cat /proc/"$1"/stat); f=${f##*) }; set -- $f; echo $((${12} + ${13})); }
fsize() { stat -c %s "$1" 2>/dev/null || echo 0; }
cap() { T capture-pane -p -t "=$SESS:" 2>/dev/null; }
lcap() { T capture-pane -p $ESC_CAP -t "=$SESS:" 2>/dev/null; }   # latency probe
median() { tr ' ' '\n' | grep -v '^$' | grep -v '^NA$' | sort -g | awk '{v[NR]=$1} END { if (NR==0) {print "NA"} else if (NR%2) {print v[(NR+1)/2]} else {printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2} }'; }

run_once() {
  local rep=$1; local tag="${LABEL}_r${rep}" base
  base="$OUTDIR/$tag"
  SESS="pp_${LABEL//[^A-Za-z0-9_]/_}_$$_$rep"
  HOLD="${SESS}_hold"
  rm -f "$base".bytes "$base".*.txt

  # 1. server + a holder session, so server start-up is not in launch_ms
  T -f /dev/null new-session -d -s "$HOLD" -x "$COLS" -y "$ROWS" 'exec sleep 100000' || return 1
  T set -g default-terminal tmux-256color
  T set -g history-limit 0
  # 2. the app's session, gated on `wait-for`, so pipe-pane is attached first
  T new-session -d -s "$SESS" -x "$COLS" -y "$ROWS" \
      "tmux -L $SOCK wait-for go_$SESS; exec $CMD" || return 1
  T pipe-pane -t "=$SESS:" "cat > '$base.bytes'"
  local size pid t0 t1 launch_us
  size=$(T display -p -t "=$SESS:" '#{pane_width}x#{pane_height}')
  nap 0.3
  t0=$(now_us)
  T wait-for -S "go_$SESS"
  # 3. launch-to-first-frame
  while :; do
    if cap | grep -q '[^[:space:]]'; then break; fi
    t1=$(now_us)
    if (( t1 - t0 > 20000000 )); then echo "[$tag] no frame in 20 s" >&2; break; fi
    nap 0.001
  done
  t1=$(now_us); launch_us=$((t1 - t0))
  pid=$(T list-panes -t "=$SESS:" -F '#{pane_pid}')
  local comm; comm=$(cat /proc/"$pid"/comm 2>/dev/null)
  cap > "$base.first.txt"
  # 4. put app in the state to measure
  local k kk
  for k in "${START_KEYS[@]}"; do
    for kk in $k; do T send-keys -t "=$SESS:" "$kk"; nap 0.15; done
  done
  nap "$SETTLE"
  # 5. measurement window
  local tmuxpid; tmuxpid=$(T display -p '#{pid}')
  cap > "$base.start.txt"
  local w0 c0 n0 s0 b0 x0 w1 c1 n1 s1 b1 x1
  x0=$(pid_ticks "$tmuxpid"); c0=$(tree_ticks "$pid"); n0=$(tree_ns "$pid")
  s0=$(tree_csw "$pid"); b0=$(fsize "$base.bytes"); w0=$(now_us)
  sleep "$N"
  w1=$(now_us); c1=$(tree_ticks "$pid"); n1=$(tree_ns "$pid")
  s1=$(tree_csw "$pid"); b1=$(fsize "$base.bytes"); x1=$(pid_ticks "$tmuxpid")
  cap > "$base.end.txt"
  local hwm thr; hwm=$(awk '/VmHWM/ {print $2}' /proc/"$pid"/status); thr=$(nthreads "$pid")
  local wall cpu_s cpu_pct cpuns_pct wk_s rss bytes_s tmux_pct changed dus=$((w1 - w0))
  wall=$(awk -v u=$dus 'BEGIN{printf "%.3f", u/1e6}')
  cpu_s=$(awk -v t=$((c1 - c0)) -v hz=$HZ 'BEGIN{printf "%.2f", t/hz}')
  cpu_pct=$(awk -v t=$((c1 - c0)) -v hz=$HZ -v u=$dus 'BEGIN{printf "%.3f", 100*(t/hz)/(u/1e6)}')
  cpuns_pct=$(awk -v n=$((n1 - n0)) -v u=$dus 'BEGIN{printf "%.3f", 100*(n/1e9)/(u/1e6)}')
  wk_s=$(awk -v c=$((s1 - s0)) -v u=$dus 'BEGIN{printf "%.1f", c/(u/1e6)}')
  rss=$(awk -v k="$hwm" 'BEGIN{printf "%.1f", k/1024}')
  bytes_s=$(awk -v b=$((b1 - b0)) -v u=$dus 'BEGIN{printf "%.0f", b/(u/1e6)}')
  local nfr fr_s
  nfr=$(tail -c +$((b0 + 1)) "$base.bytes" | head -c $((b1 - b0)) | grep -a -o -F -- "$(printf '%b' "$FMARK")" | wc -l)
  fr_s=$(awk -v n="$nfr" -v u=$dus 'BEGIN{printf "%.2f", n/(u/1e6)}')
  tmux_pct=$(awk -v t=$((x1 - x0)) -v hz=$HZ -v u=$dus 'BEGIN{printf "%.3f", 100*(t/hz)/(u/1e6)}')
  if cmp -s "$base.start.txt" "$base.end.txt"; then changed=no; else changed=yes; fi
  # 6. keypress latency
  local lat_med=NA lat_min=NA lat_max=NA lats="" i st0 st1 scr p0 ta tb ok
  if [ -n "$LKEY" ]; then
    for ((i = 0; i < LSAMPLES; i++)); do
      nap "0.$((RANDOM % 200 + 100))"          # de-phase from the app's tick
      scr=$(lcap); st0=0
      [ -n "$LPAT" ] && grep -Eq -- "$LPAT" <<<"$scr" && st0=1
      ok=0; ta=$(now_us)
      T send-keys -t "=$SESS:" "$LKEY"
      while :; do
        p0=$(lcap); tb=$(now_us)
        if [ -n "$LPAT" ]; then
          st1=0; grep -Eq -- "$LPAT" <<<"$p0" && st1=1
          [ "$st1" != "$st0" ] && { ok=1; break; }
        else
          [ "$p0" != "$scr" ] && { ok=1; break; }
        fi
        (( tb - ta > 3000000 )) && break
        nap 0.001
      done
      if (( ok )); then lats+=" $(awk -v u=$((tb - ta)) 'BEGIN{printf "%.1f", u/1000}')"; else lats+=" NA"; fi
    done
    lat_med=$(echo "$lats" | median)
    lat_min=$(echo "$lats" | tr ' ' '\n' | grep -v '^$' | grep -v NA | sort -g | head -1)
    lat_max=$(echo "$lats" | tr ' ' '\n' | grep -v '^$' | grep -v NA | sort -g | tail -1)
  fi
  cleanup
  local launch_ms; launch_ms=$(awk -v u="$launch_us" 'BEGIN{printf "%.1f", u/1000}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$(date -u +%FT%TZ)" "$LABEL" "$rep" "$size" "$comm" "$thr" "$launch_ms" "$wall" "$cpu_s" \
    "$cpu_pct" "$cpuns_pct" "$wk_s" "$rss" "$bytes_s" "$fr_s" "$tmux_pct" "$changed" \
    "$lat_med/${lat_min:-NA}/${lat_max:-NA}" >> "$OUTDIR/results.tsv"
  printf '[%s] pane=%s comm=%s threads=%s launch=%sms window=%ss cpu=%ss cpu%%=%s (schedstat %s) wakeups/s=%s peakRSS=%sMiB bytes/s=%s frames/s=%s tmux%%=%s screen_changed=%s latency_ms(med/min/max)=%s/%s/%s samples:%s\n' \
    "$tag" "$size" "$comm" "$thr" "$launch_ms" "$wall" "$cpu_s" "$cpu_pct" "$cpuns_pct" "$wk_s" \
    "$rss" "$bytes_s" "$fr_s" "$tmux_pct" "$changed" "$lat_med" "${lat_min:-NA}" "${lat_max:-NA}" "${lats:- -}"
  R_LAUNCH+=" $launch_ms"; R_CPU+=" $cpu_pct"; R_CPUNS+=" $cpuns_pct"; R_WK+=" $wk_s"
  R_RSS+=" $rss"; R_BYTES+=" $bytes_s"; R_FPS+=" $fr_s"; R_TMUX+=" $tmux_pct"; R_LAT+=" $lat_med"
}

[ -f "$OUTDIR/results.tsv" ] || printf 'time\tlabel\trep\tpane\tcomm\tthreads\tlaunch_ms\twindow_s\tcpu_s\tcpu_pct\tcpu_ns_pct\twakeups_s\tpeak_rss_mib\tbytes_s\tframes_s\ttmux_pct\tscreen_changed\tlat_ms_med/min/max\n' > "$OUTDIR/results.tsv"
R_LAUNCH=""; R_CPU=""; R_CPUNS=""; R_WK=""; R_RSS=""; R_BYTES=""; R_FPS=""; R_TMUX=""; R_LAT=""
echo "# $LABEL: cmd=[$CMD] window=${N}s reps=$REPS start_keys=[${START_KEYS[*]-}] latency_key=[$LKEY] pattern=[$LPAT]"
for ((r = 1; r <= REPS; r++)); do run_once "$r" || echo "[$LABEL r$r] failed" >&2; done
if (( REPS > 1 )); then
  printf 'MEDIAN %s (n=%s): launch_ms=%s cpu%%=%s cpu_ns%%=%s wakeups/s=%s peakRSS_MiB=%s bytes/s=%s frames/s=%s tmux%%=%s latency_ms=%s\n' \
    "$LABEL" "$REPS" "$(echo $R_LAUNCH | median)" "$(echo $R_CPU | median)" "$(echo $R_CPUNS | median)" \
    "$(echo $R_WK | median)" "$(echo $R_RSS | median)" "$(echo $R_BYTES | median)" \
    "$(echo $R_FPS | median)" "$(echo $R_TMUX | median)" "$(echo $R_LAT | median)"
  printf '%s\t%s\tMEDIAN\t\t\t\t%s\t\t\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\n' "$(date -u +%FT%TZ)" "$LABEL" \
    "$(echo $R_LAUNCH | median)" "$(echo $R_CPU | median)" "$(echo $R_CPUNS | median)" \
    "$(echo $R_WK | median)" "$(echo $R_RSS | median)" "$(echo $R_BYTES | median)" "$(echo $R_FPS | median)" \
    "$(echo $R_TMUX | median)" "$(echo $R_LAT | median)" >> "$OUTDIR/results.tsv"
fi
