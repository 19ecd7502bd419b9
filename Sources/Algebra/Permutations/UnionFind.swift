/// Disjoint sets over 0..<n with path halving and union by size; iterative, so no recursion limit.
/// Not API.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(_ n: Int) {
        parent = (0..<Int32(n)).map { $0 }
        size = [Int32](repeating: 1, count: n)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != Int32(x) {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    /// Merges the sets of a and b; returns whether they were different.
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var (ra, rb) = (find(a), find(b))
        if ra == rb { return false }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = Int32(ra)
        size[ra] += size[rb]
        return true
    }

    /// The sets, each sorted, ordered by smallest element.
    mutating func classes() -> [[Int]] {
        var byRoot: [Int: Int] = [:]
        var out: [[Int]] = []
        for x in 0..<parent.count {
            let r = find(x)
            if let k = byRoot[r] {
                out[k].append(x)
            } else {
                byRoot[r] = out.count
                out.append([x])
            }
        }
        return out
    }
}
