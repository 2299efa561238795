"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "d"',
    "q2": 'q2 = "ab"',
    "q3": "q3 = 24.5",
    "q4": "q4 = (25, 25, 1)",
    "q5": "q5 = 1.9247",
    "q6": 'q6 = "a"',
    "q7": 'q7 = "d"',
    "q8": 'q8 = "c"',
    "q9": 'q9 = "a"',
    "q10": 'q10 = "abc"',
}
