"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": "q2 = 0.795",
    "q3": 'q3 = "e"',
    "q4": 'q4 = "d"',
    "q5": 'q5 = "b"',
    "q6": 'q6 = "b"',
    "q7": "q7 = (1.2, 3.4)",
    "q8": 'q8 = "abc"',
    "q9": 'q9 = "b"',
    "q10": 'q10 = "b"',
}
