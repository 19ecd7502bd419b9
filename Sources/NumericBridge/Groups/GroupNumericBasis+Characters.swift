import Foundation
import Algebra
import Geometry

extension GroupNumericBasis {
    /// Q of an abelian group from its characters (MATH.md §8.2): on an orbit of size m, a real character χ
    /// gives the column χ(v)/√m, a conjugate pair {a, −a} the columns √(2/m)·cos(2π a·v/e) and
    /// √(2/m)·sin(2π a·v/e) (for a torus of images applied by FFTW's 2-D real transform, `TorusTransform`);
    /// P_s acts on the pair by the rotation by 2π a_s/e. O(Σ|O|²) entries, no exact engine (which would cost
    /// minutes for a 28×28 torus); the argument a·v is reduced mod e before rounding, so every entry is within a
    /// few ulp.
    public init(characters layout: CharacterLayout) throws {
        try MemoryBudget.require(
            ByteCount.product(layout.orbits.reduce(0) { $0 + $1.count * $1.count }, 8),
            for: "the orbit blocks of Q", advice: "use a group with smaller orbits")
        let e = layout.exponent
        var offsets = [0]
        for b in layout.blocks { offsets.append((offsets.last ?? 0) + b.weight * b.multiplicity) }
        var copiesSoFar = [Int](repeating: 0, count: layout.blocks.count)
        var orbits: [OrbitBlock] = []
        for (o, points) in layout.orbits.enumerated() {
            let m = points.count
            var columns: [Int] = []
            var values: [[Double]] = []
            for b in layout.orbitBlocks[o] {
                let a = layout.characters[b]
                let w = layout.blocks[b].weight
                let start = offsets[b] + copiesSoFar[b] * w
                copiesSoFar[b] += 1
                let phases = layout.coordinates[o].map { v in zip(a, v).reduce(0) { ($0 + $1.0 * $1.1) % e } }
                if w == 1 {
                    columns.append(start)
                    values.append(phases.map { cos(2 * Double.pi * Double($0) / Double(e)) / Double(m).squareRoot() })
                } else {
                    let scale = (2 / Double(m)).squareRoot()
                    columns += [start, start + 1]
                    values.append(phases.map { scale * cos(2 * Double.pi * Double($0) / Double(e)) })
                    values.append(phases.map { scale * sin(2 * Double.pi * Double($0) / Double(e)) })
                }
            }
            var dense = [Double](repeating: 0, count: m * columns.count)
            for (j, column) in values.enumerated() { for i in 0..<m { dense[i * columns.count + j] = column[i] } }
            orbits.append(OrbitBlock(points: points, columns: columns, values: dense))
        }
        let blocks = layout.blocks.enumerated().map { b, block in
            let a = layout.characters[b]
            let model: [[Double]] = a.map { aj in
                let phi = 2 * Double.pi * Double(aj % e) / Double(e)
                return block.weight == 1 ? [cos(phi).rounded()] : [cos(phi), -sin(phi), sin(phi), cos(phi)]
            }
            let structure: [[Double]] = block.weight == 1 ? [[1]] : [[1, 0, 0, 1], [0, -1, 1, 0]]
            return Block(block: block, offset: offsets[b], structure: structure, model: model)
        }
        self.init(
            degree: layout.orbits.reduce(0) { $0 + $1.count }, orbits: orbits, blocks: blocks,
            generators: layout.generators, entryError: 4 * Double.ulpOfOne,
            torus: TorusTransform(layout, blockOffsets: offsets))
    }

    /// Q for any group: the character basis for abelian groups, else the exact adapted basis evaluated.
    public static func build(_ group: PermutationGroup, progress: (String) -> Void = { _ in }) throws -> Self {
        if let layout = CharacterLayout(group: group) { return try Self(characters: layout) }
        return try Self(try AdaptedBasis(group: group, allowUnmodelled: true, progress: progress))
    }
}
