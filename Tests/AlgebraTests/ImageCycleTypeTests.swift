import Testing

@testable import Algebra

/// The closed-form cycle types of image and volume actions against the permutations themselves.
@Suite struct ImageCycleTypeTests {
    @Test func shiftsRotationsAndReflectionsMatchBuiltPermutations() throws {
        for h in 1...7 {
            for w in 1...7 {
                for axis in [Permutation.Axis.x, .y] {
                    let built = try Permutation.shift(height: h, width: w, along: axis).cycleType
                    #expect(try CycleType.shift(dimensions: [h, w], axisLength: axis == .x ? w : h) == built)
                }
                for kind in Permutation.Reflection.allCases where kind != .diagonal || h == w {
                    let built = try Permutation.reflection(height: h, width: w, kind).cycleType
                    #expect(try CycleType.reflection(height: h, width: w, kind) == built, "\(h)x\(w) \(kind)")
                }
            }
            for degrees in [0, 90, 180, 270, -90] {
                let built = try Permutation.rotation(size: h, degrees: degrees).cycleType
                #expect(try CycleType.rotation(size: h, degrees: degrees) == built, "\(h) \(degrees)")
            }
        }
        for (d, h, w) in [(2, 3, 4), (3, 1, 2), (1, 5, 5)] {
            for (axis, length) in [(Permutation.Axis.x, w), (.y, h), (.z, d)] {
                let built = try Permutation.shift(depth: d, height: h, width: w, along: axis).cycleType
                #expect(try CycleType.shift(dimensions: [d, h, w], axisLength: length) == built)
            }
        }
    }

    @Test func hugeImagesNeedNoPermutation() throws {
        let t = try CycleType.shift(dimensions: [16384, 16384], axisLength: 16384)
        #expect(t.degree == 268_435_456 && t.cycleCount == 16384)
        #expect(throws: PermutationError.self) { try CycleType.shift(dimensions: [65536, 65536], axisLength: 65536) }
    }
}
