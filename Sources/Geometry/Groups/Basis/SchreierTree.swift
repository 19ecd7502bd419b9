/// A Schreier tree of one orbit: points in breadth-first order from the base point points[0], each point
/// i > 0 reached from `parent[i]` by generator `generator[i]` (g_q = s·g_parent), and the position of every
/// point of the orbit.
public struct SchreierTree: Sendable {
    /// The orbit's points (0-based) in breadth-first order, base point first.
    public let points: [Int]
    /// For each position, the position of the point it is reached from (−1 for the base point).
    public let parent: [Int]
    /// For each position, the generator that reaches it (−1 for the base point).
    public let generator: [Int]
    /// Each point's position in `points`.
    public let position: [Int: Int]

    /// The tree of the orbit from its least point, generators tried in order (0-based images).
    public init(orbit: [Int], generators: [[Int32]]) {
        guard let base = orbit.min() else {
            (points, parent, generator, position) = ([], [], [], [:])
            return
        }
        var points = [base]
        var parent = [-1]
        var generator = [-1]
        var position = [base: 0]
        position.reserveCapacity(orbit.count)
        var head = 0
        while head < points.count {
            let x = points[head]
            for (k, s) in generators.enumerated() {
                let y = Int(s[x])
                if position[y] == nil {
                    position[y] = points.count
                    points.append(y)
                    parent.append(head)
                    generator.append(k)
                }
            }
            head += 1
        }
        self.points = points
        self.parent = parent
        self.generator = generator
        self.position = position
    }
}
