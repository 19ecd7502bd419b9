internal import CFlint

/// An owned vector of arb complex balls.
final class AcbVector {
    let ptr: UnsafeMutablePointer<acb_struct>
    let count: Int

    init(count: Int) {
        self.count = count
        guard let vector = _acb_vec_init(max(count, 1)) else { preconditionFailure("arb allocates \(count) balls") }
        ptr = vector
    }

    deinit { _acb_vec_clear(ptr, max(count, 1)) }
}
