#!/bin/sh
# `npm start`: Next's production server (`next start`) with V8's old space held to SERVER_HEAP_MB.
#
# Why: left to itself V8 sizes its heap limit from the machine's memory (a quarter of it, up to
# 4 GiB) and lets the heap grow toward that before collecting in earnest. On this 24 GiB machine
# the load bench ended at 787 MiB resident for 125 MiB of live objects; under this limit, 375 MiB
# and flat (bench/results.md, Load). 256 MiB is the limit V8 itself picks on a 1 GB server, so the
# site behaves alike wherever it is moved, and the heaviest work measured fits under it: a
# 50,000-URL sitemap, the page cache filled past its bound (lib/cache/memory.ts), the admin
# (bench/results.md, Scale: Memory under the heap limit).
#
# Tests and benches start their servers through this file, so they run what production runs.
# A NODE_OPTIONS of your own comes after this one, and V8 takes the last value of a flag:
#   NODE_OPTIONS=--max-old-space-size=512 npm start
# The Docker image runs the standalone server.js instead; its Dockerfile sets the same limit.
SERVER_HEAP_MB=256
cd "$(dirname "$0")/.." || exit 1
export NODE_OPTIONS="--max-old-space-size=$SERVER_HEAP_MB${NODE_OPTIONS:+ $NODE_OPTIONS}"
# exec: the server replaces this shell, so signals (SIGTERM on a deploy) reach it directly.
exec node node_modules/next/dist/bin/next start "$@"
