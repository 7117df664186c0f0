#!/bin/sh
# A stand-in for the terraform binary in the Terraform target's tests (a shell script: it starts in milliseconds).
# Logs "<folder> TAB <extra providers file present> TAB <arguments>" to FAKE_TF_LOG, answers `show -json <plan>` from
# FAKE_TF_PLANS/<plan>.json and `show -json` from FAKE_TF_STATE, fails the command named by FAKE_TF_FAIL, and makes
# `plan` wait for SIGINT when FAKE_TF_SLOW_PLAN is set.
command=$1
shift
[ "$1" = "-no-color" ] && shift
extra=false
[ -f rollout-providers.tf.json ] && extra=true
sleeper=
# The trap is in place before the log line the test waits for, so a Ctrl-C that follows that line is always seen.
if [ "$command" = plan ] && [ -n "$FAKE_TF_SLOW_PLAN" ]; then
  trap '[ -n "$sleeper" ] && kill $sleeper; printf "%s\t%s\t%s\n" "$PWD" "$extra" "plan stopped by SIGINT" >> "$FAKE_TF_LOG"; exit 1' INT
fi
printf '%s\t%s\t%s %s\n' "$PWD" "$extra" "$command" "$*" >> "$FAKE_TF_LOG"
if [ "$FAKE_TF_FAIL" = "$command" ]; then
  printf '╷\n│ Error: fake %s failure\n│\n│ with details\n╵\n' "$command" >&2
  exit 1
fi
case "$command" in
  plan)
    for arg in "$@"; do case "$arg" in -out=*) : > "${arg#-out=}" ;; esac; done
    if [ -n "$FAKE_TF_SLOW_PLAN" ]; then
      sleep 30 &
      sleeper=$!
      wait $sleeper
    fi ;;
  show)
    if [ -n "$2" ]; then cat "$FAKE_TF_PLANS/$2.json"; else cat "$FAKE_TF_STATE"; fi ;;
  apply)
    echo 'Apply complete! Resources: 0 added, 1 changed, 0 destroyed.' ;;
esac
