#!/usr/bin/env bash
# Writes `smplan diff --format markdown` for every linted plan to the job summary, against the
# pull request's base branch (or INPUT_DIFF_BASE). Outside a pull request, without a base, it
# says so and does nothing.
set -uo pipefail
smplan() { node "$GITHUB_ACTION_PATH/bin/smplan.js" "$@"; }
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
list="${RUNNER_TEMP:-/tmp}/smplan-plans.txt"

base="${INPUT_DIFF_BASE:-}"
[ -z "$base" ] && base="${GITHUB_BASE_REF:-}"
if [ -z "$base" ]; then
  echo "smplan: no diff base (not a pull request, and the diff-base input is empty): no strategy diff."
  exit 0
fi
ref="$base"
if ! git rev-parse --verify --quiet "$ref^{commit}" > /dev/null; then
  # actions/checkout fetches one commit: fetch the base branch too.
  git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base" && ref="origin/$base"
fi
if ! git rev-parse --verify --quiet "$ref^{commit}" > /dev/null; then
  echo "::warning title=smplan::cannot find the diff base $base: no strategy diff"
  exit 0
fi

[ -s "$list" ] || exit 0
while IFS= read -r file; do
  # Beside the plan, as `smplan diff --base` looks (an absolute path has no "./" form).
  if (cd "$(dirname "$file")" && git cat-file -e "$ref:./$(basename "$file")") 2> /dev/null; then
    smplan diff "$file" --base "$ref" --format markdown >> "$summary" || echo "smplan: could not compare $file with $base" >&2
  else
    # The names go into Markdown inside a code span: a backtick would end it (smplan diff does the same).
    printf '### Strategy changes: `%s`\n\nA new plan (not on %s).\n\n' "${file//\`/\'}" "$base" >> "$summary"
  fi
done < "$list"
exit 0
