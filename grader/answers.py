"""How an answer to a question is compared with the right one: used by the lessons' practice
exercises (lessons.practice, in the learner's kernel) and by the graded quizzes (grader.checks.question,
in the grader's process), so that both judge an answer alike.

- a number: within `tolerance` (relative and absolute);
- an array: same shape, then within `tolerance`;
- a tuple or list, such as a shape: equal item for item (None matches None);
- a string, such as a multiple-choice letter: equal after stripping and lower-casing;
- a set, for "choose all that apply": the same choices, given as a set, list or string of letters.
"""
import numpy as np


def normal(choice):
    return str(choice).strip().lower()


def choices(answer):
    if isinstance(answer, str):
        return {c for c in normal(answer) if c.isalnum()}
    return {normal(c) for c in answer}


def short(value):
    if callable(value):
        return getattr(value, "__name__", "a function")
    if isinstance(value, np.ndarray) and value.size > 6:
        return f"an array of shape {value.shape}"
    if isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, separator=", ")
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.6g}"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def difference(got, expected, tolerance) -> str | None:
    """None when `got` is the expected answer; otherwise a sentence saying how it differs."""
    if isinstance(expected, (set, frozenset)):
        if not isinstance(got, (set, frozenset, list, tuple, str)):
            return 'Give your choices as one string of letters, such as "ac".'
        missing = set(map(normal, expected)) - choices(got)
        extra = choices(got) - set(map(normal, expected))
        if not missing and not extra:
            return None
        parts = ([f"{len(extra)} of your choices {'is' if len(extra) == 1 else 'are'} wrong."] if extra else []) + \
                ([f"{len(missing)} right {'choice is' if len(missing) == 1 else 'choices are'} missing."] if missing else [])
        return " ".join(parts)
    if isinstance(expected, str):
        if not isinstance(got, str):
            return 'Give your answer as a string, such as "b".'
        return None if normal(got) == normal(expected) else "That is not the answer."
    if isinstance(expected, bool):
        return None if got is expected or (isinstance(got, np.bool_) and bool(got) == expected) \
            else "That is not the answer."
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            return f"Give a tuple of {len(expected)} items."
        if len(got) != len(expected):
            return f"Your answer has {len(got)} items; the answer has {len(expected)}."
        for item, (g, e) in enumerate(zip(got, expected), 1):
            if (how := difference(g, e, tolerance)) is not None:  # nested: "Item 2.1: ..."
                return f"Item {item}.{how[5:]}" if how.startswith("Item ") else f"Item {item}: {how}"
        return None
    if expected is None:
        return None if got is None else f"{short(got)} is not right."
    if isinstance(expected, (int, float, np.number)):
        try:
            value = float(np.asarray(got).item()) if np.size(got) == 1 else None
        except (TypeError, ValueError):
            value = None
        if value is None:
            return f"The answer is one number; yours is {short(got)}."
        if np.isclose(value, float(expected), rtol=tolerance, atol=tolerance, equal_nan=True):
            return None
        return f"{value:.6g} is not right."
    if isinstance(expected, np.ndarray):
        try:
            array = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return f"The answer is an array of shape {expected.shape}; yours is {short(got)}."
        if array.shape != expected.shape:
            return f"Your array has shape {array.shape}; the answer has shape {expected.shape}."
        if np.allclose(array, expected, rtol=tolerance, atol=tolerance, equal_nan=True):
            return None
        if np.isnan(array).any() and not np.isnan(expected).any():
            return "Your array has the right shape, but holds NaN: is something divided by zero?"
        worst = float(np.max(np.abs(array - expected))) if array.size else 0.0
        return f"Your array has the right shape, but differs from the answer by up to {worst:.3g}."
    return None if got == expected else f"{short(got)} is not right."


def judge(got, expected, mistakes=(), tolerance=1e-6):
    """(None, False) when `got` is the answer; else (message, explained): the message of the
    declared mistake it matches (`mistakes`: (wrong answer, message) pairs; for a set, of each
    wrong choice chosen), with explained True, or how it differs, with explained False."""
    how = difference(got, expected, tolerance)
    if how is None:
        return None, False
    if isinstance(expected, (set, frozenset)):
        if isinstance(got, (set, frozenset, list, tuple, str)):
            explained = {normal(wrong): message for wrong, message in mistakes}
            chosen_wrong = sorted(choices(got) - set(map(normal, expected)))
            lines = [f"{choice}: {explained[choice]}" for choice in chosen_wrong if choice in explained]
            if lines:
                return " ".join(lines), True
        return how, False
    for wrong, message in mistakes:
        if difference(got, wrong, tolerance) is None:
            return message, True
    return how, False
