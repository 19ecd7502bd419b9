import Algebra
import Foundation

extension NumPyArray {
    /// Reads a C-ordered `.npy` file's values as doubles straight from the file, a few megabytes at a time, so
    /// that peak memory is the doubles themselves (not the file's bytes beside them). Returns nil when the file
    /// is not a plain `.npy` (gzip, another format) or is in Fortran order: read it whole instead.
    /// - Throws: `NumericError` for a malformed or truncated file; `MemoryLimitError` when the doubles would
    ///   not fit the memory budget.
    static func streamedDoubles(path: String, name: String) throws -> (shape: [Int], dtype: DType, values: [Double])? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        InputFile.register(path)
        let head = [UInt8](try handle.read(upToCount: 1 << 16) ?? Data())
        guard head.count >= 6, head[0] == 0x93, Array(head[1..<6]) == Array("NUMPY".utf8) else { return nil }
        let p = try preamble(head, name: name)
        guard !p.fortranOrder else { return nil }
        let size = Int(try handle.seekToEnd())
        guard size - p.dataOffset == p.count * p.dtype.size else {
            throw NumericError.invalidInput(
                "\(name): .npy data has \(size - p.dataOffset) bytes, shape \(p.shape) of \(p.dtype.rawValue) needs "
                    + "\(p.count * p.dtype.size)")
        }
        try MemoryBudget.require(
            ByteCount.product(p.count, 8), for: "the \(p.count) values of \(name)", advice: "use a smaller file")
        try handle.seek(toOffset: UInt64(p.dataOffset))
        let descriptor = handle.fileDescriptor
        /// Fills `count` bytes at `target` from the file (read(2) until done).
        func fill(_ target: UnsafeMutableRawPointer, _ count: Int) throws {
            var done = 0
            while done < count {
                let got = read(descriptor, target + done, count - done)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    throw NumericError.invalidInput("\(name): the file ended early or cannot be read")
                }
                done += got
            }
        }
        let values = try [Double](unsafeUninitializedCapacity: p.count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            if p.dtype == .float64 && Int(littleEndian: 1) == 1 {
                // the file's bytes are the doubles: read them in place
                try fill(UnsafeMutableRawPointer(base), p.count * 8)
                initialized = p.count
                return
            }
            let chunk = (1 << 22) / p.dtype.size  // elements per read: 4 MiB
            let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunk * p.dtype.size, alignment: 8)
            defer { scratch.deallocate() }
            while initialized < p.count {
                let wanted = min(chunk, p.count - initialized)
                try fill(scratch, wanted * p.dtype.size)
                let raw = UnsafeRawBufferPointer(start: scratch, count: wanted * p.dtype.size)
                for i in 0..<wanted { base[initialized + i] = element(raw, at: i, p.dtype) }
                initialized += wanted
            }
        }
        return (p.shape, p.dtype, values)
    }
}
