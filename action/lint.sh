#!/usr/bin/env bash
# Lints the plans named by INPUT_PLANS with workflow annotations; never fails the step itself:
# the exit code goes to the step's `code` output, so the diff and SARIF steps still run.
set -uo pipefail
smplan() { node "$GITHUB_ACTION_PATH/bin/smplan.js" "$@"; }
shopt -s globstar nullglob

# Plan files come from the pull request: a link may point anywhere on the runner. Only a file
# whose real path stays inside the workspace is read; a link out of it is refused (exit code 2),
# so its content never reaches an annotation. A name starting with "-" is passed as "./-…", never
# as an option; a name with a line break or control character cannot be listed safely and is refused.
workspace="$(realpath -e -- "${GITHUB_WORKSPACE:-$PWD}")"
refused=0
files=()
read -ra patterns <<< "${INPUT_PLANS:-}"
for pattern in "${patterns[@]}"; do
  for file in $pattern; do
    [ -f "$file" ] || continue
    if [[ "$file" == *[[:cntrl:]]* ]]; then
      echo "::error title=smplan::refused a plan whose name has a control character or line break"
      refused=1
      continue
    fi
    real="$(realpath -e -- "$file" 2> /dev/null)" || continue
    if [[ "$real" != "$workspace"/* ]]; then
      shown="${file//%/%25}"
      echo "::error title=smplan::refused ${shown}: a link to outside the workspace (only files inside the checkout are read)"
      refused=1
      continue
    fi
    [[ "$file" == -* ]] && file="./$file"
    files+=("$file")
  done
done
list="${RUNNER_TEMP:-/tmp}/smplan-plans.txt"
: > "$list"
if [ "${#files[@]}" -eq 0 ]; then
  [ "$refused" -eq 1 ] || echo "::error title=smplan::no plan file matches: ${INPUT_PLANS:-} (set the action's plans input)"
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
# A refused plan is a file that could not be read: at least exit code 2.
[ "$refused" -eq 1 ] && [ "$code" -lt 2 ] && code=2
echo "code=$code" >> "$GITHUB_OUTPUT"
