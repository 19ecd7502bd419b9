import ArgumentParser

/// `--seed`: the one seed of a command's random choices (data shifts and rotations, initialisations, batches,
/// sampled components); equal seeds give equal runs on every platform (SplitMix64).
struct SeedOption: ParsableArguments {
    @Option(help: "Seed of the random choices (data moves, initialisation, batches, sampling).")
    var seed: UInt64 = 1
}
