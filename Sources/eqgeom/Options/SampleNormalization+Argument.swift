import CommandLineSupport
import ArgumentParser
import NumericBridge

/// `--normalize none|sphere|centered-sphere`.
extension SampleNormalization: ExpressibleByArgument {}
