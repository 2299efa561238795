"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = (2, 4)",
    "q2": "q2 = 20",
    "q3": "q3 = 0.25",
    "q4": "q4 = (4,)",
    "q5": 'q5 = "b"',
    "q6": 'q6 = "abcd"',
    "q7": 'q7 = "b"',
    "q8": "q8 = 0.8393",
    "q9": 'q9 = "c"',
    "q10": "q10 = -0.02",
}
