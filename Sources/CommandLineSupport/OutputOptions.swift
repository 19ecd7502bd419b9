import Algebra
import ArgumentParser
import Foundation

/// `--json`, `--gap` and `--full`: how results are printed on stdout.
public struct OutputOptions: ParsableArguments {
    public init() {}

    @Flag(name: .long, help: "Print one JSON object (big integers as strings of decimal digits, always in full).")
    public var json = false

    @Flag(name: .long, help: "Print one GAP record instead (GAP's Read or EvalString reads it back).")
    public var gap = false

    @Flag(name: .long, help: "Print integers of any length in full in tables (default: first and last digits).")
    public var full = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Memory budget, e.g. 4G, 512M or bytes (default 4G); larger requests are refused before work.",
            valueName: "size"))
    public var memoryLimit: String?

    public func validate() throws {
        if json && gap { throw ValidationError("--json and --gap are two formats of one result; give one") }
        guard let text = memoryLimit else { return }
        guard let bytes = MemoryBudget.parse(text) else {
            throw ValidationError("--memory-limit takes a positive size such as 4G, 512M or 1048576, got '\(text)'")
        }
        // a budget beyond the machine's memory would let the kernel kill eqgeom instead of a clean refusal
        let physical = sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
        guard physical <= 0 || bytes <= physical else {
            throw ValidationError(
                "--memory-limit \(ByteCount.format(bytes)) exceeds this machine's "
                    + "\(ByteCount.format(physical)) of memory")
        }
        // validated before any command runs, so every estimate sees the user's budget
        MemoryBudget.limit = bytes
    }
}
