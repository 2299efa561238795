"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "c"',
    "q2": "q2 = 0.3",
    "q3": 'q3 = "b"',
    "q4": 'q4 = "abcd"',
    "q5": 'q5 = "c"',
    "q6": "q6 = 0",
    "q7": 'q7 = "a"',
    "q8": "q8 = (256, 1024)",
    "q9": "q9 = 2.0",
    "q10": 'q10 = "abcde"',
}
