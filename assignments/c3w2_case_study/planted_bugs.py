"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = 9.46",
    "q2": 'q2 = "b"',
    "q3": 'q3 = "abcd"',
    "q4": "q4 = (0.5, 7.8, 0.0)",
    "q5": 'q5 = "a"',
    "q6": 'q6 = "abce"',
    "q7": 'q7 = "c"',
    "q8": 'q8 = "b"',
    "q9": 'q9 = "b"',
    "q10": 'q10 = "a"',
}
