import Foundation

/// An 8-bit RGB image written as PNG (zlib-compressed IDAT, no filtering).
public struct PNGImage: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    var pixels: [UInt8]

    /// A blank image of one grey level.
    public init(width: Int, height: Int, background: UInt8 = 255) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: background, count: width * height * 3)
    }

    /// Sets pixel (x, y) to an RGB colour.
    public mutating func set(_ x: Int, _ y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 3
        pixels[i] = rgb.0
        pixels[i + 1] = rgb.1
        pixels[i + 2] = rgb.2
    }

    /// Draws a grayscale image (values clamped to [0, 1], 1 = white ink on black like MNIST) scaled by `zoom`.
    public mutating func drawGray(
        _ values: ArraySlice<Double>, rows: Int, columns: Int, at x0: Int, _ y0: Int, zoom: Int
    ) {
        for r in 0..<rows {
            for c in 0..<columns {
                let v = UInt8(max(0, min(1, values[values.startIndex + r * columns + c])) * 255)
                for dy in 0..<zoom { for dx in 0..<zoom { set(x0 + c * zoom + dx, y0 + r * zoom + dy, (v, v, v)) } }
            }
        }
    }

    /// Draws a matrix as a diverging heat map: negative blue, zero white, positive red, scaled by `scale`.
    public mutating func drawHeatMap(_ m: [Double], rows: Int, columns: Int, at x0: Int, _ y0: Int, scale: Double) {
        for r in 0..<rows {
            for c in 0..<columns {
                let v = max(-1, min(1, m[r * columns + c] / max(scale, 1e-300)))
                let fade = UInt8(255 * (1 - abs(v)))
                set(x0 + c, y0 + r, v >= 0 ? (255, fade, fade) : (fade, fade, 255))
            }
        }
    }

    /// The image as PNG bytes (zlib-compressed, 8-bit RGB).
    public var pngData: [UInt8] {
        func be32(_ v: Int) -> [UInt8] {
            [UInt8((v >> 24) & 0xff), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be32(data.count) + body + be32(Int(Zlib.crc32(body)))
        }
        var raw = [UInt8]()
        raw.reserveCapacity((width * 3 + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw += pixels[(y * width * 3)..<((y + 1) * width * 3)]
        }
        let header = be32(width) + be32(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunk("IDAT", Zlib.compress(raw)) + chunk("IEND", [])
    }

    /// Writes the PNG file (atomically, see `OutputFile`).
    public func write(to path: String) throws { try OutputFile.write(pngData, to: path) }
}
