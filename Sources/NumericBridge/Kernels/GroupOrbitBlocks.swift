import Foundation
import Algebra

/// An invariant kernel on s orbits of a finite group G in G's isotypic frame (MATH.md §11.3 for any G;
/// MATH.md §8.1): with Q the frame of the regular representation (left multiplication on the N positions),
/// (I_s ⊗ Q)ᵀ K (I_s ⊗ Q) = ⊕_ρ I_c ⊗ F_ρ, where F_ρ = [F_ρ^{ab}] is s·δμ square (real, complex or quaternionic
/// blocks realified), and (K⁻¹)_{(a,t),(b,u)} = Σ_ρ Σ_slots Σ_{p,q} Q_{t,p} [F_ρ⁻¹]_{(a,p),(b,q)} Q_{u,q}.
struct GroupOrbitBlocks: OrbitBlocks {
    let spectra: [BlockSpectrum]
    /// F_ρ⁻¹ per block, row-major (s·δμ)², index (a, p) = a·δμ + p.
    let inverses: [[Double]]
    let frame: IsotypicFrame
    let seeds: Int

    /// - Parameters: k: the sN×sN kernel (orbit-major, ridge included), leftMultiplication: the generators on
    ///   the N positions.
    ///   Zero eigenvalues are left out of the inverses (the analysis uses them only for regular K).
    /// - Throws: the frame's errors.
    init(
        kernel k: [Double], seeds s: Int, leftMultiplication: [[Int]], progress: (String) -> Void = { _ in }
    ) throws {
        let n = leftMultiplication.first?.count ?? 0
        let group = try PermutationGroup(
            generators: leftMultiplication.map { try Permutation(zeroBasedImages: $0) }, degree: n)
        progress("the isotypic frame of G's regular representation (|G| = \(n))")
        frame = IsotypicFrame(try GroupNumericBasis.build(group, progress: progress))
        seeds = s
        let size = s * n
        // F_ρ^{ab} from the projection of Qᵀ K_ab Q onto the commutant's blocks
        var pieces: [[[Double]]] = []
        for a in 0..<s {
            for b in 0..<s {
                var block = [Double](repeating: 0, count: n * n)
                for t in 0..<n { for u in 0..<n { block[t * n + u] = k[(a * n + t) * size + b * n + u] } }
                pieces.append(WeightIdentification.project(frame.conjugate(block), frame: frame).maps)
            }
        }
        var spectra: [BlockSpectrum] = []
        var inverses: [[Double]] = []
        for (r, b) in frame.blocks.enumerated() {
            let d = b.type.dimension * b.multiplicity
            let m = s * d
            var f = [Double](repeating: 0, count: m * m)
            for a in 0..<s {
                for c in 0..<s {
                    let piece = pieces[a * s + c][r]
                    for p in 0..<d { for q in 0..<d { f[(a * d + p) * m + c * d + q] = piece[p * d + q] } }
                }
            }
            let e = try Eigen.symmetric(f, m)
            let reciprocals = e.values.map { $0 == 0 ? 0 : 1 / $0 }
            spectra.append(BlockSpectrum(block: b.label, eigenvalues: e.values))
            var inverse = [Double](repeating: 0, count: m * m)
            for i in 0..<m {
                for j in 0..<m {
                    for l in 0..<m {
                        inverse[i * m + j] += e.vectors[i * m + l] * e.vectors[j * m + l] * reciprocals[l]
                    }
                }
            }
            inverses.append(inverse)
        }
        self.spectra = spectra
        self.inverses = inverses
    }

    func inverseEntry(_ a: Int, _ t: Int, _ b: Int, _ u: Int) -> Double {
        let rowT = row(t)
        let rowU = row(u)
        var sum = 0.0
        for (r, block) in frame.blocks.enumerated() {
            let d = block.type.dimension * block.multiplicity
            let m = seeds * d
            for j in 0..<block.slots {
                let columns = block.columns[(j * d)..<((j + 1) * d)]
                for (p, cp) in columns.enumerated() {
                    for (q, cq) in columns.enumerated() {
                        sum += rowT[cp] * inverses[r][(a * d + p) * m + b * d + q] * rowU[cq]
                    }
                }
            }
        }
        return sum
    }

    /// Row t of Q: e_tᵀ·Q.
    private func row(_ t: Int) -> [Double] {
        var unit = [Double](repeating: 0, count: frame.degree)
        unit[t] = 1
        return frame.forward(unit, batch: 1)
    }
}
