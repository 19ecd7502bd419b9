# Dense Q_σ of the 100×100 horizontal shift with NumPy (100 cycles of length 100), saved as .npy.
import numpy as np
h = w = 100
n = h * w
c = w
s = np.arange(c)
cols = [np.full(c, c ** -0.5)]
for f in range(1, (c - 1) // 2 + 1):
    cols += [np.sqrt(2 / c) * np.cos(2 * np.pi * f * s / c), np.sqrt(2 / c) * np.sin(2 * np.pi * f * s / c)]
if c % 2 == 0:
    cols.append((-1.0) ** s / np.sqrt(c))
block = np.stack(cols, axis=1)
q = np.zeros((n, n))
for r in range(h):
    q[r * w:(r + 1) * w, r * w:(r + 1) * w] = block
np.save("/tmp/mem/q_numpy.npy", q)
