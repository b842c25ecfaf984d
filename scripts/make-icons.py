#!/usr/bin/env python3
"""Generate the app icons in icons/ from icons/icon.svg.

Writes the files Tauri's bundler takes (all PNGs 8-bit RGBA):
  32x32.png, 128x128.png, 128x128@2x.png (256 px), icon.png (1024 px),
  icon.ico (16, 24, 32, 48, 64, 128, 256 px) and icon.icns (16 ... 1024 px).
It also copies the SVG to ui/img/logo.svg, the logo the UI shows.

Needs: rsvg-convert (Debian: librsvg2-bin) or ImageMagick's convert to render the SVG,
and Pillow (pip install pillow) to write PNG/ICO/ICNS.
Usage: python3 scripts/make-icons.py        (run from anywhere; the output is committed)
"""

import io
import shutil
import subprocess
import sys
from pathlib import Path

try:
    from PIL import Image
except ImportError:
    sys.exit("make-icons: Pillow is missing; install it with: pip install pillow")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "icons"
UI_LOGO = ROOT / "ui" / "img" / "logo.svg"
SOURCE = ICONS / "icon.svg"

PNGS = {"32x32.png": 32, "128x128.png": 128, "128x128@2x.png": 256, "icon.png": 1024}
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024]


def render(size: int) -> Image.Image:
    """Render the SVG at size x size pixels straight from the vector source (sharper than scaling)."""
    if shutil.which("rsvg-convert"):
        cmd = ["rsvg-convert", "-w", str(size), "-h", str(size), "-f", "png", str(SOURCE)]
    elif shutil.which("convert"):
        cmd = ["convert", "-background", "none", "-density", str(max(72, size * 72 // 1024 * 4)),
               str(SOURCE), "-resize", f"{size}x{size}", "png32:-"]
    else:
        sys.exit("make-icons: need rsvg-convert (apt-get install librsvg2-bin) or ImageMagick")
    png = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
    img = Image.open(io.BytesIO(png)).convert("RGBA")
    if img.size != (size, size):
        img = img.resize((size, size), Image.Resampling.LANCZOS)
    return img


def main() -> None:
    rendered = {s: render(s) for s in sorted(set(PNGS.values()) | set(ICO_SIZES) | set(ICNS_SIZES))}
    for name, size in PNGS.items():
        rendered[size].save(ICONS / name, format="PNG", optimize=True)
        print(f"wrote icons/{name} ({size}x{size} RGBA)")

    ico = [rendered[s] for s in ICO_SIZES]
    ico[-1].save(ICONS / "icon.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=ico[:-1])
    print(f"wrote icons/icon.ico ({', '.join(map(str, ICO_SIZES))})")

    icns = [rendered[s] for s in ICNS_SIZES]
    icns[-1].save(ICONS / "icon.icns", format="ICNS", append_images=icns[:-1])
    print(f"wrote icons/icon.icns ({', '.join(map(str, ICNS_SIZES))})")

    UI_LOGO.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, UI_LOGO)
    print("wrote ui/img/logo.svg")


if __name__ == "__main__":
    main()
