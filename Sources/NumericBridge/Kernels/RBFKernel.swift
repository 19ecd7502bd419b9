import Foundation

/// The Gaussian (RBF) kernel k(x, x′) = exp(−‖x − x′‖²/(2ℓ²)) (the MATH.md §11.1 reproduction's kernel; not in
/// neural-tangents, which has no RBF layer).
public struct RBFKernel: Sendable {
    /// ℓ.
    public let lengthScale: Double

    /// The kernel of length scale ℓ.
    public init(lengthScale: Double) { self.lengthScale = lengthScale }

    /// k between the rows of x (n₁×d) and y (n₂×d), row-major n₁×n₂.
    public func kernel(_ x: [Double], _ y: [Double], features d: Int) -> [Double] {
        let (n1, n2) = (x.count / d, y.count / d)
        var out = [Double](repeating: 0, count: n1 * n2)
        for i in 0..<n1 {
            for j in 0..<n2 {
                var s = 0.0
                for t in 0..<d {
                    let diff = x[i * d + t] - y[j * d + t]
                    s += diff * diff
                }
                out[i * n2 + j] = exp(-s / (2 * lengthScale * lengthScale))
            }
        }
        return out
    }
}
