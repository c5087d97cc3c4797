"""One module per capability; each ``run(h, inputs)`` times textsift and its peers on the shared
inputs, checks outputs where the peer should agree, and records rows and targets in ``h``."""
