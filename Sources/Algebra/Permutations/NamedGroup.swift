/// A permutation group named by its family and degree, as GAP writes them: `S5` (SymmetricGroup), `A7`
/// (AlternatingGroup), `C10` (CyclicGroup as permutations) and `D8` (the dihedral group of the 8-gon, order 16,
/// on its 8 vertices). The name stands for its standard generators (MATH.md §1).
public struct NamedGroup: Sendable, Hashable {
    /// The family of a named group.
    public enum Family: Character, Sendable, Hashable, CaseIterable {
        case symmetric = "S"
        case alternating = "A"
        case cyclic = "C"
        case dihedral = "D"
    }

    /// The family.
    public let family: Family
    /// n, the number of points.
    public let degree: Int

    /// Largest degree a name may give (generators are n-point arrays; tuple orbits are found without listing).
    public static let maximumDegree = 1 << 24

    /// - Throws: `PermutationError.invalidSize` for a degree outside 1…`maximumDegree` (3… for a dihedral group).
    public init(_ family: Family, degree: Int) throws {
        let least = family == .dihedral ? 3 : 1
        guard degree >= least, degree <= Self.maximumDegree else {
            throw PermutationError.invalidSize(
                "\(family.rawValue)<n> needs \(least) ≤ n ≤ \(Self.maximumDegree), got n = \(degree)")
        }
        self.family = family
        self.degree = degree
    }

    /// Parses `S5`, `A7`, `C10`, `D8` (the letter in either case).
    /// - Throws: `PermutationError.notAGroupName` for another form; as `init(_:degree:)`.
    public init(parsing text: String) throws {
        let words = text.split(whereSeparator: \.isWhitespace)
        let trimmedText = words.count == 1 ? String(words[0]) : text
        guard let letter = trimmedText.first?.uppercased().first, let family = Family(rawValue: letter) else {
            throw PermutationError.notAGroupName(String(trimmedText.prefix(40)))
        }
        let digits = trimmedText.dropFirst()
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits)
        else {
            throw PermutationError.notAGroupName(String(trimmedText.prefix(40)))
        }
        try self.init(family, degree: n)
    }

    /// The name, as parsed: `S5`.
    public var name: String { "\(family.rawValue)\(degree)" }

    /// The standard generators: (1 2) and (1 2 … n) for S_n; (1 2 3) with (1 2 … n) for odd n or (2 3 … n) for
    /// even n for A_n; (1 2 … n) for C_n; the rotation and the reflection i ↦ n + 1 − i for D_n. None generate the
    /// trivial groups S_1, A_1, A_2, C_1.
    public var generators: [Permutation] {
        get throws {
            let n = degree
            let rotation = try Permutation(zeroBasedImages: (0..<n).map { Int32(($0 + 1) % n) })
            switch family {
            case .symmetric:
                guard n >= 2 else { return [] }
                return [try Permutation(zeroBasedImages: [1, 0] + (2..<n).map { Int32($0) }), rotation]
            case .alternating:
                guard n >= 3 else { return [] }
                let threeCycle = try Permutation(zeroBasedImages: [1, 2, 0] + (3..<n).map { Int32($0) })
                if n % 2 == 1 { return [threeCycle, rotation] }
                // (2 3 … n): an (n − 1)-cycle, even for even n
                let shifted = try Permutation(zeroBasedImages: [0] + (1..<n).map { Int32($0 == n - 1 ? 1 : $0 + 1) })
                return [threeCycle, shifted]
            case .cyclic:
                return n >= 2 ? [rotation] : []
            case .dihedral:
                let reflection = try Permutation(zeroBasedImages: (0..<n).map { Int32(n - 1 - $0) })
                return [rotation, reflection]
            }
        }
    }

    /// |G|: n!, n!/2 (1 for n ≤ 2), n, 2n.
    public var order: BigInteger {
        switch family {
        case .symmetric: return BigInteger.factorial(UInt(degree))
        case .alternating: return degree <= 2 ? BigInteger(1) : BigInteger.factorial(UInt(degree)) / BigInteger(2)
        case .cyclic: return BigInteger(degree)
        case .dihedral: return BigInteger(2 * degree)
        }
    }

    /// The group on `degree` points (more points fixed when `degree` exceeds n), with its order known.
    /// - Throws: `PermutationError.degreeTooSmall` for a degree below n; as `PermutationGroup.init`.
    public func group(degree points: Int? = nil) throws -> PermutationGroup {
        let n = points ?? degree
        guard n >= degree else { throw PermutationError.degreeTooSmall(given: n, needed: degree) }
        var group = try PermutationGroup(generators: try generators.map { try $0.extended(to: n) }, degree: n)
        group.knownOrder = order
        return group
    }
}
