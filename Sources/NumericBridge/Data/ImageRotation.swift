import Algebra
import Foundation

/// Rotated and scrambled images, the data of the L-conv paper's experiments (§4): each h×w image turned about
/// its centre by a uniformly random angle (bilinear interpolation, zero outside the frame), and optionally the
/// pixels of every image permuted by one fixed random permutation ("scrambled"), which keeps every pixel's
/// value but destroys the grid's neighbourhoods.
public enum ImageRotation {
    /// Each image rotated by a seeded uniform angle in [0, 2π).
    public static func rotated(_ data: ImageDataset, height h: Int, width w: Int, seed: UInt64) -> ImageDataset {
        var rng = SplitMix(seed)
        var out: [Double] = []
        out.reserveCapacity(data.values.count)
        for s in 0..<data.count {
            let image = Array(data.values[(s * h * w)..<((s + 1) * h * w)])
            out += rotate(image, height: h, width: w, angle: 2 * Double.pi * rng.uniform())
        }
        return ImageDataset(count: data.count, features: data.features, values: out, labels: data.labels)
    }

    /// One h×w image turned by `angle` about its centre (bilinear; exact for multiples of 90°, which map the grid
    /// onto itself).
    public static func rotate(_ image: [Double], height h: Int, width w: Int, angle: Double) -> [Double] {
        var out = [Double](repeating: 0, count: h * w)
        let (cy, cx) = (Double(h - 1) / 2, Double(w - 1) / 2)
        let (c, sn) = (cos(angle), sin(angle))
        for y in 0..<h {
            for x in 0..<w {
                // the source of (y, x) under the inverse rotation
                let dy = Double(y) - cy
                let dx = Double(x) - cx
                out[y * w + x] = bilinear(image, base: 0, h, w, c * dy + sn * dx + cy, -sn * dy + c * dx + cx)
            }
        }
        return out
    }

    /// The seeded pixel permutation s of `scrambled` (0-based): the scrambled image is x′_j = x_{s(j)}.
    public static func scrambling(features: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix(seed)
        var order = Array(0..<features)
        rng.shuffle(&order)
        return order
    }

    /// Every image's pixels permuted by one permutation s (`scrambling`): x′_j = x_{s(j)}.
    public static func scrambled(_ data: ImageDataset, by order: [Int]) -> ImageDataset {
        precondition(order.count == data.features)
        var out = data.values
        for s in 0..<data.count {
            for (j, source) in order.enumerated() {
                out[s * data.features + j] = data.values[s * data.features + source]
            }
        }
        return ImageDataset(count: data.count, features: data.features, values: out, labels: data.labels)
    }

    static func bilinear(_ v: [Double], base: Int, _ h: Int, _ w: Int, _ y: Double, _ x: Double) -> Double {
        let (y0, x0) = (Int(floor(y)), Int(floor(x)))
        let (fy, fx) = (y - Double(y0), x - Double(x0))
        func at(_ yy: Int, _ xx: Int) -> Double {
            (0..<h).contains(yy) && (0..<w).contains(xx) ? v[base + yy * w + xx] : 0
        }
        return (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy
            * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
    }
}
