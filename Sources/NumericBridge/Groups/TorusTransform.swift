import Foundation
import Algebra
import Geometry

/// Qᵀ and Q of a torus Z_{r_1} × … × Z_{r_k} acting regularly (an image or volume shifted along every axis)
/// as a k-dimensional DFT (GROUPS.md §3.3): the point with exponent vector v carries x(v); the character
/// with frequencies m has coordinates √(2/n)·(Re X(m), −Im X(m)) (a pair {m, −m}) or X(m)/√n (real,
/// 2m = 0), X(m) = Σ_v x(v) e^{−2πi Σ m_j v_j/r_j}. Each axis is one real DFT applied by small matrix
/// products with the r_j×r_j cosine and sine tables: O(N·n·Σ r_j) work instead of the O(N·n²) of the dense
/// orbit block.
struct TorusTransform: Sendable {
    let sizes: [Int]
    /// Box index (v_1 + r_1·(v_2 + r_2·…)) of each point.
    let boxIndexOfPoint: [Int]
    /// Per column of Q: the box index of its frequency m, the scale, and whether it is the sine column.
    let columnFrequency: [Int]
    let columnScale: [Double]
    let columnIsSine: [Bool]
    /// Per axis: cos and sin tables, r×r row-major, entry (m, v) = cos/sin(2π m v / r).
    let cosine: [[Double]]
    let sine: [[Double]]

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
        var boxIndex = [Int](repeating: -1, count: layout.orbits.reduce(0) { max($0, ($1.max() ?? 0) + 1) })
        var used = Set<Int>()
        for (q, v) in zip(points, layout.coordinates[0]) {
            guard v.count == sizes.count, zip(v, sizes).allSatisfy({ $0 >= 0 && $0 < $1 }) else { return nil }
            var index = 0
            for j in stride(from: sizes.count - 1, through: 0, by: -1) { index = index * sizes[j] + v[j] }
            guard used.insert(index).inserted else { return nil }
            boxIndex[q] = index
        }
        let e = layout.exponent
        var frequency = [Int](repeating: 0, count: n)
        var scale = [Double](repeating: 0, count: n)
        var isSine = [Bool](repeating: false, count: n)
        for (b, block) in layout.blocks.enumerated() {
            let a = layout.characters[b]
            var index = 0
            for j in stride(from: sizes.count - 1, through: 0, by: -1) {
                let m = (a[j] * sizes[j] / e) % sizes[j]
                index = index * sizes[j] + m
            }
            let column = blockOffsets[b]
            frequency[column] = index
            if block.weight == 1 {
                scale[column] = 1 / Double(n).squareRoot()
            } else {
                scale[column] = (2 / Double(n)).squareRoot()
                frequency[column + 1] = index
                scale[column + 1] = (2 / Double(n)).squareRoot()
                isSine[column + 1] = true
            }
        }
        self.sizes = sizes
        boxIndexOfPoint = boxIndex
        columnFrequency = frequency
        columnScale = scale
        columnIsSine = isSine
        cosine = sizes.map { r in (0..<(r * r)).map { cos(2 * Double.pi * Double(($0 / r) * ($0 % r) % r) / Double(r)) }
        }
        sine = sizes.map { r in (0..<(r * r)).map { sin(2 * Double.pi * Double(($0 / r) * ($0 % r) % r) / Double(r)) } }
    }

    /// Rows per tile: the temporaries of one tile stay small (cache, no fresh zero-filled pages per call).
    static let tileRows = 256

    /// Y = X·Q for a row-major batch, tile by tile.
    func forward(_ x: [Double], batch: Int) -> [Double] {
        let n = columnScale.count
        var y = [Double](repeating: 0, count: batch * n)
        for start in stride(from: 0, to: batch, by: Self.tileRows) {
            let rows = min(Self.tileRows, batch - start)
            var re = [Double](repeating: 0, count: rows * n)
            for r in 0..<rows { for p in 0..<n { re[r * n + boxIndexOfPoint[p]] = x[(start + r) * n + p] } }
            var im = [Double](repeating: 0, count: rows * n)
            transform(&re, &im, batch: rows, sign: -1)
            for r in 0..<rows {
                for c in 0..<n {
                    let k = r * n + columnFrequency[c]
                    y[(start + r) * n + c] = columnScale[c] * (columnIsSine[c] ? -im[k] : re[k])
                }
            }
        }
        return y
    }

    /// X = Y·Qᵀ: x(v) = Re Σ_m Z(m) e^{+2πi m·v/r} with Z(m) = scale·(y_cos − i·y_sin) on one of ±m.
    func inverse(_ y: [Double], batch: Int) -> [Double] {
        let n = columnScale.count
        var x = [Double](repeating: 0, count: batch * n)
        for start in stride(from: 0, to: batch, by: Self.tileRows) {
            let rows = min(Self.tileRows, batch - start)
            var re = [Double](repeating: 0, count: rows * n)
            var im = [Double](repeating: 0, count: rows * n)
            for r in 0..<rows {
                for c in 0..<n {
                    let k = r * n + columnFrequency[c]
                    if columnIsSine[c] {
                        im[k] -= columnScale[c] * y[(start + r) * n + c]
                    } else {
                        re[k] += columnScale[c] * y[(start + r) * n + c]
                    }
                }
            }
            transform(&re, &im, batch: rows, sign: 1)
            for r in 0..<rows { for p in 0..<n { x[(start + r) * n + p] = re[r * n + boxIndexOfPoint[p]] } }
        }
        return x
    }

    /// The k-dimensional DFT Σ_v z(v) e^{sign·2πi m·v/r} of every row, axis by axis, in place. Each axis is
    /// brought to the fastest position (a transpose of every [r][inner] block), transformed by four large
    /// products with the r×r tables, and put back.
    private func transform(_ re: inout [Double], _ im: inout [Double], batch: Int, sign: Double) {
        var inner = 1
        let total = batch * columnScale.count
        for (j, r) in sizes.enumerated() {
            let outer = total / (r * inner)
            if inner > 1 {
                re = Self.transposeBlocks(re, outer: outer, rows: r, columns: inner)
                im = Self.transposeBlocks(im, outer: outer, rows: r, columns: inner)
            }
            // rows of length r: new = Z·(C + sign·i·S) (C, S symmetric), z = re + i·im
            let s = sine[j].map { $0 * sign }
            let negated = s.map { -$0 }
            let rows = total / r
            var newRe = BLAS.multiply(re, cosine[j], m: rows, n: r, k: r)
            var newIm = BLAS.multiply(im, cosine[j], m: rows, n: r, k: r)
            Self.accumulate(&newRe, im, negated, rows: rows, r: r)
            Self.accumulate(&newIm, re, s, rows: rows, r: r)
            if inner > 1 {
                newRe = Self.transposeBlocks(newRe, outer: outer, rows: inner, columns: r)
                newIm = Self.transposeBlocks(newIm, outer: outer, rows: inner, columns: r)
            }
            re = newRe
            im = newIm
            inner *= r
        }
    }

    /// c += a·b (a: rows×r, b: r×r).
    private static func accumulate(_ c: inout [Double], _ a: [Double], _ b: [Double], rows: Int, r: Int) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let x = pa.baseAddress, let y = pb.baseAddress, let z = pc.baseAddress else { return }
                    BLAS.gemm(x, y, z, m: rows, n: r, k: r, beta: 1)
                }
            }
        }
    }

    /// Each of `outer` row-major rows×columns blocks transposed.
    private static func transposeBlocks(_ a: [Double], outer: Int, rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: a.count)
        let size = rows * columns
        a.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for o in 0..<outer {
                    let base = o * size
                    for i in 0..<rows {
                        for k in 0..<columns { dst[base + k * rows + i] = src[base + i * columns + k] }
                    }
                }
            }
        }
        return out
    }
}
