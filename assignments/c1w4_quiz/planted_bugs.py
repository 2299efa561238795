"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = 245940",
    "q2": "q2 = (7, 5)",
    "q3": "q3 = (20, 12288)",
    "q4": 'q4 = "abcef"',
    "q5": 'q5 = "a"',
    "q6": "q6 = 16.1181",
    "q7": 'q7 = "c"',
    "q8": "q8 = -0.2",
    "q9": 'q9 = "abc"',
    "q10": "q10 = 5",
}
