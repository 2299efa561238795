"""Runs a command with no network: in a new, empty network namespace, loopback up.

    python -I -S no_network.py COMMAND...

Nothing can be reached from there over the network, not even this machine's own servers (the
namespace's 127.0.0.1 is its own), so a download fails at once, as it does for a learner
offline. Only the network differs: the command runs as the same user, with the same files.
As root, a network namespace alone; otherwise (or where root may not make one) it comes with
a user namespace that maps the user to itself, which needs unprivileged user namespaces.
A new namespace's loopback is down; it is brought up for what the command serves itself.

Only the standard library, and fast: it runs before every such kernel (grader.offline). On
failure it writes one line, "no network namespace: ...", to stderr and exits 125.
"""
import ctypes
import fcntl
import os
import socket
import struct
import sys

CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
SIOCGIFFLAGS, SIOCSIFFLAGS, IFF_UP = 0x8913, 0x8914, 0x1
IFREQ = "16sH22x"  # struct ifreq: the interface's name, then its flags (a 40-byte union)
FAILED = 125


def enter_empty_network():
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    if libc.unshare(CLONE_NEWNET) == 0:
        return
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        raise OSError(f"cannot make one ({os.strerror(ctypes.get_errno())}): it needs root "
                      "or unprivileged user namespaces")
    # The same user and group inside as outside; the new user namespace owns the network
    # namespace, so this process may configure it until it executes the command.
    for name, line in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as f:
            f.write(line)


def bring_loopback_up():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        flags = struct.unpack(IFREQ, fcntl.ioctl(sock, SIOCGIFFLAGS, struct.pack(IFREQ, b"lo", 0)))[1]
        fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack(IFREQ, b"lo", flags | IFF_UP))


def main(command):
    try:
        enter_empty_network()
        bring_loopback_up()
    except OSError as error:
        print(f"no network namespace: {error}", file=sys.stderr)
        return FAILED
    os.execvp(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
