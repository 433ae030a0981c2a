"""Reading the sources that both checks/ and course/ need; imports neither of them."""
