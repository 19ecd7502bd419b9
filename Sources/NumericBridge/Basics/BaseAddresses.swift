/// Runs `body` on the base addresses of three arrays, valid for its duration; does nothing when one of them is
/// empty (it has no storage).
func withBaseAddresses<A, B, C>(
    _ a: [A], _ b: [B], _ c: [C], _ body: (UnsafePointer<A>, UnsafePointer<B>, UnsafePointer<C>) -> Void
) {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            c.withUnsafeBufferPointer { c in
                guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                body(a, b, c)
            }
        }
    }
}
