"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": "q2 = 1 / 7",
    "q3": "q3 = (19, 19, 5, 80)",
    "q4": 'q4 = "abcde"',
    "q5": 'q5 = "abcd"',
    "q6": 'q6 = "c"',
    "q7": "q7 = (58, 58, 4)",
    "q8": "q8 = 16",
    "q9": "q9 = (16, 16, 16)",
    "q10": 'q10 = "b"',
}
