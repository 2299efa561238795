"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "abc"',
    "q2": "q2 = 3 / 23",
    "q3": "q3 = 0.015625",
    "q4": 'q4 = "a"',
    "q5": "q5 = (48, 20)",
    "q6": 'q6 = "b"',
    "q7": "q7 = 0.0",
    "q8": 'q8 = "a"',
    "q9": 'q9 = "c"',
    "q10": 'q10 = "abcd"',
}
