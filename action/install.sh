#!/usr/bin/env bash
# Builds smplan from the action's own checkout: the action runs the code at the ref the workflow pins.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
