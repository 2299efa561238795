"""What can become of an exercise, shared by every stage: sandbox and execute say why a run
produced nothing (a Failure), judge gives each exercise its Status, batch and report count
and show them. The values are the strings the result schema lists."""
from dataclasses import dataclass
from enum import Enum


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
    """Why an exercise's code produced no results: `status` is ERROR, TIMEOUT or
    OUT_OF_MEMORY, `reason` a sentence for the learner (no trailing full stop)."""
    status: Status
    reason: str

    @classmethod
    def error(cls, reason):
        return cls(Status.ERROR, reason)
