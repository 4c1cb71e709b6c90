"""pum 0.x's `pum.core` package, as far as delta scripts use it: `DeltaPy`.

Python deltas (delta_X.Y.Z_name.py, .pre.py, .post.py) and pre-all.py / post-all.py written for
pum 0.x import `from pum.core.deltapy import DeltaPy`; the native pum binary runs them in a child
Python process (see _run_delta.py).
"""
