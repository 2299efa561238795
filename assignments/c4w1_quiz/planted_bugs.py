"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = -30",
    "q2": 'q2 = "a"',
    "q3": "q3 = 16.5",
    "q4": "q4 = (28, 28, 3)",
    "q5": "q5 = 1200",
    "q6": 'q6 = "b"',
    "q7": "q7 = (3.25, 2.75, 2.5, 2.75)",
    "q8": 'q8 = "abcd"',
    "q9": "q9 = 4",
    "q10": 'q10 = "abcd"',
}
