# Bench helper: runs a command and prints its wall time, the CPU time (user + sys) of it and of every
# process it started, and the peak RSS of the largest of them, as "wall cpu peak_kb" on stderr's last
# line. GNU time counts only children waited for; workshopkit's logo decoder outlives the build by a
# moment and is not waited for, so its CPU would be missed. As a subreaper (Linux), this process
# inherits and reaps every descendant, and its children's rusage holds them all.
import ctypes, os, resource, subprocess, sys, time

PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
started = time.monotonic()
child = subprocess.Popen(sys.argv[1:])
child.wait()
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
wall = time.monotonic() - started
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f} {used.ru_utime + used.ru_stime:.3f} {used.ru_maxrss}", file=sys.stderr)
sys.exit(child.returncode)
