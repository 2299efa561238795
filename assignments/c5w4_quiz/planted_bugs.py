"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "b"',
    "q2": "q2 = 1.2384",
    "q3": "q3 = 4224",
    "q4": "q4 = (8, 4, 20, 16)",
    "q5": 'q5 = "abc"',
    "q6": 'q6 = "d"',
    "q7": 'q7 = "abcd"',
    "q8": 'q8 = "a"',
    "q9": "q9 = (32, 4, 10, 10)",
    "q10": 'q10 = "abd"',
}
