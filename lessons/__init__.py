"""Shared code for the course notebooks: offline datasets, notebook setup, plots,
model-structure tables and the syllabus."""
