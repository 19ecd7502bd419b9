/// Permutations of pixels and voxels induced by moving an image (MATH.md §1: pixel (row i, column j)
/// of an H×W image is point i·W + j + 1, rows and columns 0-based). Each constructor names where the
/// pixel at (i, j) goes.
extension Permutation {
    /// Axis of an image or volume along which a cyclic shift moves pixels.
    public enum Axis: String, Sendable, CaseIterable {
        /// Columns (to the right): (i, j) → (i, j+1 mod W); in a volume, the last index.
        case x
        /// Rows (down): (i, j) → (i+1 mod H, j); in a volume, the middle index.
        case y
        /// Slices, volumes only: (k, i, j) → (k+1 mod D, i, j).
        case z
    }

    /// Mirror of an image.
    public enum Reflection: String, Sendable, CaseIterable {
        /// Left–right mirror: (i, j) → (i, W−1−j).
        case horizontal
        /// Top–bottom mirror: (i, j) → (H−1−i, j).
        case vertical
        /// Transpose across the main diagonal: (i, j) → (j, i); square images only.
        case diagonal
    }

    /// Most pixels an image action builds as an explicit permutation (2^28, 1 GiB of images).
    public static let maximumPixels = 1 << 28

    static func checkedSize(_ dims: [Int]) throws -> Int {
        let n = try CycleType.checkedPoints(dims)
        guard n <= maximumPixels else {
            throw PermutationError.tooLarge(
                "\(dims.map(String.init).joined(separator: "x")) pixels (limit 2^28 as a permutation); "
                    + "for counting, give the cycle type instead")
        }
        try Permutation.requireMemory(degree: n)
        return n
    }

    /// Builds the permutation sending pixel (i, j) to `target(i, j)`.
    static func imageAction(height h: Int, width w: Int, _ target: (Int, Int) -> (Int, Int)) throws -> Permutation {
        let n = try checkedSize([h, w])
        var s = [Int32](repeating: 0, count: n)
        for i in 0..<h {
            for j in 0..<w {
                let (a, b) = target(i, j)
                s[i * w + j] = Int32(a * w + b)
            }
        }
        return Permutation(unchecked: s)
    }

    /// Cyclic shift of an H×W image by one pixel along `axis` (x: right within each row, y: down
    /// within each column). The 28×28 horizontal shift is 28 disjoint 28-cycles.
    public static func shift(height h: Int, width w: Int, along axis: Axis) throws -> Permutation {
        switch axis {
        case .x: return try imageAction(height: h, width: w) { ($0, ($1 + 1) % w) }
        case .y: return try imageAction(height: h, width: w) { (($0 + 1) % h, $1) }
        case .z: throw PermutationError.invalidSize("an image has axes x and y; use a volume DxHxW for z")
        }
    }

    /// Counterclockwise rotation of an N×N image by 90° or 180° (multiples of 90 are accepted:
    /// 90, 180, 270, also negative). 90°: (i, j) → (N−1−j, i).
    public static func rotation(size n: Int, degrees: Int) throws -> Permutation {
        guard degrees % 90 == 0 else {
            throw PermutationError.invalidSize("rotation angle must be a multiple of 90 degrees, got \(degrees)")
        }
        let quarter = try imageAction(height: n, width: n) { (n - 1 - $1, $0) }
        return quarter.power(((degrees / 90) % 4 + 4) % 4)
    }

    /// Reflection of an H×W image (diagonal: square images only).
    public static func reflection(height h: Int, width w: Int, _ kind: Reflection) throws -> Permutation {
        switch kind {
        case .horizontal: return try imageAction(height: h, width: w) { ($0, w - 1 - $1) }
        case .vertical: return try imageAction(height: h, width: w) { (h - 1 - $0, $1) }
        case .diagonal:
            guard h == w else {
                throw PermutationError.invalidSize("a diagonal reflection needs a square image, got \(h)x\(w)")
            }
            return try imageAction(height: h, width: w) { ($1, $0) }
        }
    }

    /// Cyclic shift by one voxel of a D×H×W volume (voxel (k, i, j) is point k·H·W + i·W + j + 1)
    /// along x (j), y (i) or z (k).
    public static func shift(depth d: Int, height h: Int, width w: Int, along axis: Axis) throws -> Permutation {
        let n = try checkedSize([d, h, w])
        var s = [Int32](repeating: 0, count: n)
        for k in 0..<d {
            for i in 0..<h {
                for j in 0..<w {
                    let (a, b, c): (Int, Int, Int)
                    switch axis {
                    case .x: (a, b, c) = (k, i, (j + 1) % w)
                    case .y: (a, b, c) = (k, (i + 1) % h, j)
                    case .z: (a, b, c) = ((k + 1) % d, i, j)
                    }
                    s[(k * h + i) * w + j] = Int32((a * h + b) * w + c)
                }
            }
        }
        return Permutation(unchecked: s)
    }
}
