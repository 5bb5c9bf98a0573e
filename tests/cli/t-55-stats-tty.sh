# SPDX-License-Identifier: GPL-2.0
#
# cell stats on a terminal: 'q' leaves at once. Needs python3 for a pty.

if command -v python3 >/dev/null; then
	new_root
	with_driver 1
	add_cell 1 demo running 1 ""
	set_stat 1 total 5
	run python3 - "$JH" <<'PY'
import os, pty, select, sys, time

pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "cell", "stats", "demo"])
out = b""
deadline = time.time() + 5
while b"COUNTER" not in out and time.time() < deadline:
    if select.select([fd], [], [], 0.2)[0]:
        out += os.read(fd, 4096)
os.write(fd, b"q")
start = time.time()
while time.time() - start < 3:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print("exit=%d after=%.1f" % (os.waitstatus_to_exitcode(status),
                                      time.time() - start))
        print("cleared" if b"\x1b[H\x1b[2J" in out else "not cleared")
        sys.exit(0)
    time.sleep(0.05)
os.kill(pid, 9)
print("still running")
PY
	check "stats: q leaves at once" "got: $OUT $ERR" matches "$OUT" '^exit=0 after=0\.[0-9]$'
	check "stats: clears the terminal" "got: $OUT" contains "$OUT" "cleared"
else
	echo "SKIP: stats on a terminal (no python3)"
fi
