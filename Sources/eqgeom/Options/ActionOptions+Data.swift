import CommandLineSupport
import ArgumentParser
import NumericBridge

extension ActionOptions {
    /// The block spectra of the data at `path` (or of the built-in MNIST subset for 28×28 images) in the frame of
    /// the named symmetry, in the block order of `symmetry()`.
    func spectra(data path: String?) throws -> any BlockSpectra {
        guard cycleType == nil else {
            throw ValidationError("--cycle-type names no permutation to transform data by; give --perm or --image")
        }
        let symmetry = try permutationOptions.namedSymmetry(with: generatorOptions)
        let dataset = try TrainingOptions.dataset(path: path, features: symmetry.degree)
        let frame = try symmetry.frame(progress: { progress($0) })
        progress("\(dataset.count) samples: block spectra")
        return try frame.spectra(of: dataset)
    }
}
