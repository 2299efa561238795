"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": "q2 = (100, 27, 50)",
    "q3": "q3 = 22272",
    "q4": 'q4 = "b"',
    "q5": 'q5 = "abcd"',
    "q6": "q6 = (5.0, -5.0)",
    "q7": 'q7 = "abcd"',
    "q8": "q8 = 0.8",
    "q9": "q9 = (32, 10, 8)",
    "q10": 'q10 = "b"',
}
