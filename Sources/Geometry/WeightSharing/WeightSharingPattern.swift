import Algebra

/// Where the free parameters of a weight-shared linear layer sit: each parameter θ_k occurs at some
/// (row, column) positions with a sign, and the layer's matrix is Σ_k θ_k Σ_occurrences sign·E_{row,col}.
public struct WeightSharingPattern: Sendable, Codable, Equatable {
    /// One occurrence of a parameter.
    public struct Occurrence: Sendable, Codable, Equatable {
        /// The row of the matrix.
        public let row: Int
        /// The column of the matrix.
        public let column: Int
        /// ±1: the entry is sign·θ.
        public let sign: Int
        /// The entry (row, column) holding sign·θ.
        public init(row: Int, column: Int, sign: Int) {
            self.row = row
            self.column = column
            self.sign = sign
        }
        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            row = try c.decode(Int.self)
            column = try c.decode(Int.self)
            sign = try c.decode(Int.self)
        }
        /// Encoded compactly as `[row, column, sign]`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(row)
            try c.encode(column)
            try c.encode(sign)
        }
    }

    /// The matrix's rows.
    public let rows: Int
    /// The matrix's columns.
    public let columns: Int
    /// parameters[k] lists the occurrences of θ_k.
    public let parameters: [[Occurrence]]

    /// Whether θ_k is exactly entry k (row-major) with sign +1: a dense layer.
    public let isDense: Bool

    /// A rows × columns pattern; `parameters[k]` lists where θ_k occurs.
    public init(rows: Int, columns: Int, parameters: [[Occurrence]]) {
        self.rows = rows
        self.columns = columns
        self.parameters = parameters
        isDense = Self.isDenseLayout(rows: rows, columns: columns, parameters: parameters)
    }

    static func isDenseLayout(rows: Int, columns: Int, parameters: [[Occurrence]]) -> Bool {
        parameters.count == rows * columns
            && parameters.enumerated().allSatisfy { k, occ in
                occ.count == 1 && occ[0].sign == 1 && occ[0].row * columns + occ[0].column == k
            }
    }

    /// [rows, columns].
    public var shape: [Int] { [rows, columns] }

    /// The exact matrix Σ_k θ_k Σ sign·E_{row,col} for rational weights θ.
    public func matrix(_ theta: [Rational]) -> RationalMatrix {
        var m = RationalMatrix(rows: rows, columns: columns)
        for (k, occ) in parameters.enumerated() {
            for o in occ { m[o.row, o.column] = m[o.row, o.column] + Rational(o.sign) * theta[k] }
        }
        return m
    }

    /// Dense row-major maps: `index[r*columns + c]` = k for θ_k there (0-based) and −1 where the entry is
    /// structurally zero, and the sign (0 there). A matrix with weights θ is W[r,c] = sign·θ[index], which
    /// holds at the zeros too whatever θ[−1] is.
    public var denseIndexAndSign: (index: [Int32], sign: [Int8]) {
        var index = [Int32](repeating: -1, count: rows * columns)
        var sign = [Int8](repeating: 0, count: rows * columns)
        for (k, occ) in parameters.enumerated() {
            for o in occ {
                index[o.row * columns + o.column] = Int32(k)
                sign[o.row * columns + o.column] = Int8(o.sign)
            }
        }
        return (index, sign)
    }

    enum CodingKeys: String, CodingKey { case rows, columns, parameters, shape }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rows = try c.decode(Int.self, forKey: .rows)
        columns = try c.decode(Int.self, forKey: .columns)
        parameters = try c.decode([[Occurrence]].self, forKey: .parameters)
        isDense = Self.isDenseLayout(rows: rows, columns: columns, parameters: parameters)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(shape, forKey: .shape)
        try c.encode(parameters, forKey: .parameters)
    }
}
