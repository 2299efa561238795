"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": "q2 = 9",
    "q3": 'q3 = "a"',
    "q4": 'q4 = "b"',
    "q5": "q5 = 307200",
    "q6": "q6 = 0.1111",
    "q7": "q7 = (28, 28, 192)",
    "q8": 'q8 = "abcde"',
    "q9": "q9 = 257.6",
    "q10": 'q10 = "abcd"',
}
