import CommandLineSupport
import ArgumentParser
import Foundation
import NumericBridge

/// The `eqgeom` command line: a thin layer over Algebra, Geometry and NumericBridge.
/// Every failure prints one line `eqgeom: error: …` on stderr and exits with status 2.
@main
struct EqgeomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eqgeom",
        abstract: "Exact geometry of equivariant and invariant linear neural networks (Kohn–Sattelberger–Shahverdi).",
        version: "0.1.0",
        subcommands: [
            Determinantal.self, Invariant.self, Equivariant.self, Components.self, CriticalPoints.self,
            Architecture.self, LCN.self,
            Basis.self, Mask.self, Layer.self, Spectra.self, Train.self, Identify.self, EMLP.self,
            IdentifiabilityCommand.self, Invariants.self, Semigroup.self, CovarianceSymmetries.self, LConv.self,
            Kernel.self,
            OrbitKernel.self,
            Reproduce.self,
            Demo.self,
        ])

    static func main() {
        BLASCore.restartWithBetterKernelsIfNeeded()
        // SIGINT/SIGTERM remove the run's temporaries and staging directories (polling commands take SIGINT over)
        StagedPaths.removeOnSignal()
        do {
            var command = try parseAsRoot()
            try refuseRepeatedOptions(Array(CommandLine.arguments.dropFirst()), of: type(of: command))
            try command.run()
            finishStandardOutput()
            if Interruption.wasRaised {
                // SIGINT came after the last check: the outputs are complete, but the user asked to stop
                progress("interrupted (SIGINT) as the run finished; its outputs are complete")
                Foundation.exit(130)
            }
        } catch let error as Interrupted {
            FileHandle.standardError.write(Data("\neqgeom: error: \(error)\n".utf8))
            Foundation.exit(130)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            fail(message(for: error) + flagAdvice(for: error))
        }
    }
}

/// Refuses an option given twice when it holds one value (swift-argument-parser would keep the last one
/// silently). Which options repeat is read from the command's own declarations: every array option (`--gen`,
/// `--shift`, `--check-shift`, …) may be given again, and commands that need one move refuse several themselves.
func refuseRepeatedOptions(_ arguments: [String], of command: any ParsableCommand.Type) throws {
    let repeatable = repeatingOptionNames(command)
    var seen: [String: Int] = [:]
    for argument in arguments {
        if argument == "--" { break }
        guard argument.hasPrefix("--"), argument.count > 2 else { continue }
        let name = String(argument.split(separator: "=", maxSplits: 1)[0])
        seen[name, default: 0] += 1
        if seen[name] == 2 && !repeatable.contains(name) {
            throw ValidationError("\(name) is given more than once; give it once")
        }
    }
}

/// The long names (`--gen`) of the command's options that take several values, from the parser's own
/// description of the command.
func repeatingOptionNames(_ command: any ParsableCommand.Type) -> Set<String> {
    struct Dump: Decodable {
        struct Name: Decodable {
            let kind: String
            let name: String
        }
        struct Argument: Decodable {
            let names: [Name]?
            let isRepeating: Bool
        }
        struct Command: Decodable { let arguments: [Argument]? }
        let command: Command
    }
    guard let dump = try? JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)) else { return [] }
    let repeating = (dump.command.arguments ?? []).filter(\.isRepeating)
    return Set(repeating.flatMap { ($0.names ?? []).filter { $0.kind == "long" }.map { "--" + $0.name } })
}
