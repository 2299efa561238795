"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "c"',
    "q2": "q2 = 0.65",
    "q3": 'q3 = "a"',
    "q4": "q4 = 0.0",
    "q5": 'q5 = "b"',
    "q6": 'q6 = "a"',
    "q7": "q7 = (2.5, 3.5)",
    "q8": 'q8 = "b"',
    "q9": 'q9 = "abcd"',
    "q10": "q10 = 0.1",
}
