/// k-tuples of points 0…n−1 in row-major order, (i_1, …, i_k) numbered Σ i_t n^{k−t} (MATH.md §6).
public enum Tuples {
    /// Steps `digits` to the next tuple in row-major order; false (and all digits 0) after the last one.
    @discardableResult
    public static func advance(_ digits: inout [Int], base n: Int) -> Bool {
        var t = digits.count - 1
        while t >= 0 {
            digits[t] += 1
            if digits[t] < n { return true }
            digits[t] = 0
            t -= 1
        }
        return false
    }
}
