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

    /// Without `--data`, an image size other than the built-in 28×28 is refused from the option alone, before the
    /// symmetry (of up to 2^28 points) is built.
    func requireBuiltInDataFits(_ path: String?) throws {
        guard path == nil, let size = permutationOptions.image else { return }
        try TrainingOptions.requireBuiltIn(features: size.dimensions.reduce(1, *))
    }
}
