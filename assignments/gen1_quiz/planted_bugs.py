"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": "q2 = 1.2130",
    "q3": "q3 = 0.6052",
    "q4": "q4 = 0.7826",
    "q5": "q5 = 3",
    "q6": 'q6 = "abde"',
    "q7": 'q7 = "a"',
    "q8": "q8 = 0.5",
    "q9": 'q9 = "d"',
    "q10": 'q10 = "abcd"',
}
