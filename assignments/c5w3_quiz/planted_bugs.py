"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "d"',
    "q2": "q2 = -0.6147",
    "q3": 'q3 = "abc"',
    "q4": 'q4 = "a"',
    "q5": "q5 = 0.25",
    "q6": "q6 = 1.0",
    "q7": 'q7 = "abcd"',
    "q8": "q8 = (8, 1, 16)",
    "q9": 'q9 = "a"',
    "q10": "q10 = 50",
}
