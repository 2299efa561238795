"""The course's autograder: release student notebooks, self-check, grade submissions."""
import os

# oneDNN reorders float sums, so check inputs a model computes in the grader's process would differ
# in their last bits from those the fixtures were recorded with. Set before TensorFlow is imported.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
