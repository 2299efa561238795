"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = (4, 64)",
    "q2": "q2 = 57.89",
    "q3": "q3 = 50",
    "q4": "q4 = 0.1333",
    "q5": "q5 = 5",
    "q6": 'q6 = "abcd"',
    "q7": "q7 = 0.1",
    "q8": 'q8 = "a"',
    "q9": "q9 = 0.95",
    "q10": 'q10 = "b"',
}
