"""A wrong answer per question, each one that checks.py explains."""
PLANTED_BUGS = {
    "q1": 'q1 = "a"',
    "q2": 'q2 = "abc"',
    "q3": "q3 = 0.9236",
    "q4": "q4 = 0.48",
    "q5": 'q5 = "b"',
    "q6": "q6 = 1.0",
    "q7": 'q7 = "c"',
    "q8": "q8 = 0.0625",
    "q9": 'q9 = "abde"',
    "q10": 'q10 = "b"',
}
