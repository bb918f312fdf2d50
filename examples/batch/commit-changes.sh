#!/bin/sh
# Commits what a batch changed under the given folders (default: the whole repository), and nothing
# when no blog changed. An export is byte-stable: a run that finds a blog unchanged rewrites none of its
# files but its run bookkeeping (changes.json, .tistory-export/run.json and lock), which describes the
# last run, not the archive. That and batch-summary.json are never committed: the same files as
# backup-repo.gitignore (read them for notifications before the next run replaces them).
# Usage: commit-changes.sh [folder...]   (COMMIT_MESSAGE overrides the message)
set -eu

[ "$#" -gt 0 ] || set -- .
message="${COMMIT_MESSAGE:-Tistory backup $(date -u +%Y-%m-%d)}"

git add --all -- "$@" \
  ':(exclude,glob)**/changes.json' \
  ':(exclude,glob)**/.tistory-export/run.json' \
  ':(exclude,glob)**/.tistory-export/lock' \
  ':(exclude,glob)**/batch-summary.json'

if git diff --cached --quiet; then
  echo "No blog changed: nothing to commit."
  exit 0
fi

git commit --quiet -m "$message"
echo "Committed: $(git log -1 --format='%h %s') ($(git diff --name-only HEAD~1 HEAD 2>/dev/null | wc -l | tr -d ' ') files)"
