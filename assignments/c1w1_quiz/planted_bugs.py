"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": 'q2 = "abcd"',
    "q3": 'q3 = "b"',
    "q4": "q4 = (25, 12288)",
    "q5": "q5 = -3.0",
    "q6": 'q6 = "c"',
    "q7": 'q7 = "b"',
    "q8": 'q8 = "abcd"',
    "q9": "q9 = 12",
}
