"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = (1, 12288)",
    "q2": "q2 = 0.2689",
    "q3": "q3 = 144.87",
    "q4": 'q4 = "a"',
    "q5": "q5 = 0.2",
    "q6": 'q6 = "abcd"',
    "q7": 'q7 = "b"',
    "q8": "q8 = 3072",
    "q9": "q9 = 0.52",
    "q10": "q10 = (1, 50)",
}
