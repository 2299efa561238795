"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = (64, 20, 10000)",
    "q2": "q2 = 4 / 3",
    "q3": 'q3 = "c"',
    "q4": "q4 = 6",
    "q5": "q5 = 18",
    "q6": "q6 = 0.6052",
    "q7": 'q7 = "abcde"',
    "q8": 'q8 = "b"',
    "q9": "q9 = (0.0, 2.0, 2.0)",
    "q10": 'q10 = "b"',
}
