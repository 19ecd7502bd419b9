import Foundation

/// Orbits of seeds under a finite group G of coordinate permutations (MATH.md §11.3): G's elements
/// g_0 = e, g_1, …, g_{N−1} in breadth-first order from the generators, and point (a, t) = g_t·x_a, where
/// (g·x)[g(i)] = x[i]. A generator h acts on the positions by left multiplication, t ↦ index(h g_t); an invariant
/// kernel has K_{(a,ht),(b,hu)} = K_{(a,t),(b,u)}. One generator g gives g_t = g^t (the cyclic case).
public struct OrbitDataset: Sendable {
    /// s orbits of N points, d values each.
    public let orbits: [[[Double]]]
    /// One label per orbit.
    public let labels: [Double]
    /// Per generator, its left multiplication on the positions 0..<N.
    public let leftMultiplication: [[Int]]
    /// The group's elements as 0-based images, in the order of the positions.
    public let elements: [[Int]]

    /// Whether g_t = g^t for a single generator (then the block formula runs on the DFT).
    public var isCyclic: Bool { leftMultiplication.count == 1 }
    /// N, the points per orbit (|G|).
    public var orbitLength: Int { leftMultiplication.first?.count ?? 0 }

    /// - Parameters: seeds: s vectors of d values, labels: one per seed, generators: 0-based images on d points.
    /// - Throws: `NumericError.invalidInput` on ragged input, or if G has more than `largestGroup` elements.
    public init(seeds: [[Double]], labels: [Double], generators: [[Int]], largestGroup: Int = 2048) throws {
        guard let d = seeds.first?.count, seeds.allSatisfy({ $0.count == d }), labels.count == seeds.count,
            !generators.isEmpty, generators.allSatisfy({ $0.count == d && Set($0) == Set(0..<d) })
        else {
            throw NumericError.invalidInput("orbit data needs s seeds of d values, s labels and permutations of d")
        }
        var elements = [Array(0..<d)]
        var index = [elements[0]: 0]
        var next = 0
        while next < elements.count {
            for h in generators {
                let product = elements[next].map { h[$0] }
                guard index[product] == nil else { continue }
                guard elements.count < largestGroup else {
                    throw NumericError.invalidInput("the group has more than \(largestGroup) elements")
                }
                index[product] = elements.count
                elements.append(product)
            }
            next += 1
        }
        self.elements = elements
        leftMultiplication = generators.map { h in elements.map { g in index[g.map { h[$0] }] ?? 0 } }
        self.labels = labels
        orbits = seeds.map { x in
            elements.map { g in
                var point = [Double](repeating: 0, count: d)
                for (i, j) in g.enumerated() { point[j] = x[i] }
                return point
            }
        }
    }

    /// Orbits given point by point, in the cyclic order g^0 x_a, …, g^{N−1} x_a (no check that they are orbits).
    public init(cyclicOrbits orbits: [[[Double]]], labels: [Double]) throws {
        guard let n = orbits.first?.count, n >= 1, orbits.allSatisfy({ $0.count == n }), labels.count == orbits.count,
            let d = orbits.first?.first?.count, orbits.allSatisfy({ $0.allSatisfy { $0.count == d } })
        else { throw NumericError.invalidInput("orbits must be s lists of N points of d values, with s labels") }
        self.orbits = orbits
        self.labels = labels
        leftMultiplication = [(0..<n).map { ($0 + 1) % n }]
        elements = []
    }
}

extension OrbitDataset {
    /// Orbits of seeds under one d×d matrix R of finite order N (MATH.md §11.1): point (a, t) = R^t x_a, the cyclic
    /// order of `init(cyclicOrbits:)`. Every kernel of inner products is invariant when R is orthogonal (a rotation
    /// of circular data, a rotation acting on both sides of a matrix); the analysis reports the invariance defect.
    /// - Parameters: r: R row-major; order: N (see `matrixOrder`).
    /// - Throws: `NumericError.invalidInput` on ragged input.
    public init(seeds: [[Double]], labels: [Double], matrix r: [Double], order n: Int) throws {
        guard let d = seeds.first?.count, d >= 1, seeds.allSatisfy({ $0.count == d }), r.count == d * d, n >= 1
        else { throw NumericError.invalidInput("a matrix action needs s seeds of d values and a d×d matrix") }
        let orbits = seeds.map { x in
            var points = [x]
            for _ in 1..<n {
                let p = points[points.count - 1]
                points.append((0..<d).map { i in (0..<d).reduce(0.0) { $0 + r[i * d + $1] * p[$1] } })
            }
            return points
        }
        try self.init(cyclicOrbits: orbits, labels: labels)
    }

    /// The least N ≤ `limit` with max |R^N − I| ≤ `tolerance` (R row-major d×d), with that defect and the
    /// orthogonality defect max |RᵀR − I|; nil when no power up to `limit` comes back to I.
    public static func matrixOrder(_ r: [Double], dimension d: Int, limit: Int, tolerance: Double)
        -> (order: Int, powerDefect: Double, orthogonalityDefect: Double)?
    {
        var orthogonality = 0.0
        for i in 0..<d {
            for j in 0..<d {
                let dot = (0..<d).reduce(0.0) { $0 + r[$1 * d + i] * r[$1 * d + j] }
                orthogonality = max(orthogonality, abs(dot - (i == j ? 1 : 0)))
            }
        }
        var power = r
        for n in 1...max(limit, 1) {
            let defect = (0..<(d * d)).reduce(0.0) { max($0, abs(power[$1] - ($1 % (d + 1) == 0 ? 1 : 0))) }
            if defect <= tolerance { return (n, defect, orthogonality) }
            power = (0..<(d * d)).map { ij in (0..<d).reduce(0.0) { $0 + r[ij / d * d + $1] * power[$1 * d + ij % d] } }
        }
        return nil
    }

    /// Orbits read point by point from a data file (MATH.md §11.2): a 3-D .npy of shape (s, N, d) holds s orbits of
    /// N points; any other data file eqgeom reads (2-D .npy, CSV, IDX) holds s·N points row by row, N =
    /// `orbitLength`, orbit a in rows aN ..< (a+1)N, in the order g⁰x_a, g¹x_a, … (no check that they are orbits of
    /// one group: the analysis reports the invariance and circulant defects). Labels default to +1, −1 for two orbits.
    /// - Throws: `NumericError.invalidInput` on a shape that does not split into orbits, or labels that do not match.
    public static func load(path: String, orbitLength: Int?, labels: [Double]?) throws -> OrbitDataset {
        let name = (path as NSString).lastPathComponent
        var shape: [Int]? = nil
        let set: ImageDataset
        if InputFile.isRegularFile(path), let npy = try NumPyArray.streamedDoubles(path: path, name: name) {
            shape = npy.shape
            let rows = npy.shape.count == 3 ? npy.shape[0] * npy.shape[1] : nil
            set = try ImageDataset.validated(
                npy: rows.map { [$0, npy.shape[2]] } ?? npy.shape, dtype: npy.dtype, values: npy.values, name: name,
                features: nil)
        } else {
            set = try ImageDataset.load(path: path, features: nil)
        }
        let (s, n, d): (Int, Int, Int)
        if let shape, shape.count == 3 {
            guard orbitLength == nil || orbitLength == shape[1] else {
                throw NumericError.invalidInput("\(name) holds orbits of \(shape[1]) points, not \(orbitLength ?? 0)")
            }
            (s, n, d) = (shape[0], shape[1], shape[2])
        } else {
            guard let length = orbitLength, length >= 1, set.count % length == 0 else {
                throw NumericError.invalidInput(
                    "\(name) holds \(set.count) points in rows: give the orbit length N (a divisor of \(set.count)),"
                        + " or a 3-D .npy of shape (orbits, N, d)")
            }
            (s, n, d) = (set.count / length, length, set.features)
        }
        guard s >= 2, n >= 1, d >= 1 else {
            throw NumericError.invalidInput("\(name) holds \(s) orbit(s): kernel regression needs two or more")
        }
        let values = labels ?? (s == 2 ? [1, -1] : [])
        guard values.count == s, values.allSatisfy(\.isFinite) else {
            throw NumericError.invalidInput("\(name) holds \(s) orbits: give one finite label per orbit")
        }
        let orbits = (0..<s).map { a in
            (0..<n).map { t in Array(set.values[((a * n + t) * d)..<((a * n + t + 1) * d)]) }
        }
        return try OrbitDataset(cyclicOrbits: orbits, labels: values)
    }
}
