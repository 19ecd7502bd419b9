/// Neumaier's compensated summation: the rounding error of each addition is carried along, so a sum of many
/// terms is within a few ulp whatever their order (a kernel summed over positions must not depend on how a
/// symmetry reorders them).
struct CompensatedSum {
    private(set) var sum = 0.0
    private var compensation = 0.0

    var value: Double { sum + compensation }

    mutating func add(_ x: Double) {
        let t = sum + x
        compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
        sum = t
    }
}
