/// Cycle types of the image and volume actions in closed form (MATH.md §1), so that counting needs no
/// permutation of the pixels: n may reach 2^31 − 1 without an array of that size.
extension CycleType {
    /// A shift by one along an axis of length L of a grid with n points: n/L cycles of length L.
    /// - Throws: `PermutationError.invalidSize`/`.tooLarge` for non-positive or too many points.
    public static func shift(dimensions: [Int], axisLength: Int) throws -> CycleType {
        let n = try checkedPoints(dimensions)
        return try CycleType(counts: [(axisLength, n / axisLength)])
    }

    /// Counterclockwise rotation of an N×N image: by 90° or 270°, ⌊N²/4⌋ 4-cycles and a fixed centre when
    /// N is odd; by 180°, ⌊N²/2⌋ 2-cycles and the centre.
    public static func rotation(size n: Int, degrees: Int) throws -> CycleType {
        let points = try checkedPoints([n, n])
        let centre = n % 2
        switch ((degrees / 90) % 4 + 4) % 4 {
        case 0: return try CycleType(counts: [(1, points)])
        case 2: return try CycleType(counts: [(2, points / 2), (1, centre)])
        default: return try CycleType(counts: [(4, points / 4), (1, centre)])
        }
    }

    /// Reflections: a mirror fixes the middle column (horizontal) or row (vertical) of odd size and swaps
    /// the rest in pairs; the diagonal fixes the N diagonal pixels and swaps N(N−1)/2 pairs.
    public static func reflection(height h: Int, width w: Int, _ kind: Permutation.Reflection) throws -> CycleType {
        let points = try checkedPoints([h, w])
        let fixed: Int
        switch kind {
        case .horizontal: fixed = w % 2 == 1 ? h : 0
        case .vertical: fixed = h % 2 == 1 ? w : 0
        case .diagonal:
            guard h == w else {
                throw PermutationError.invalidSize("a diagonal reflection needs a square image, got \(h)x\(w)")
            }
            fixed = h
        }
        return try CycleType(counts: [(2, (points - fixed) / 2), (1, fixed)])
    }

    /// The number of points of a grid: refused when a dimension is not positive or there are more than
    /// `maximumDegree` points.
    static func checkedPoints(_ dims: [Int]) throws -> Int {
        var n = 1
        for d in dims {
            guard d >= 1 else {
                throw PermutationError.invalidSize(
                    "dimensions must be positive, got \(dims.map(String.init).joined(separator: "x"))")
            }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow, p <= maximumDegree else {
                throw PermutationError.tooLarge(
                    "\(dims.map(String.init).joined(separator: "x")) has more than 2^31 − 1 points")
            }
            n = p
        }
        return n
    }
}
