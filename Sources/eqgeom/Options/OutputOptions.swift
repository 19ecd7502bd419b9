import ArgumentParser

/// `--json`: one JSON object on stdout instead of the readable table.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON object (big integers as strings of decimal digits).")
    var json = false
}
