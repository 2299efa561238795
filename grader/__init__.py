"""The course's autograder: release student notebooks, self-check, grade submissions."""
