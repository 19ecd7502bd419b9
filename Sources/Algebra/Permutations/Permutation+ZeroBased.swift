// The one place where eqgeom's 1-based points (GAP, cycle notation, MATH.md §1) meet the 0-based images of
// files, NumPy and array indices.

extension Permutation {
    /// σ's images 0-based: entry i is σ(i + 1) − 1 (how files, Python and array code spell σ).
    public var zeroBasedImages: [Int32] { storage }

    /// σ from 0-based images (entry i is σ(i + 1) − 1), checked like `init(images:)`.
    /// - Throws: `PermutationError` when the entries are not a permutation of 0…n − 1.
    public init(zeroBasedImages images: [Int]) throws {
        try self.init(images: images.map { $0 + 1 })
    }

    /// σ from 0-based `Int32` images, checked.
    /// - Throws: `PermutationError` when the entries are not a permutation of 0…n − 1.
    public init(zeroBasedImages images: [Int32]) throws {
        try self.init(images: images.map { Int($0) + 1 })
    }
}

extension PermutationGroup {
    /// The generators' 0-based images.
    public var zeroBasedGenerators: [[Int32]] { generators.map(\.zeroBasedImages) }

    /// The orbits with 0-based points.
    public var zeroBasedOrbits: [[Int]] { orbits.map { $0.map { $0 - 1 } } }
}
