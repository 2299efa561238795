"""What can become of an exercise, shared by every stage: sandbox and execute say why a run
produced nothing (a Failure), judge gives each exercise its Status, batch and report count
and show them. The values are the strings the result schema lists. Also the words shared by
the grader's kernel and process for two errors a learner can cause without a bug: a download
(no kernel has a network) and a full files' space."""
import re
from dataclasses import dataclass
from enum import Enum

# What a download says in an empty network namespace: no name resolves, no address is reachable.
NETWORK_ERRORS = re.compile("Temporary failure in name resolution|Name or service not known|"
                            "No address associated with hostname|Network is unreachable")
OFFLINE_HINT = ("This cell reached for the network. Notebooks run without one here, as they do for a "
                "learner offline: take data from lessons.data and weights from the repository.")


class Status(str, Enum):
    PASSED = "passed"
    FAILED = "failed"                # ran, gave wrong answers
    ERROR = "error"                  # raised, crashed the kernel, or could not be checked
    TIMEOUT = "timeout"
    OUT_OF_MEMORY = "out_of_memory"
    NOT_ATTEMPTED = "not_attempted"

    def __str__(self):
        return self.value


@dataclass(frozen=True)
class Failure:
    """Why a cell failed, or an exercise's code produced no results: `status` is ERROR,
    TIMEOUT or OUT_OF_MEMORY, `reason` a sentence for the learner (no trailing full stop);
    `offline`: the error is what reaching for the network gives (OFFLINE_HINT explains it)."""
    status: Status
    reason: str
    offline: bool = False

    @classmethod
    def error(cls, reason):
        return cls(Status.ERROR, reason)


def no_space_left(limit_mib):
    """Why a write failed with ENOSPC while grading, in words (no trailing full stop)."""
    return ("no space left for files: while grading, everything a notebook writes (its folder, /tmp and "
            f"home) must fit in {limit_mib} MiB")
