#!/usr/bin/env bash
# The soak of issue 9: 1,000 concurrent streams for 60 s against the demo on 127.0.0.1, reporting
# errors (must be 0) and the server's heap after GC at the start and the end (it must not grow
# beyond noise). The same driver as load.sh, in soak mode; flags as for load.sh (--clients,
# --duration, --no-build, ...). Exit status 1 when any stream failed.
exec "$(dirname "$0")/load.sh" --endpoint=soak "$@"
