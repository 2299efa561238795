"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "b"',
    "q2": "q2 = 0.7",
    "q3": "q3 = 1.4923",
    "q4": 'q4 = "abde"',
    "q5": 'q5 = "c"',
    "q6": 'q6 = "b"',
    "q7": 'q7 = "c"',
    "q8": 'q8 = "a"',
    "q9": "q9 = (1, 4, 7, 256)",
    "q10": 'q10 = "b"',
}
