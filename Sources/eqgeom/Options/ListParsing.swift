import CommandLineSupport
import ArgumentParser
import Foundation

/// A comma-separated list `1,2,4` read strictly: every item (spaces trimmed) must convert; empty items (`1,,2`)
/// and an empty list are refused, naming the flag.
func parseList<T>(_ text: String, flag: String, what: String, _ convert: (String) -> T?) throws -> [T] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
    }
    let values = items.compactMap(convert)
    guard !items.isEmpty, values.count == items.count else {
        throw ValidationError("\(flag) takes a comma-separated list of \(what), got '\(text)'")
    }
    return values
}
