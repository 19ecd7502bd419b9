import Foundation
import Testing
import EqgeomTestSupport

/// `eqgeom lcn` and `reproduce lcn` (docs/cli.md).
@Suite struct LCNCommandTests {
    @Test func showKeys() throws {
        let o = try json(["lcn", "show", "--filters", "2,2", "--filter", "1,0,1"])
        #expect(
            o["filter_size"] as? Int == 3 && o["dimension"] as? Int == 3 && o["dimension_certified"] as? Bool == true)
        #expect(o["filling"] as? Bool == false && o["member"] as? Bool == false)  // x² + 1 has no real factor
        let p = try json(["lcn", "show", "--filters", "2,2", "--strides", "2,1", "--point=-1,1;-1,1"])
        // (x − 1)(x² − 1) = −1 + x − ... : u = w_1(x)·w_2(x²)
        #expect(p["filter_size"] as? Int == 4 && p["dimension"] as? Int == 3 && p["point_regular"] as? Bool == true)
        #expect(p["point_filter"] as? [String] == ["1", "-1", "-1", "1"])
    }

    @Test func trainAndReproduce() throws {
        let t = try json(["lcn", "train", "--filters", "2,2", "--strides", "2,1", "--seeds", "10", "--steps", "500"])
        let counts = t["counts"] as? [String: Int] ?? [:]
        #expect(counts.values.reduce(0, +) == 10 && counts["spurious"] == 0)
        let r = try json(["reproduce", "lcn", "--seeds", "3", "--steps", "200"])
        #expect((r["rows"] as? [Any])?.count == 8 && r["certified_jacobian_rank"] as? Int == 2)
    }

    @Test func refusals() throws {
        try expectRefusal(["lcn", "show", "--filters", "0,2"], "at least 1")
        try expectRefusal(["lcn", "show", "--filters", "2,2", "--strides", "0,1"], "at least 1")
        try expectRefusal(["lcn", "show", "--filters", "2,2", "--strides", "1"], "one stride per filter")
        try expectRefusal(["lcn", "show", "--filters", "2,2", "--point", "1,1"], "sizes")
        try expectRefusal(["lcn", "show", "--filters", "2,2", "--filter", "1,2,3,4"], "entries")
        try expectRefusal(["lcn", "train", "--filters", "2,2", "--seeds", "0"], "--seeds")
        try expectRefusal(["lcn", "show", "--filters", "99999"], "exact rank")
        try expectRefusal(["lcn", "show", "--filters", "1500,1000", "--filter", "1"], "exact rank")
    }
}
