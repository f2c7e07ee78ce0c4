#!/bin/sh
# The official image is built with protected mode off (the container network is the boundary);
# Debian's redis-server refuses other containers without it.
set -eu
if [ "${1:-}" = "redis-server" ]; then
  shift
  exec redis-server "$@" --protected-mode no
fi
exec "$@"
