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
