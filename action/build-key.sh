#!/usr/bin/env bash
# The key of this smplan's build: a hash of every file that goes into dist/, so a job reuses the
# build its commit already made (actions/cache) and installs and builds only when the code changed.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
key=$(find package.json package-lock.json bin scripts src templates locales schema -type f -print0 |
  LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32)
echo "key=$key" >> "$GITHUB_OUTPUT"
