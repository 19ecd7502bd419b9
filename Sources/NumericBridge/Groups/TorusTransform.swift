import Foundation
import Algebra
import Geometry

/// Qᵀ and Q of a torus Z_{r_1} × … × Z_{r_k} acting regularly (an image or volume shifted along every axis)
/// as a k-dimensional DFT (MATH.md §8.2): the point with exponent vector v carries x(v); the character
/// with frequencies m has coordinates √(2/n)·(Re X(m), −Im X(m)) (a pair {m, −m}) or X(m)/√n (real,
/// 2m = 0), X(m) = Σ_v x(v) e^{−2πi Σ m_j v_j/r_j}: one batched k-dimensional real FFT (FFTW, `RealFFT`)
/// per tile of rows, O(N·n log n) instead of the O(N·n²) of the dense orbit block.
struct TorusTransform: Sendable {
    let sizes: [Int]
    /// Box index (v_1 + r_1·(v_2 + r_2·…)) of each point.
    let boxIndexOfPoint: [Int]
    /// Per column of Q: the index of its frequency m (or of −m) in the half spectrum, whether that is −m
    /// (X(m) = conj X(−m)), the scale, and whether it is the sine column.
    let columnHalfIndex: [Int]
    let columnConjugate: [Bool]
    let columnScale: [Double]
    let columnIsSine: [Bool]
    /// Whether the column belongs to a conjugate pair (weight 2) rather than a real character.
    let columnIsPair: [Bool]
    /// For the inverse: per column, the half-spectrum places that receive its value: (index, conjugate).
    let columnPlaces: [[(index: Int, conjugate: Bool)]]
    let plans = PlanCache<RealFFT>()

    /// nil unless the layout is one orbit on which the generators act as independent cyclic shifts.
    init?(_ layout: CharacterLayout, blockOffsets: [Int]) {
        guard layout.orbits.count == 1, let points = layout.orbits.first, let base = points.first else { return nil }
        let n = points.count
        let sizes = layout.generators.map { g -> Int in
            var x = Int(g[base])
            var r = 1
            while x != base {
                x = Int(g[x])
                r += 1
            }
            return r
        }
        guard sizes.reduce(1, *) == n else { return nil }
        var boxIndex = [Int](repeating: -1, count: n)
        var used = Set<Int>()
        for (q, v) in zip(points, layout.coordinates[0]) {
            guard q < n, v.count == sizes.count, zip(v, sizes).allSatisfy({ $0 >= 0 && $0 < $1 }) else { return nil }
            guard used.insert(Self.boxIndex(v, sizes)).inserted else { return nil }
            boxIndex[q] = Self.boxIndex(v, sizes)
        }
        let e = layout.exponent
        var halfIndex = [Int](repeating: 0, count: n)
        var conjugate = [Bool](repeating: false, count: n)
        var scale = [Double](repeating: 0, count: n)
        var isSine = [Bool](repeating: false, count: n)
        var isPair = [Bool](repeating: false, count: n)
        var places = [[(index: Int, conjugate: Bool)]](repeating: [], count: n)
        for (b, block) in layout.blocks.enumerated() {
            let m = zip(layout.characters[b], sizes).map { ($0 * $1 / e) % $1 }
            let minus = zip(m, sizes).map { ($1 - $0) % $1 }
            let (index, conj) = Self.halfIndex(m, minus, sizes)
            var targets: [(index: Int, conjugate: Bool)] = []
            if let i = Self.halfPlace(m, sizes) { targets.append((i, false)) }
            if minus != m, let i = Self.halfPlace(minus, sizes) { targets.append((i, true)) }
            let column = blockOffsets[b]
            for c in column..<(column + block.weight) {
                halfIndex[c] = index
                conjugate[c] = conj
                places[c] = targets
                scale[c] = block.weight == 1 ? 1 / Double(n).squareRoot() : (2 / Double(n)).squareRoot()
                isSine[c] = c > column
                isPair[c] = block.weight == 2
            }
        }
        self.sizes = sizes
        boxIndexOfPoint = boxIndex
        columnHalfIndex = halfIndex
        columnConjugate = conjugate
        columnScale = scale
        columnIsSine = isSine
        columnIsPair = isPair
        columnPlaces = places
    }

    static func boxIndex(_ v: [Int], _ sizes: [Int]) -> Int {
        var index = 0
        for j in stride(from: sizes.count - 1, through: 0, by: -1) { index = index * sizes[j] + v[j] }
        return index
    }

    /// The index of frequency m in FFTW's half spectrum (dims r_k … r_1, the first axis halved), or nil
    /// when m_1 > r_1/2.
    static func halfPlace(_ m: [Int], _ sizes: [Int]) -> Int? {
        guard let r1 = sizes.first, let m1 = m.first, m1 <= r1 / 2 else { return nil }
        var index = 0
        for j in stride(from: sizes.count - 1, through: 1, by: -1) { index = index * sizes[j] + m[j] }
        return index * (r1 / 2 + 1) + m1
    }

    /// Where X(m) is read: at m, or at −m conjugated.
    static func halfIndex(_ m: [Int], _ minus: [Int], _ sizes: [Int]) -> (Int, Bool) {
        if let i = halfPlace(m, sizes) { return (i, false) }
        return (halfPlace(minus, sizes) ?? 0, true)
    }

    var dims: [Int] { sizes.reversed() }

    /// Y = X·Q for a row-major batch, tile by tile.
    func forward(_ x: [Double], batch: Int) -> [Double] {
        var y = [Double](unsafeUninitializedCapacity: x.count) { _, count in count = x.count }
        x.withUnsafeBufferPointer { src in
            y.withUnsafeMutableBufferPointer { dst in
                guard let xp = src.baseAddress, let yp = dst.baseAddress else { return }
                forward(xp, rows: batch, into: yp)
            }
        }
        return y
    }

    /// Y = X·Q for `rows` rows at x into y (every entry of the rows is written).
    func forward(_ x: UnsafePointer<Double>, rows batch: Int, into y: UnsafeMutablePointer<Double>) {
        let n = columnScale.count
        let rowsPerTile = StructuredTransform.rowsPerTile(batch: batch, rowLength: n)
        for start in stride(from: 0, to: batch, by: rowsPerTile) {
            let rows = min(rowsPerTile, batch - start)
            let fft = plans.plan(dims: dims, howMany: rows)
            for r in 0..<rows { for p in 0..<n { fft.input[r * n + boxIndexOfPoint[p]] = x[(start + r) * n + p] } }
            fft.forward()
            let half = fft.halfCount
            for r in 0..<rows {
                let spectrum = fft.output + 2 * r * half
                for c in 0..<n {
                    let k = 2 * columnHalfIndex[c]
                    let value =
                        columnIsSine[c] ? (columnConjugate[c] ? spectrum[k + 1] : -spectrum[k + 1]) : spectrum[k]
                    y[(start + r) * n + c] = columnScale[c] * value
                }
            }
        }
    }

    /// X = Y·Qᵀ: the full Hermitian spectrum X(m) = Z/2, X(−m) = conj(Z)/2 with Z = scale·(y_cos − i·y_sin)
    /// for a pair, X(m) = scale·y for a real character, transformed back.
    func inverse(_ y: [Double], batch: Int) -> [Double] {
        let n = columnScale.count
        var x = [Double](repeating: 0, count: batch * n)
        let rowsPerTile = StructuredTransform.rowsPerTile(batch: batch, rowLength: n)
        for start in stride(from: 0, to: batch, by: rowsPerTile) {
            let rows = min(rowsPerTile, batch - start)
            let fft = plans.plan(dims: dims, howMany: rows)
            let half = fft.halfCount
            fft.output.update(repeating: 0, count: 2 * rows * half)
            for r in 0..<rows {
                let spectrum = fft.output + 2 * r * half
                for c in 0..<n {
                    let v = columnScale[c] * y[(start + r) * n + c]
                    for place in columnPlaces[c] {
                        let k = 2 * place.index
                        if columnIsSine[c] {
                            // Z's imaginary part is −v; conj(Z) has +v
                            spectrum[k + 1] += (place.conjugate ? v : -v) / 2
                        } else {
                            spectrum[k] += columnIsPair[c] ? v / 2 : v
                        }
                    }
                }
            }
            fft.backward()
            for r in 0..<rows { for p in 0..<n { x[(start + r) * n + p] = fft.input[r * n + boxIndexOfPoint[p]] } }
        }
        return x
    }
}
