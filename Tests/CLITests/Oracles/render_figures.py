"""Renders SVG figures with librsvg (rsvg-convert) and checks each PNG: the SVG's size, not blank (ink on 1-60 % of
the pixels, several colours), and ink in both halves of the figure's width (no empty half). Prints one line per
figure; exit 1 on the first failure. Usage: python3 render_figures.py FIGURE.svg …"""
import re
import subprocess
import sys

import numpy as np
from PIL import Image

for svg in sys.argv[1:]:
    png = svg[:-4] + ".png"
    subprocess.run(["rsvg-convert", svg, "-o", png], check=True)
    header = open(svg, encoding="utf-8").read(400)
    width, height = map(int, re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', header).groups())
    image = np.asarray(Image.open(png).convert("RGB"), dtype=np.int32)
    if image.shape[:2] != (height, width):
        sys.exit(f"{svg}: rendered {image.shape[1]}x{image.shape[0]}, the SVG says {width}x{height}")
    ink = (image < 235).any(axis=2)
    share = float(ink.mean())
    colours = len({tuple(p) for p in image[ink][:: max(1, int(ink.sum()) // 5000)]})
    halves = [float(ink[:, :width // 2].mean()), float(ink[:, width // 2:].mean())]
    if not 0.01 <= share <= 0.6 or colours < 3 or min(halves) < 0.002:
        sys.exit(f"{svg}: ink {share:.3f}, {colours} colours, halves {halves}")
    print(f"{svg}: {width}x{height}, ink {share:.3f}, {colours} colours")
