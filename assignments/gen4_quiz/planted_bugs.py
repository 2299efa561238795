"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = 0.6931",
    "q2": 'q2 = "a"',
    "q3": "q3 = 50.0",
    "q4": "q4 = (28, 28, 1)",
    "q5": "q5 = 5.0",
    "q6": 'q6 = "b"',
    "q7": 'q7 = "abcd"',
    "q8": 'q8 = "a"',
    "q9": 'q9 = "abce"',
    "q10": "q10 = 23.0",
}
