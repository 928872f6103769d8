#!/usr/bin/env bash
# Builds smplan from the action's own checkout: the action runs the code at the ref the workflow pins.
# One build: `npm ci` installs the build's tools without running `prepare` (a clean build of its own).
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
npm run build --silent
