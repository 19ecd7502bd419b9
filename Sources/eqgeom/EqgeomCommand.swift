import ArgumentParser
import Foundation

/// The `eqgeom` command line: a thin layer over Algebra, Geometry and NumericBridge.
/// Every failure prints one line `eqgeom: error: …` on stderr and exits with status 2.
@main
struct EqgeomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eqgeom",
        abstract: "Exact geometry of equivariant and invariant linear neural networks (Kohn–Sattelberger–Shahverdi).",
        version: "0.1.0",
        subcommands: [
            Determinantal.self, Invariant.self, Equivariant.self, Components.self,
            Basis.self, Mask.self, Layer.self, Spectra.self, Train.self, Identify.self, EMLP.self,
            IdentifiabilityCommand.self, Invariants.self, CovarianceSymmetries.self, LConv.self, Kernel.self,
            OrbitKernel.self,
            Reproduce.self,
            Demo.self,
            Bench.self,
        ])

    static func main() {
        do {
            try refuseRepeatedOptions(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
        } catch let error as Interrupted {
            FileHandle.standardError.write(Data("\neqgeom: error: \(error)\n".utf8))
            Foundation.exit(130)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            fail(message(for: error))
        }
    }
}

/// Options a command line may give more than once: the generators of a group and the image moves that
/// generate one (commands that need a single permutation refuse several moves themselves).
let repeatableOptions: Set<String> = ["--gen", "--shift", "--rotate", "--reflect", "--matrix", "--lie-matrix"]

/// Refuses an option given twice (swift-argument-parser would keep the last one silently), by name.
func refuseRepeatedOptions(_ arguments: [String]) throws {
    var seen: [String: Int] = [:]
    for argument in arguments {
        if argument == "--" { break }
        guard argument.hasPrefix("--"), argument.count > 2 else { continue }
        let name = String(argument.split(separator: "=", maxSplits: 1)[0])
        seen[name, default: 0] += 1
        if seen[name] == 2 && !repeatableOptions.contains(name) {
            throw ValidationError("\(name) is given more than once; give it once")
        }
    }
}

/// Prints one error line on stderr and exits with status 2.
func fail(_ message: String) -> Never {
    let line = message.split(separator: "\n").first.map(String.init) ?? "unknown error"
    let trimmed = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    FileHandle.standardError.write(Data("eqgeom: error: \(trimmed)\n".utf8))
    Foundation.exit(2)
}

/// Writes a progress line on stderr (never on stdout, which carries results).
func progress(_ message: String) {
    FileHandle.standardError.write(Data("eqgeom: \(message)\n".utf8))
}

/// A progress bar on stderr: redrawn in place on a terminal, a line at each quarter otherwise.
/// - Throws: `Interrupted` once SIGINT has arrived, so that long training stops cleanly.
func progressBar(_ label: String, _ done: Int, _ total: Int, unit: String = "epochs") throws {
    try Interruption.check()
    guard total > 0 else { return }
    if isatty(STDERR_FILENO) != 0 {
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(
            Data("\reqgeom: \(label) [\(bar)] \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    } else if done == total || (4 * done / total) != (4 * (done - 1) / total) {
        progress("\(label): \(done)/\(total) \(unit)")
    }
}
