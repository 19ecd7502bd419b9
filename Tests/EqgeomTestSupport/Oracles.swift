import Foundation

/// Loads a committed oracle file (values computed by GAP or Macaulay2, with the script beside it)
/// from `Tests/<Target>/Oracles/`, located from the calling test file's path.
public func oracleData(_ name: String, testFile: String = #filePath) throws -> Data {
    let dir = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Oracles")
    return try Data(contentsOf: dir.appendingPathComponent(name))
}

/// The package root, found from a test file's path (Tests/<Target>/<file>.swift).
public func packageRoot(testFile: String = #filePath) -> URL {
    URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
