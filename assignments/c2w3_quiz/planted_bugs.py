"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "b"',
    "q2": 'q2 = "a"',
    "q3": 'q3 = "a"',
    "q4": "q4 = 0.0909",
    "q5": 'q5 = "a"',
    "q6": 'q6 = "a"',
    "q7": "q7 = 64",
    "q8": 'q8 = "c"',
    "q9": "q9 = 0.6052",
    "q10": 'q10 = "abcd"',
}
