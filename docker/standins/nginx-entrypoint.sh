#!/bin/sh
# What the official image's entry point does that our image relies on: source
# /docker-entrypoint.d/*.envsh, then render /etc/nginx/templates/*.template into conf.d with the
# variables of the environment only (nginx's own $host etc. stay as they are).
set -eu
for f in /docker-entrypoint.d/*.envsh; do
  [ -e "$f" ] || continue
  . "$f"
done
for t in /etc/nginx/templates/*.template; do
  [ -e "$t" ] || continue
  vars=$(env | cut -d= -f1 | sed 's/^/$/' | tr '\n' ' ')
  envsubst "$vars" < "$t" > "/etc/nginx/conf.d/$(basename "$t" .template)"
done
exec "$@"
