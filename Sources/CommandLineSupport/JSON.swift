import ArgumentParser
import Foundation

/// Compact JSON with sorted keys.
public func jsonBytes(_ value: some Encodable, pretty: Bool = false) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
        pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    do {
        return [UInt8](try encoder.encode(value))
    } catch {
        throw ValidationError("the result contains a value JSON cannot represent (NaN or infinity)")
    }
}
