#!/bin/sh
# `npm start`: Next's production server (`next start`) with V8's old space held to SERVER_HEAP_MB.
#
# Why: left to itself V8 sizes its heap limit from the machine's memory (a quarter of it, up to
# 4 GiB) and lets the heap grow toward that before collecting in earnest. On this 24 GiB machine
# the load bench ended at 787 MiB resident for 125 MiB of live objects; under this limit, about
# 385 MiB and flat (bench/results.md, Load). Why 384 and not less: the heaviest work measured, a
# 50,000-URL sitemap rendered beside a full page cache (lib/cache/memory.ts), takes the heap to
# about 300 MiB; under 256 MiB, what V8 would pick by itself on a 1 GB server, the server ran out
# of memory there in one run of two (bench/results.md, Scale: Memory under the heap limit).
#
# Tests and benches start their servers through this file, so they run what production runs.
# A NODE_OPTIONS of your own comes after this one, and V8 takes the last value of a flag:
#   NODE_OPTIONS=--max-old-space-size=512 npm start
# The Docker image runs the standalone server.js instead; its Dockerfile sets the same limit.
SERVER_HEAP_MB=384
cd "$(dirname "$0")/.." || exit 1
export NODE_OPTIONS="--max-old-space-size=$SERVER_HEAP_MB${NODE_OPTIONS:+ $NODE_OPTIONS}"
# exec: the server replaces this shell, so signals (SIGTERM on a deploy) reach it directly.
exec node node_modules/next/dist/bin/next start "$@"
