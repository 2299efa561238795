"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": "q1 = 1.2",
    "q2": 'q2 = "a"',
    "q3": 'q3 = "abcd"',
    "q4": 'q4 = "a"',
    "q5": "q5 = (2.0, 7.0, 6.5)",
    "q6": 'q6 = "a"',
    "q7": 'q7 = "a"',
    "q8": "q8 = 2880",
    "q9": 'q9 = "b"',
    "q10": 'q10 = "abc"',
}
