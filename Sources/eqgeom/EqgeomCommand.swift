import ArgumentParser
import Algebra

@main
struct EqgeomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eqgeom")
}
