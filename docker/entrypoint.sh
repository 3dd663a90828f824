#!/bin/sh
# The image runs against an external PostgreSQL only: without DATABASE_URL the app would try to
# start its embedded development database inside the container. Refuse plainly instead.
set -e
if [ -z "${DATABASE_URL:-}" ]; then
  echo "kabinet: DATABASE_URL is required in the container (postgres://user:password@host:5432/db)" >&2
  exit 1
fi
exec "$@"
