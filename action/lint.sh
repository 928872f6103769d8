#!/usr/bin/env bash
# Lints the plans named by INPUT_PLANS with workflow annotations; never fails the step itself:
# the exit code goes to the step's `code` output, so the diff and SARIF steps still run.
set -uo pipefail
smplan() { node "$GITHUB_ACTION_PATH/bin/smplan.js" "$@"; }
shopt -s globstar nullglob

files=()
read -ra patterns <<< "${INPUT_PLANS:-}"
for pattern in "${patterns[@]}"; do
  for file in $pattern; do
    [ -f "$file" ] && files+=("$file")
  done
done
list="${RUNNER_TEMP:-/tmp}/smplan-plans.txt"
: > "$list"
if [ "${#files[@]}" -eq 0 ]; then
  echo "::error title=smplan::no plan file matches: ${INPUT_PLANS:-} (set the action's plans input)"
  echo "code=2" >> "$GITHUB_OUTPUT"
  exit 0
fi
printf '%s\n' "${files[@]}" > "$list"

args=(lint --format github)
[ -n "${INPUT_MAX_WARNINGS:-}" ] && args+=(--max-warnings "$INPUT_MAX_WARNINGS")
smplan "${args[@]}" "${files[@]}"
code=$?
if [ "${INPUT_SARIF:-false}" = true ]; then
  smplan lint --format sarif -o "${RUNNER_TEMP:-/tmp}/smplan.sarif" "${files[@]}" || true
fi
echo "code=$code" >> "$GITHUB_OUTPUT"
