"""Fuzzing `parse`: mutations of the composed fixtures, the checks, and the drivers."""
